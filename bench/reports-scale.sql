-- Seed of bench/reports-scale.sh: an inventory of :pianos institutional pianos and a maintenance log of :log_rows
-- service notes and measurements inside the Entretien period (the :days days before :run_date), plus the rows the
-- reports must leave out (hidden pianos, a residential client's pianos and notes, entries outside the period, other
-- timeline types), so the queries filter as they do on the real tables. Run on the schema Flyway created:
--   psql -v pianos=10000 -v log_rows=300000 -v run_date=2026-11-24 -v days=30 -f bench/reports-scale.sql
\set ON_ERROR_STOP on
BEGIN;

-- Twenty institutions: the five of the reference data, linked to their Gazelle client, and fifteen Gazelle clients
-- tagged "institutional" by hand (how most of them are recognised in production).
CREATE TEMP TABLE bench_institution (n int PRIMARY KEY, client_id text, name text, slug text);
INSERT INTO bench_institution VALUES
    (0, 'cli_b_pda', 'Place des Arts', 'place-des-arts'),
    (1, 'cli_b_orch', 'Orchestre résident', 'orchestre-resident'),
    (2, 'cli_b_ecole', 'École de musique', 'ecole-de-musique'),
    (3, 'cli_b_acad', 'Académie d''été', 'academie-ete'),
    (4, 'cli_b_univ', 'Salle de concert universitaire', 'salle-universitaire'),
    (5, 'cli_b_05', 'Conservatoire de musique de Montréal', NULL),
    (6, 'cli_b_06', 'Collège Jean-de-Brébeuf', NULL),
    (7, 'cli_b_07', 'Faculté de musique — Université de Montréal', NULL),
    (8, 'cli_b_08', 'École secondaire Émile-Nelligan', NULL),
    (9, 'cli_b_09', 'Église Saint-Jean-Baptiste', NULL),
    (10, 'cli_b_10', 'Maison de la culture Côte-des-Neiges', NULL),
    (11, 'cli_b_11', 'Centre Pierre-Péladeau', NULL),
    (12, 'cli_b_12', 'Salle Bourgie', NULL),
    (13, 'cli_b_13', 'Théâtre Outremont', NULL),
    (14, 'cli_b_14', 'Cégep de Saint-Laurent', NULL),
    (15, 'cli_b_15', 'Chapelle Notre-Dame-de-Bon-Secours', NULL),
    (16, 'cli_b_16', 'École de musique Vincent-d''Indy', NULL),
    (17, 'cli_b_17', 'Orchestre Métropolitain', NULL),
    (18, 'cli_b_18', 'Studio-théâtre de l''Île', NULL),
    (19, 'cli_b_19', 'Résidence Les Floralies', NULL);

INSERT INTO gazelle_clients (external_id, company_name, tags, status)
SELECT client_id, name, CASE WHEN slug IS NULL THEN '{institutional}'::text[] END, 'ACTIVE' FROM bench_institution;
UPDATE institution i SET gazelle_client_external_id = b.client_id FROM bench_institution b WHERE b.slug = i.slug;
INSERT INTO gazelle_clients (external_id, first_name, last_name, status) VALUES ('cli_b_home', 'Hélène', 'Côté', 'ACTIVE');

INSERT INTO gazelle_users (external_id, first_name, last_name, status)
SELECT 'usr_b_' || n, f, l, 'ACTIVE'
FROM unnest(ARRAY['Nicolas', 'Allan', 'Jean-François', 'Émilie', 'Stéphane', 'Geneviève', 'François', 'Chloé'],
            ARRAY['Bélanger', 'Y', 'Gagné', 'Lévesque', 'Côté', 'Ouellet', 'Paré', 'Thériault']) WITH ORDINALITY AS u (f, l, n);
UPDATE technician SET gazelle_user_id = 'usr_b_1' WHERE first_name = 'Nicolas';
UPDATE technician SET gazelle_user_id = 'usr_b_2' WHERE first_name = 'Allan';

-- The pianos: :pianos visible ones (pno_b_0 ...), then 1 % hidden by the Gazelle tag "non", then a residential
-- client's pianos. About 5 % inactive, 30 % with a PLS, every tenth with its next service set by hand.
INSERT INTO gazelle_pianos (external_id, client_external_id, make, model, serial_number, type, year, status, tags,
                            dampp_chaser_installed, service_interval_months, last_service_on, next_service_on, location)
SELECT 'pno_b_' || i,
       CASE WHEN i < :pianos THEN (SELECT client_id FROM bench_institution WHERE n = i % 20)
            WHEN i < :pianos + :pianos / 100 THEN 'cli_b_' || lpad((5 + i % 15)::text, 2, '0')
            ELSE 'cli_b_home' END,
       (ARRAY['Steinway & Sons', 'Yamaha', 'Kawai', 'Bösendorfer', 'Fazioli', 'Heintzman', 'Mason & Hamlin', 'Baldwin',
              'Petrof', 'Blüthner'])[1 + i % 10],
       (ARRAY['D-274', 'C7', 'K-300', '200', 'F308', 'Droit 1912', 'BB', 'Acrosonic', 'P 159', 'Modèle 6'])[1 + (i / 10) % 10],
       'S' || lpad((i * 7919 % 1000000)::text, 6, '0'),
       (ARRAY['UPRIGHT', 'GRAND', 'DIGITAL', 'CONSOLE', 'BABY_GRAND', 'STUDIO'])[1 + i % 6],
       1950 + i % 75,
       CASE WHEN i % 20 = 7 THEN 'INACTIVE' ELSE 'ACTIVE' END,
       CASE WHEN i >= :pianos AND i < :pianos + :pianos / 100 THEN '{non}'::text[] END,
       i % 10 < 3,
       CASE WHEN i % 3 = 0 THEN 6 ELSE 12 END,
       DATE :'run_date' - (1 + i * 37 % 500),
       CASE WHEN i % 10 = 0 THEN DATE :'run_date' + (i % 200 - 100) END,
       (ARRAY['Salle A-', 'Local ', 'Studio ', 'Loge ', 'Salle de répétition '])[1 + i % 5] || (1 + i / 20 % 120)
