-- Gazelle's EventStatus spellings (schema.graphqls: ACTIVE, CANCELED with one L, NO_SHOW, COMPLETE) in
-- gazelle_appointments, whatever the source: the CSV export and the vanished-appointment step used to write
-- CANCELLED, and some rows say COMPLETED.
UPDATE gazelle_appointments SET status = 'CANCELED' WHERE upper(status) = 'CANCELLED';
UPDATE gazelle_appointments SET status = 'COMPLETE' WHERE upper(status) = 'COMPLETED';

-- A request linked to an appointment Gazelle marks NO_SHOW is its own anomaly.
ALTER TABLE pda_anomaly DROP CONSTRAINT pda_anomaly_kind_check;
ALTER TABLE pda_anomaly ADD CONSTRAINT pda_anomaly_kind_check CHECK (kind IN (
    'UNLINKED_OVERDUE', 'REVIEW_NEEDED', 'ORPHAN_APPOINTMENT', 'LINKED_TO_CANCELLED', 'LINKED_TO_NO_SHOW', 'LINKED_TO_MISSING',
    'APPOINTMENT_SHARED', 'DUPLICATE_REQUEST', 'REQUEST_AFTER_APPOINTMENT', 'DATE_MISMATCH', 'PARKING_MISMATCH',
    'TECHNICIAN_MISMATCH'));
