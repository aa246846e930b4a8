-- The nightly proof that nothing was lost: one row per file, per synced entity and per table size, per run.
CREATE TABLE sync_count_check (
    id               bigserial PRIMARY KEY,
    job_execution_id bigint NOT NULL,
    job_instance_id  bigint,
    stage            text NOT NULL CHECK (stage IN ('import', 'gazelle', 'tables')),
    entity           text NOT NULL,
    source           text NOT NULL,
    window_start     timestamptz,
    window_end       timestamptz,
    source_count     bigint,
    written_count    bigint,
    rejected_count   bigint,
    duplicate_count  bigint,
    target_count     bigint,
    previous_count   bigint,
    suspicious_cap   boolean NOT NULL DEFAULT false,
    status           text NOT NULL CHECK (status IN ('OK', 'WARN', 'FAIL')),
    rules            text[] NOT NULL DEFAULT '{}',
    message          text,
    checked_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_count_check_execution ON sync_count_check (job_execution_id);
CREATE INDEX sync_count_check_entity ON sync_count_check (stage, entity, checked_at);