FROM generate_series(0, :pianos + :pianos / 100 + :pianos / 5 - 1) AS i;

-- The hand-kept overlay of the linked institutions (every other piano of theirs): local and to-do with accents,
-- quotes and separators the CSV must quote.
INSERT INTO venue_piano (institution_id, natural_key, piano_external_id, local_text, todo, last_tuned_on)
SELECT inst.id, 'b' || i, 'pno_b_' || i, 'Local ' || (100 + i % 400),
       (ARRAY['Vérifier la pédale douce', 'Remplacer les feutres; étouffoirs « mous »', 'Régler l''échappement',
              'Humidificateur à remplir', NULL])[1 + i % 5],
       DATE :'run_date' - (i % 300)
FROM generate_series(0, :pianos - 1) AS i
JOIN bench_institution b ON b.n = i % 20 AND b.slug IS NOT NULL
JOIN institution inst ON inst.slug = b.slug
WHERE i % 40 < 20;

-- The maintenance log: :log_rows entries on the visible pianos, spread over the :days days of the period, 8 h to
-- 18 h Montreal time; 60 % manual service notes, 10 % automatic ones, 30 % measurements. One in ten has no client
-- (Gazelle left it empty: the report takes the piano's).
INSERT INTO gazelle_timeline_entries (external_id, client_id, piano_id, user_id, occurred_at, occurred_date, entry_type,
                                      title, description, temperature_c, humidity_pct, pitch_hz)
SELECT 'tme_b_' || e.i,
       CASE WHEN e.i % 10 = 3 THEN NULL ELSE (SELECT client_id FROM bench_institution WHERE n = e.piano % 20) END,
       'pno_b_' || e.piano,
       'usr_b_' || (1 + e.i % 8),
       e.at, (e.at AT TIME ZONE 'America/Montreal')::date,
       e.kind,
       CASE WHEN e.kind = 'PIANO_MEASUREMENT' THEN 'Mesure' ELSE 'Service' END,
       CASE WHEN e.kind = 'PIANO_MEASUREMENT' THEN NULL
            ELSE (ARRAY['Accord à 442 Hz, réglage de l''échappement et égalisation du toucher.',
                        'Accord 440 Hz. Pédale de sourdine qui grince : graissée. Prévoir un réglage complet à l''été.',
                        'Buvard du système PLS changé, réservoir rempli ; humidité élevée près de la fenêtre.',
                        'Harmonisation des marteaux du médium, cordes graves nettoyées. Le pianiste est très satisfait.',
                        'Retouche d''accord avant le concert de 19 h 30 (« Les Saisons » de Tchaïkovski).',
                        'Touche do#4 collée : bâton d''échappement recollé. Vérifier à la prochaine visite.'])[1 + e.i % 6]
       END,
       CASE WHEN e.kind = 'PIANO_MEASUREMENT' THEN 18 + (e.i % 70) / 10.0 END,
       CASE WHEN e.kind = 'PIANO_MEASUREMENT' THEN 30 + (e.i * 7 % 300) / 10.0 END,
       CASE WHEN e.kind = 'PIANO_MEASUREMENT' AND e.i % 3 > 0 THEN 438 + e.i % 6 END
FROM (SELECT i, i * 7 % :pianos AS piano,
             CASE WHEN i % 10 < 6 THEN 'SERVICE_ENTRY_MANUAL' WHEN i % 10 = 6 THEN 'SERVICE_ENTRY_AUTOMATIC'
                  ELSE 'PIANO_MEASUREMENT' END AS kind,
             ((DATE :'run_date' - 1 - i % :days) + time '08:00' + (i * 13 % 600) * interval '1 minute')
                 AT TIME ZONE 'America/Montreal' AS at
      FROM generate_series(0, :log_rows - 1) AS i) AS e;

-- What the log must leave out, 10 % of its size each: entries before the period, other timeline types inside it,
-- and the residential client's service notes inside it.
INSERT INTO gazelle_timeline_entries (external_id, client_id, piano_id, user_id, occurred_at, occurred_date, entry_type,
                                      title, description)
SELECT 'tme_bx_' || i,
       CASE WHEN i % 3 = 2 THEN 'cli_b_home' ELSE (SELECT client_id FROM bench_institution WHERE n = i % 20) END,
       CASE WHEN i % 3 = 2 THEN 'pno_b_' || (:pianos + :pianos / 100 + i % greatest(:pianos / 5, 1)) ELSE 'pno_b_' || (i % :pianos) END,
       'usr_b_1', d AT TIME ZONE 'America/Montreal', d::date,
       CASE WHEN i % 3 = 1 THEN (ARRAY['EMAIL', 'APPOINTMENT', 'NOTE', 'INVOICE'])[1 + i % 4] ELSE 'SERVICE_ENTRY_MANUAL' END,
       'Hors rapport', 'Ne doit pas figurer dans le rapport d''entretien.'
FROM generate_series(0, 3 * (:log_rows / 10) - 1) AS i,
     LATERAL (SELECT CASE WHEN i % 3 = 0 THEN DATE :'run_date' - :days - 1 - i % 300
                          ELSE DATE :'run_date' - 1 - i % :days END + time '12:00' AS d) AS day;

COMMIT;
ANALYZE;
