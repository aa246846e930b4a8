-- Place des Arts from request to invoice (issue 19): the file's own request id, the dashboard's table kept in step,
-- manual links and accepted differences from the review screens, and the morning completion check's record.

-- The id the legacy file gave the request (pda_manual_<epoch>, pda_auto_NNNN…), as written; not unique across files.
ALTER TABLE pda_request ADD COLUMN source_legacy_id text;
-- The text id of the request in place_des_arts_requests (legacy_id when null): the file's id when it had one that no other request took,
-- else that id suffixed with part of the business key's hash, else legacy_id. Set once, never changed.
ALTER TABLE pda_request ADD COLUMN dashboard_id text;
UPDATE pda_request SET dashboard_id = legacy_id WHERE dashboard_id IS NULL;
ALTER TABLE pda_request ADD CONSTRAINT pda_request_dashboard_id_key UNIQUE (dashboard_id);
-- Who linked the request by hand from the console (null: linked by the scorer or the file).
ALTER TABLE pda_request ADD COLUMN linked_by text;
ALTER TABLE pda_request ADD COLUMN linked_at timestamptz;

-- The dashboard's table (DOMAIN.md "Existing tables"), created when this database has none. Nocturne keeps one row
-- per pda_request in step after every stage that changes requests; rows the dashboard wrote with other ids are left.
CREATE TABLE IF NOT EXISTS place_des_arts_requests (
    id               text PRIMARY KEY,
    request_date     date,
    appointment_date date,
    room             text,
    room_original    text,
    for_who          text,
    diapason         smallint,
    requester        text,
    piano            text,
    time             text,
    technician_id    text,
    billing_amount   numeric(8, 2),
    parking          numeric(8, 2),
    status           text,
    notes            text,
    appointment_id   text,
    billed_at        timestamptz,
    billed_by        text,
    created_at       timestamptz DEFAULT now(),
    updated_at       timestamptz DEFAULT now()
);

-- A parking or technician difference staff accepted: the next night stays silent while the value that differs is
-- still the accepted one, and speaks again if it changes.
CREATE TABLE pda_accepted_difference (
    pda_request_id bigint NOT NULL REFERENCES pda_request (id),
    kind           text NOT NULL CHECK (kind IN ('PARKING_MISMATCH', 'TECHNICIAN_MISMATCH')),
    accepted_value text NOT NULL,
    accepted_by    text NOT NULL,
    accepted_at    timestamptz NOT NULL DEFAULT now(),
    reason         text,
    PRIMARY KEY (pda_request_id, kind)
);

-- What the completion check asked about each linked request, and what it found. One row per request per run.
CREATE TABLE pda_completion_check (
    id                      bigserial PRIMARY KEY,
    job_execution_id        bigint NOT NULL,
    pda_request_id          bigint NOT NULL REFERENCES pda_request (id),
    appointment_external_id text NOT NULL,
    source                  text NOT NULL CHECK (source IN ('api', 'files')),
    asked                   text NOT NULL,
    found_status            text,
    outcome                 text NOT NULL CHECK (outcome IN ('COMPLETED', 'NOT_YET', 'CANCELED', 'MISSING')),
    checked_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (job_execution_id, pda_request_id)
);
CREATE INDEX pda_completion_check_request ON pda_completion_check (pda_request_id);
