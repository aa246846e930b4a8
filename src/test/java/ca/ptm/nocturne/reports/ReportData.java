package ca.ptm.nocturne.reports;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small but complete data set for the five reports, for the run date 2026-11-24: two institutions with pianos
 * (one overdue, one hidden, one inactive), service notes and measurements, the 2025 academy contract of DOMAIN
 * and a contract whose instalments do not add up, PdA requests of November 2026, and supplies stock.
 */
final class ReportData {

    /** A value a spreadsheet would run as a formula if the CSV did not defuse it. */
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"clic\")";
    /** A value the CSV must quote: separator and quotes. */
    static final String NEEDS_QUOTES = "Vérifier; \"pédale\" droite";

    private ReportData() {
    }

    static void unlink(JdbcTemplate jdbc) {
        jdbc.update("UPDATE institution SET gazelle_client_external_id = NULL WHERE gazelle_client_external_id IN ('cli_pda', 'cli_ecole')");
    }

    static void insert(JdbcTemplate jdbc) {
        jdbc.update("UPDATE institution SET gazelle_client_external_id = 'cli_pda' WHERE slug = 'place-des-arts'");
        jdbc.update("UPDATE institution SET gazelle_client_external_id = 'cli_ecole' WHERE slug = 'ecole-de-musique'");
        jdbc.update("""
                INSERT INTO gazelle_clients (external_id, company_name, tags) VALUES
                    ('cli_pda', 'Place des Arts', '{institutional}'),
                    ('cli_ecole', 'École de musique', NULL),
                    ('cli_home', 'Famille Tremblay', NULL)""");
        jdbc.update("INSERT INTO gazelle_users (external_id, first_name, last_name) VALUES ('usr_nic', 'Nicolas', 'X')");
        jdbc.update("UPDATE technician SET gazelle_user_id = 'usr_nic' WHERE first_name = 'Nicolas'");
        jdbc.update("""
                INSERT INTO gazelle_pianos (external_id, client_external_id, make, model, serial_number, type, year, status,
                                            tags, dampp_chaser_installed, service_interval_months, last_service_on, next_service_on, location)
                VALUES ('pno_tm', 'cli_pda', 'Steinway', 'D', '597322', 'GRAND', 1994, 'ACTIVE', NULL, true, 6, '2026-03-01', '2026-09-01', NULL),
                       ('pno_ms', 'cli_pda', 'Fazioli', 'F308', 'F-1200', 'GRAND', 2012, 'ACTIVE', NULL, false, 6, '2026-10-01', '2027-04-01', NULL),
                       ('pno_hidden', 'cli_pda', 'Yamaha', 'C7', 'Y-777', 'GRAND', 2001, 'ACTIVE', '{non}', false, 6, NULL, NULL, NULL),
                       ('pno_old', 'cli_pda', 'Heintzman', 'Droit', 'H-1', 'UPRIGHT', 1950, 'INACTIVE', NULL, false, 12, '2020-01-01', NULL, 'Entrepôt'),
                       ('pno_e1', 'cli_ecole', 'Kawai', 'K-300', 'K-2', 'UPRIGHT', 2018, 'ACTIVE', NULL, true, 12, '2026-06-01', NULL, 'Local 2'),
                       ('pno_e10', 'cli_ecole', 'Kawai', 'K-300', 'K-10', 'UPRIGHT', 2018, 'ACTIVE', NULL, false, 12, '2026-06-01', NULL, 'Local 10'),
                       ('pno_home', 'cli_home', 'Bösendorfer', '200', 'B-1', 'GRAND', 1990, 'ACTIVE', NULL, false, 12, NULL, NULL, NULL)""");
        jdbc.update("""
                INSERT INTO venue_piano (institution_id, natural_key, piano_external_id, room_code, todo)
                SELECT id, 'tm', 'pno_tm', 'TM', ? FROM institution WHERE slug = 'place-des-arts'""", FORMULA);
        jdbc.update("""
                INSERT INTO venue_piano (institution_id, natural_key, piano_external_id, room_code, todo)
                SELECT id, 'ms', 'pno_ms', 'MS', ? FROM institution WHERE slug = 'place-des-arts'""", NEEDS_QUOTES);
        jdbc.update("""
                INSERT INTO gazelle_timeline_entries (external_id, client_id, piano_id, user_id, occurred_at, occurred_date,
                                                      entry_type, title, description, temperature_c, humidity_pct, pitch_hz)
                VALUES ('tme_1', 'cli_pda', 'pno_tm', 'usr_nic', '2026-11-20 15:00-05', '2026-11-20', 'SERVICE_ENTRY_MANUAL',
                        'Service', 'Accord 442 Hz, Théâtre Maisonneuve, stat 20', NULL, NULL, NULL),
                       ('tme_2', 'cli_pda', 'pno_tm', 'usr_nic', '2026-11-20 15:05-05', '2026-11-20', 'PIANO_MEASUREMENT',
                        'Mesure', NULL, 21.5, 36, 442),
                       ('tme_3', NULL, 'pno_e1', 'usr_nic', '2026-11-10 10:00-05', '2026-11-10', 'PIANO_MEASUREMENT',
                        'Mesure', NULL, 20, 41.5, 440),
                       ('tme_old', 'cli_pda', 'pno_tm', 'usr_nic', '2026-09-01 10:00-04', '2026-09-01', 'SERVICE_ENTRY_MANUAL',
                        'Service', 'Hors période', NULL, NULL, NULL),
                       ('tme_home', 'cli_home', 'pno_home', 'usr_nic', '2026-11-15 10:00-05', '2026-11-15', 'SERVICE_ENTRY_MANUAL',
                        'Service', 'Client résidentiel', NULL, NULL, NULL)""");
        jdbc.update("""
                INSERT INTO service_contract (institution_id, season, starts_on, ends_on, status, day_rate, planned_tech_days,
                    done_tech_days, prep_tech_days, extra_tuning_rate, extra_tunings, travel_rate, planned_trips, done_trips, discount_amount)
                SELECT id, 2025, '2025-06-12', '2025-08-15', 'signed', 630.00, 25, 24.5, 0, 175.00, 0, 173.95, 10, 10, 2327.50
                FROM institution WHERE slug = 'academie-ete'""");
        jdbc.update("""
                INSERT INTO service_contract (institution_id, season, starts_on, ends_on, status, day_rate, planned_tech_days,
                    done_tech_days, prep_tech_days, extra_tuning_rate, extra_tunings, travel_rate, planned_trips, done_trips, discount_amount)
                SELECT id, 2026, '2026-09-01', '2027-05-31', 'draft', 600.00, 12, 10, 0, NULL, 0, NULL, 0, 0, 0
                FROM institution WHERE slug = 'ecole-de-musique'""");
        jdbc.update("""
                INSERT INTO contract_installment (contract_id, seq, due_on, amount_before_tax, paid_on)
                SELECT c.id, s.seq, s.due, 4949.00, s.paid FROM service_contract c JOIN institution i ON i.id = c.institution_id
                CROSS JOIN (VALUES (1, DATE '2025-06-15', DATE '2025-06-22'), (2, DATE '2025-07-15', NULL::date),
                                   (3, DATE '2025-08-15', NULL::date)) AS s (seq, due, paid)
                WHERE i.slug = 'academie-ete'""");
        jdbc.update("""
                INSERT INTO contract_installment (contract_id, seq, due_on, amount_before_tax)
                SELECT c.id, s.seq, s.due, 2000.00 FROM service_contract c JOIN institution i ON i.id = c.institution_id
                CROSS JOIN (VALUES (1, DATE '2026-12-01'), (2, DATE '2027-03-01')) AS s (seq, due)
                WHERE i.slug = 'ecole-de-musique'""");
        jdbc.update("""
                INSERT INTO pda_request (legacy_id, business_key, source, appointment_date, time_text, time_24h, room_code,
                                         for_who, diapason, requester_code, piano_text, technician_id, appointment_external_id,
                                         status, billing_amount, parking_amount, billed_at)
                VALUES ('l1', 'k1', 'manual', '2026-11-05', '14h30', '14:30', 'TM', ?, 442, 'IC', 'Steinway D',
                        (SELECT id FROM technician WHERE first_name = 'Nicolas'), 'evt_1', 'COMPLETED', 175.00, 20.00, NULL),
                       ('l2', 'k2', 'manual', '2026-11-12', 'avant 10h', '10:00', 'MS', 'Gala', 440, 'PB', 'Fazioli',
                        (SELECT id FROM technician WHERE first_name = 'Allan'), 'evt_2', 'BILLED', 1234.56, NULL, '2026-11-20 10:00-05'),
                       ('l3', 'k3', 'manual', '2026-11-30', NULL, NULL, NULL, 'Récital', NULL, NULL, 'à suivre',
                        NULL, NULL, 'PENDING', 175.00, NULL, NULL),
                       ('l4', 'k4', 'manual', '2026-10-30', '19h', '19:00', 'WP', 'Octobre', 442, 'IC', 'Steinway',
                        NULL, NULL, 'COMPLETED', 175.00, NULL, NULL)""", "Concert \"Pelletier\"; soirée");
        jdbc.update("""
                INSERT INTO product (code, name, category, unit_price) VALUES
                    ('BUV-001', 'Buvard pour humidificateur', 'PLS', 9.99),
                    ('CORD-018', 'Corde #18', 'Cordes', 12.50)""");
        jdbc.update("""
                INSERT INTO technician_stock (product_id, technician_id, location, quantity, reorder_threshold, last_checked_at)
                SELECT p.id, t.id, s.location, s.qty, s.threshold, '2026-11-01 09:00-04'
                FROM (VALUES ('BUV-001', 'Nicolas', 'Atelier', 3, 5), ('CORD-018', 'Nicolas', 'Camion', 10, 2),
                             ('BUV-001', 'Allan', 'Atelier', 14, 5)) AS s (code, tech, location, qty, threshold)
                JOIN product p ON p.code = s.code JOIN technician t ON t.first_name = s.tech""");
        jdbc.update("""
                INSERT INTO stock_movement (content_key, product_id, technician_id, location, occurred_at, delta, reason)
                SELECT s.k, p.id, t.id, 'Atelier', s.at, s.delta, 'deduction'
                FROM (VALUES ('m1', TIMESTAMPTZ '2026-11-10 12:00-05', -1), ('m2', TIMESTAMPTZ '2026-11-12 12:00-05', -1),
                             ('m_old', TIMESTAMPTZ '2026-09-01 12:00-04', 5)) AS s (k, at, delta)
                JOIN product p ON p.code = 'BUV-001' JOIN technician t ON t.first_name = 'Nicolas'""");
    }
}
