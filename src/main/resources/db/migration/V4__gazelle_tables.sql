-- The Gazelle copy the dashboard reads. On Supabase these tables already exist with the dashboard's columns: they
-- are created only when missing, and Nocturne's own columns are added alongside (nullable, so the dashboard keeps
-- working). At job start the sync checks the live columns it writes and fails, naming the missing ones.

CREATE TABLE IF NOT EXISTS gazelle_users (
    id          bigserial PRIMARY KEY,
    external_id text NOT NULL UNIQUE,
    first_name  text,
    last_name   text,
    email       text,
    status      text
);

CREATE TABLE IF NOT EXISTS gazelle_clients (
    id               serial PRIMARY KEY,
    external_id      text NOT NULL UNIQUE,
    company_name     text,
    first_name       text,
    last_name        text,
    status           text,
    email            text,
    phone            text,
    city             text,
    postal_code      text,
    personal_notes   text,
    preference_notes text,
    locale           text,
    tags             text[],
    created_at       timestamptz,
    updated_at       timestamptz
);
ALTER TABLE gazelle_clients
    ADD COLUMN IF NOT EXISTS preferred_technician_id text,
    ADD COLUMN IF NOT EXISTS client_type text,
    ADD COLUMN IF NOT EXISTS lifecycle_state text,
    ADD COLUMN IF NOT EXISTS referred_by text,
    ADD COLUMN IF NOT EXISTS no_contact_until date,
    ADD COLUMN IF NOT EXISTS no_contact_reason text,
    ADD COLUMN IF NOT EXISTS wants_email boolean,
    ADD COLUMN IF NOT EXISTS wants_phone boolean,
    ADD COLUMN IF NOT EXISTS wants_text boolean;

CREATE TABLE IF NOT EXISTS gazelle_contacts (
    id                 bigserial PRIMARY KEY,
    external_id        text NOT NULL UNIQUE,
    client_external_id text,
    first_name         text,
    last_name          text,
    email              text,
    phone              text,
    is_default         boolean,
    created_at         timestamptz,
    updated_at         timestamptz
);

CREATE TABLE IF NOT EXISTS gazelle_pianos (
    id                            serial PRIMARY KEY,
    external_id                   text NOT NULL UNIQUE,
    client_external_id            text,
    make                          text,
    model                         text,
    serial_number                 text,
    type                          text,
    year                          integer,
    location                      text,
    notes                         text,
    dampp_chaser_installed        boolean,
    dampp_chaser_humidistat_model text,
    dampp_chaser_mfg_date         date,
    updated_at                    timestamptz
);
ALTER TABLE gazelle_pianos
    ADD COLUMN IF NOT EXISTS status text,
    ADD COLUMN IF NOT EXISTS tags text[],
    ADD COLUMN IF NOT EXISTS service_interval_months integer,
    ADD COLUMN IF NOT EXISTS last_service_on date,
    ADD COLUMN IF NOT EXISTS next_service_on date,
    ADD COLUMN IF NOT EXISTS serial_normalized text;

CREATE TABLE IF NOT EXISTS gazelle_appointments (
    id                     bigserial PRIMARY KEY,
    external_id            text NOT NULL UNIQUE,
    client_external_id     text,
    piano_external_id      text,
    title                  text,
    description            text,
    appointment_date       date,
    appointment_time       time,
    start_datetime         timestamptz,
    duration_minutes       integer,
    status                 text,
    technicien             text,
    location               text,
    notes                  text,
    travel_mode            text,
    event_type             text,
    is_all_day             boolean,
    created_at             timestamptz DEFAULT now(),
    updated_at             timestamptz,
    last_notified_tech_id  text,
    last_notified_schedule text
);
ALTER TABLE gazelle_appointments
    ADD COLUMN IF NOT EXISTS confirmed_by_client boolean,
    ADD COLUMN IF NOT EXISTS cancelled_detected_at timestamptz;

