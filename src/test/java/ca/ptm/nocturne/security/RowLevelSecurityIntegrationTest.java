package ca.ptm.nocturne.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.support.NocturneIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V10: the Supabase roles see what the policies allow and nothing else. Each check runs on its own connection, in a
 * transaction with SET LOCAL ROLE that is rolled back, so nothing leaks into the pool or into the other tests.
 */
@NocturneIntegrationTest
class RowLevelSecurityIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    /** What a statement did under a role: the rows of its first column, or the error PostgreSQL gave. */
    record Outcome(List<String> rows, String sqlState, String error) {
        boolean denied() {
            return "42501".equals(sqlState) || (error != null && error.contains("row-level security"));
        }

        boolean deniedOrEmpty() {
            return denied() || (error == null && rows.isEmpty());
        }
    }

    @Test
    void theSupabaseRolesAndNocturneEtlExist() {
        assertThat(jdbc.queryForList("SELECT rolname || ' login=' || rolcanlogin FROM pg_roles WHERE rolname IN "
                + "('anon', 'authenticated', 'service_role', 'nocturne_etl') ORDER BY 1", String.class))
                .containsExactly("anon login=false", "authenticated login=false", "nocturne_etl login=false", "service_role login=false");
    }

    @Test
    void everyTableOfPublicHasRowLevelSecurity() {
        assertThat(jdbc.queryForList("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity "
                + "AND c.relname <> 'flyway_schema_history' ORDER BY 1", String.class))
                .as("tables of public without row-level security (add them to a migration like V10)").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND c.relkind = 'r'", Integer.class)).isGreaterThan(30);
    }

    @Test
    void anonSeesNothing() {
        seedClient();
        for (String table : List.of("gazelle_clients", "pda_request", "system_settings", "import_batch", "technician")) {
            Outcome outcome = as("anon", "SELECT 'row' FROM " + table);
            assertThat(outcome.deniedOrEmpty()).as("anon on %s: %s", table, outcome).isTrue();
        }
        assertThat(as("anon", "INSERT INTO gazelle_clients (external_id) VALUES ('cli_anon') RETURNING id::text").denied()).isTrue();
    }

    @Test
    void authenticatedReadsTheDashboardTablesButNotTheTokenAndWritesNothing() {
        seedClient();
        jdbc.update("INSERT INTO system_settings (key, value) VALUES ('gazelle_oauth_token', '{\"access_token\":\"x\"}') "
                + "ON CONFLICT (key) DO NOTHING");
        try {
            assertThat(as("authenticated", "SELECT external_id FROM gazelle_clients WHERE external_id = 'cli_rls_seed'").rows())
                    .containsExactly("cli_rls_seed");
            for (String table : List.of("pda_request", "venue_piano", "institution", "venue_room", "technician", "product",
                    "technician_stock", "stock_movement", "service_contract", "contract_installment", "sync_logs",
                    "sync_count_check", "import_batch", "gazelle_users", "gazelle_pianos", "gazelle_appointments",
                    "gazelle_timeline_entries", "gazelle_invoices", "gazelle_invoice_items", "gazelle_contacts",
                    "gazelle_appointment_pianos", "maintenance_alert", "place_des_arts_requests")) {
                assertThat(as("authenticated", "SELECT count(*)::text FROM " + table).error()).as(table).isNull();
            }
            assertThat(as("authenticated", "SELECT count(*)::text FROM institution").rows()).doesNotContain("0");
            Outcome token = as("authenticated", "SELECT value::text FROM system_settings");
            assertThat(token.deniedOrEmpty()).as("system_settings: %s", token).isTrue();
            assertThat(as("authenticated", "SELECT id::text FROM import_reject").deniedOrEmpty()).isTrue();
            assertThat(as("authenticated", "INSERT INTO gazelle_clients (external_id) VALUES ('cli_auth') RETURNING id::text").denied())
                    .isTrue();
            assertThat(as("authenticated", "UPDATE gazelle_clients SET city = 'X' RETURNING id::text").deniedOrEmpty()).isTrue();
            assertThat(as("authenticated", "DELETE FROM gazelle_clients RETURNING id::text").deniedOrEmpty()).isTrue();
        } finally {
            jdbc.update("DELETE FROM system_settings WHERE key = 'gazelle_oauth_token'");
        }
    }

    @Test
    void nocturneEtlUpsertsAndRecordsRejectsButDeletesOnlyTimelineEntries() {
        Outcome upsert = as("nocturne_etl", """
                INSERT INTO gazelle_clients (external_id, company_name) VALUES ('cli_etl', 'Salle démo')
                ON CONFLICT (external_id) DO UPDATE SET company_name = EXCLUDED.company_name RETURNING external_id""",
                """
                INSERT INTO gazelle_clients (external_id, company_name) VALUES ('cli_etl', 'Salle démo 2')
                ON CONFLICT (external_id) DO UPDATE SET company_name = EXCLUDED.company_name RETURNING company_name""");
        assertThat(upsert.error()).isNull();
        assertThat(upsert.rows()).containsExactly("Salle démo 2");

        Outcome reject = as("nocturne_etl", """
                WITH b AS (INSERT INTO import_batch (file_name, file_path, file_sha256, file_size, status)
                           VALUES ('x.csv', '/tmp/x.csv', repeat('a', 64), 1, 'PENDING') RETURNING id)
                INSERT INTO import_reject (import_batch_id, line_number, error_code, message)
                SELECT id, 2, 'BAD_DATE', 'Date impossible' FROM b RETURNING line_number::text""");
        assertThat(reject.error()).isNull();
        assertThat(reject.rows()).containsExactly("2");

        assertThat(as("nocturne_etl", "SELECT value::text FROM system_settings").error()).isNull();
        assertThat(as("nocturne_etl", "SELECT count(*)::text FROM batch.batch_job_execution").error()).isNull();
        assertThat(as("nocturne_etl", "DELETE FROM gazelle_timeline_entries WHERE external_id LIKE 'tle\\_%' RETURNING id::text").error())
                .isNull();
        assertThat(as("nocturne_etl", "DELETE FROM pda_request RETURNING id::text").denied()).isTrue();
        assertThat(as("nocturne_etl", "TRUNCATE gazelle_clients").denied()).isTrue();
        assertThat(as("nocturne_etl", "CREATE TABLE public.nocturne_etl_probe (id int)").error()).isNotNull();
    }

    private void seedClient() {
        jdbc.update("INSERT INTO gazelle_clients (external_id, company_name) VALUES ('cli_rls_seed', 'Client démo') "
                + "ON CONFLICT (external_id) DO NOTHING");
    }

    /** Runs the statements in order as {@code role}; the rows are those of the last one. Always rolled back. */
    private Outcome as(String role, String... statements) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + role);
                List<String> rows = new ArrayList<>();
                for (String sql : statements) {
                    rows.clear();
                    if (statement.execute(sql)) {
                        try (ResultSet rs = statement.getResultSet()) {
                            while (rs.next()) {
                                rows.add(rs.getString(1));
                            }
                        }
                    }
                }
                return new Outcome(List.copyOf(rows), null, null);
            } catch (SQLException e) {
                return new Outcome(List.of(), e.getSQLState(), e.getMessage());
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
