-- The sync no longer rewrites a row equal to the stored one (a night without change in Gazelle writes nothing), so
-- last_seen_job_execution_id now names the last run that CHANGED a row, and two things are kept apart:
--   * how many records of a run were found unchanged, beside written, rejected and duplicates in the count checks;
--   * which appointments a run saw, changed or not: an active appointment of the window that no run of the night
--     saw has vanished from Gazelle (CancelVanishedAppointmentsTasklet). Only the sightings of the latest night are
--     kept. A regular (logged) table: after a crash the restart still knows what was seen before it.
ALTER TABLE sync_count_check ADD COLUMN IF NOT EXISTS unchanged_count bigint;

CREATE TABLE IF NOT EXISTS sync_appointment_sighting (
    job_execution_id bigint NOT NULL,
    external_id      text   NOT NULL,
    PRIMARY KEY (job_execution_id, external_id)
);
ALTER TABLE sync_appointment_sighting ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, DELETE ON sync_appointment_sighting TO nocturne_etl;
DROP POLICY IF EXISTS nocturne_etl_all ON sync_appointment_sighting;
CREATE POLICY nocturne_etl_all ON sync_appointment_sighting FOR ALL TO nocturne_etl USING (true) WITH CHECK (true);