CREATE TABLE IF NOT EXISTS gazelle_appointment_pianos (
    id                      bigserial PRIMARY KEY,
    external_id             text NOT NULL UNIQUE,
    appointment_external_id text NOT NULL,
    piano_external_id       text NOT NULL
);

CREATE TABLE IF NOT EXISTS gazelle_timeline_entries (
    id                 bigserial PRIMARY KEY,
    external_id        text NOT NULL UNIQUE,
    client_id          text,
    piano_id           text,
    invoice_id         text,
    estimate_id        text,
    user_id            text,
    occurred_at        timestamptz,
    entry_type         text,
    title              text,
    description        text,
    metadata           jsonb
);
ALTER TABLE gazelle_timeline_entries
    ADD COLUMN IF NOT EXISTS occurred_date date,
    ADD COLUMN IF NOT EXISTS origin text,
    ADD COLUMN IF NOT EXISTS content_signature text,
    ADD COLUMN IF NOT EXISTS temperature_c numeric(5, 1),
    ADD COLUMN IF NOT EXISTS humidity_pct numeric(5, 1),
    ADD COLUMN IF NOT EXISTS pitch_hz numeric(6, 1);
CREATE INDEX IF NOT EXISTS gazelle_timeline_entries_signature ON gazelle_timeline_entries (content_signature);

CREATE TABLE IF NOT EXISTS gazelle_invoices (
    id             bigserial PRIMARY KEY,
    external_id    text NOT NULL UNIQUE,
    client_id      text,
    invoice_number integer,
    invoice_date   date,
    status         text,
    sub_total      numeric(12, 2),
    total          numeric(12, 2),
    notes          text,
    due_on         date
);
ALTER TABLE gazelle_invoices
    ADD COLUMN IF NOT EXISTS assigned_to text,
    ADD COLUMN IF NOT EXISTS created_at timestamptz;

CREATE TABLE IF NOT EXISTS gazelle_invoice_items (
    id                  bigserial PRIMARY KEY,
    external_id         text NOT NULL UNIQUE,
    invoice_external_id text,
    description         text,
    item_type           text,
    quantity            numeric(12, 2),
    amount              numeric(12, 2),
    sub_total           numeric(12, 2),
    tax_total           numeric(12, 2),
    total               numeric(12, 2),
    billable            boolean,
    taxable             boolean,
    sequence_number     integer
);

-- Nocturne's bookkeeping on every synced table: Gazelle's own updatedAt, when and by which run a row was last seen.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['gazelle_users', 'gazelle_clients', 'gazelle_contacts', 'gazelle_pianos',
        'gazelle_appointments', 'gazelle_appointment_pianos', 'gazelle_timeline_entries', 'gazelle_invoices',
        'gazelle_invoice_items']
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS gazelle_updated_at timestamptz, '
            'ADD COLUMN IF NOT EXISTS synced_at timestamptz, '
            'ADD COLUMN IF NOT EXISTS last_seen_job_execution_id bigint', t);
    END LOOP;
END
$$;

CREATE TABLE IF NOT EXISTS system_settings (
    key        text PRIMARY KEY,
    value      jsonb,
    updated_at timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS sync_logs (
    id               bigserial PRIMARY KEY,
    sync_type        text,
    status           text,
    started_at       timestamptz,
    completed_at     timestamptz,
    records_synced   integer,
    error_message    text
);
ALTER TABLE sync_logs ADD COLUMN IF NOT EXISTS job_execution_id bigint, ADD COLUMN IF NOT EXISTS source text;

-- Gazelle records read but not written (SKIPPED, each with its reason: "records returned = written + skipped"), and
-- records written with a note (WARNING, e.g. a client absent from the export).
CREATE TABLE sync_reject (
    id               bigserial PRIMARY KEY,
    job_execution_id bigint NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('SKIPPED', 'WARNING')),
    entity           text NOT NULL,
    external_id      text,
    source           text NOT NULL,
    line_number      integer,
    reason_code      text NOT NULL,
    message          text NOT NULL,
    payload          text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_reject_execution ON sync_reject (job_execution_id);
