-- Maintenance alerts (DOMAIN.md "Proposed new tables"): found after the sync in the institutional service notes and
-- measurements, one per (timeline entry, kind) whatever the number of runs, open until someone resolves it.
-- Kinds: DOMAIN's four keyword kinds, plus a humidity reading outside the band (humidite) and a PLS piano whose
-- readings stay outside the band for two visits (pls).
CREATE TABLE maintenance_alert (
    id                   bigserial PRIMARY KEY,
    timeline_external_id text NOT NULL,
    piano_external_id    text,
    client_external_id   text,
    alert_type           text NOT NULL CHECK (alert_type IN ('housse', 'alimentation', 'reservoir', 'autre', 'humidite', 'pls')),
    description          text NOT NULL,
    observed_at          timestamptz NOT NULL,
    observed_on          date NOT NULL,
    humidity_pct         numeric(5, 1),
    job_execution_id     bigint,
    created_at           timestamptz NOT NULL DEFAULT now(),
    resolved             boolean NOT NULL DEFAULT false,
    resolved_at          timestamptz,
    resolved_by          text,
    UNIQUE (timeline_external_id, alert_type)
);
CREATE INDEX maintenance_alert_open ON maintenance_alert (observed_on) WHERE NOT resolved;
CREATE INDEX maintenance_alert_execution ON maintenance_alert (job_execution_id);

-- The night's new alerts go to Nicolas in their own email.
ALTER TABLE mail_delivery DROP CONSTRAINT IF EXISTS mail_delivery_kind_check;
ALTER TABLE mail_delivery ADD CONSTRAINT mail_delivery_kind_check CHECK (kind IN ('SUMMARY', 'ALERT', 'MAINTENANCE'));

-- The fleet overlay: how a venue_piano row was linked to its Gazelle piano (serial, make_model_room, or manual: set
-- by hand and never changed by the overlay), and why a row was left unlinked (a tie, a weak match).
ALTER TABLE venue_piano ADD COLUMN IF NOT EXISTS link_method text
    CHECK (link_method IN ('serial', 'make_model_room', 'manual'));
ALTER TABLE venue_piano ADD COLUMN IF NOT EXISTS link_note text;
ALTER TABLE venue_piano ADD COLUMN IF NOT EXISTS linked_at timestamptz;
CREATE INDEX IF NOT EXISTS venue_piano_piano ON venue_piano (piano_external_id);
