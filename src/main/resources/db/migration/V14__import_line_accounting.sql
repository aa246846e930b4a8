-- Issue 17: every physical line of an imported file is accounted for (header + lines of its records + blank lines),
-- and a file that changed while it was being imported is kept apart as CHANGED: not imported, read again whole by
-- the next run, whose rows are then recognised as the same batch's rows rather than as duplicates.

ALTER TABLE import_batch
    ADD COLUMN physical_lines   integer,
    ADD COLUMN header_lines     integer NOT NULL DEFAULT 0,
    ADD COLUMN record_lines     integer NOT NULL DEFAULT 0,
    ADD COLUMN blank_lines      integer NOT NULL DEFAULT 0,
    ADD COLUMN file_modified_at timestamptz;

ALTER TABLE import_batch DROP CONSTRAINT import_batch_status_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check
    CHECK (status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'REFUSED', 'CHANGED'));

CREATE INDEX import_batch_file_path ON import_batch (file_path) WHERE status = 'CHANGED';
