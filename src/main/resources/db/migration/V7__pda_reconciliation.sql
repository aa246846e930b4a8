-- Place des Arts reconciliation (issue 12): what each run flagged for staff, and the orphan appointments staff
-- dismissed. Everything stays in public; the extra columns are nullable so a Supabase copy can be filled by hand.

-- One row per anomaly per run: a second run records its own rows again, the earlier ones stay as history.
-- The kinds are the AnomalyKind enum of the application.
CREATE TABLE pda_anomaly (
    id                      bigserial PRIMARY KEY,
    job_execution_id        bigint NOT NULL,
    job_instance_id         bigint,
    run_date                date,
    kind                    text NOT NULL CHECK (kind IN (
        'UNLINKED_OVERDUE', 'REVIEW_NEEDED', 'ORPHAN_APPOINTMENT', 'LINKED_TO_CANCELLED', 'LINKED_TO_MISSING',
        'APPOINTMENT_SHARED', 'DUPLICATE_REQUEST', 'REQUEST_AFTER_APPOINTMENT', 'DATE_MISMATCH', 'PARKING_MISMATCH',
        'TECHNICIAN_MISMATCH')),
    pda_request_id          bigint REFERENCES pda_request (id),
    appointment_external_id text,
    message                 text NOT NULL,
    details                 jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pda_anomaly_execution ON pda_anomaly (job_execution_id);
CREATE INDEX pda_anomaly_instance ON pda_anomaly (job_instance_id);
CREATE INDEX pda_anomaly_request ON pda_anomaly (pda_request_id);

-- "Staff can dismiss them": an orphan appointment listed here is no longer reported.
CREATE TABLE pda_orphan_dismissal (
    appointment_external_id text PRIMARY KEY,
    dismissed_at            timestamptz NOT NULL DEFAULT now(),
    dismissed_by            text,
    reason                  text
);

CREATE INDEX IF NOT EXISTS pda_request_appointment_external_id ON pda_request (appointment_external_id);
