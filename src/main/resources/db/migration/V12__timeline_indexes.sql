-- The content signature recognises one timeline entry arriving both from a CSV export (tle_ id) and from the API
-- (tme_): a CSV row is superseded by an API row of the same signature, and an API row removes the CSV row. Each
-- lookup only ever asks for the other kind, so two partial indexes replace the full one: a CSV import probes the
-- (small, often empty) index of API rows, and every insert maintains one index instead of a larger shared one.
CREATE INDEX IF NOT EXISTS gazelle_timeline_entries_api_signature ON gazelle_timeline_entries (content_signature)
    WHERE external_id NOT LIKE 'tle\_%';
CREATE INDEX IF NOT EXISTS gazelle_timeline_entries_csv_signature ON gazelle_timeline_entries (content_signature)
    WHERE external_id LIKE 'tle\_%';
DROP INDEX IF EXISTS gazelle_timeline_entries_signature;

-- The reconciliation reads the service notes of a few pianos on a day (parking): by piano, not by scanning the
-- whole history once per request.
CREATE INDEX IF NOT EXISTS gazelle_timeline_entries_piano ON gazelle_timeline_entries (piano_id);
