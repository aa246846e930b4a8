-- Every email Nocturne tried to send (morning summary, failure alert): where it went, how many attempts, why it
-- failed. A mail failure never fails the data stages, and never goes unrecorded.
CREATE TABLE mail_delivery (
    id               bigserial PRIMARY KEY,
    job_execution_id bigint,
    kind             text NOT NULL CHECK (kind IN ('SUMMARY', 'ALERT')),
    recipients       text NOT NULL,
    subject          text NOT NULL,
    status           text NOT NULL CHECK (status IN ('SENT', 'OUTBOX', 'FAILED')),
    attempts         integer NOT NULL,
    attachments      integer NOT NULL DEFAULT 0,
    eml_path         text,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_delivery_execution ON mail_delivery (job_execution_id);
