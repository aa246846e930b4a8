package ca.ptm.nocturne.gazelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The first import's COPY straight into an empty table, and its fall back to the staged upsert. */
@NocturneIntegrationTest
class StagedUpsertDirectIntegrationTest {

    static final List<String> COLUMNS = List.of("client_id", "occurred_at", "description", "metadata");
    static final long JOB = 42;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void chunksOfNewRowsAreCopiedIntoTheTableWithoutStagingAndWithWhatTheUpsertWouldWrite() throws Exception {
        StagedUpsert upsert = direct();
        try (Connection connection = fresh()) {
            StagedUpsert.UpsertCounts counts = upsert.write(connection,
                    List.of(entry("tle_a", "Accord\t442 Hz\\ fin"), entry("tle_b", null), entry("tle_c", "Humidité 32 %")), JOB);

            assertThat(counts).isEqualTo(new StagedUpsert.UpsertCounts(3, 0));
            assertThat(stagingTables(connection)).as("no staging table: the rows went straight in").isZero();
            assertThat(single(connection, "SELECT count(*) FROM gazelle_timeline_entries WHERE synced_at = now() "
                    + "AND last_seen_job_execution_id = " + JOB)).isEqualTo(3);
            connection.commit();
        }
        assertThat(jdbc.queryForList("SELECT external_id || '|' || coalesce(description, '-') || '|' || (metadata->>'n') "
                + "FROM gazelle_timeline_entries ORDER BY 1", String.class))
                .containsExactly("tle_a|Accord\t442 Hz\\ fin|tle_a", "tle_b|-|tle_b", "tle_c|Humidité 32 %|tle_c");
    }

    @Test
    void aChunkWithAKeyAlreadyThereOrRepeatedTakesTheStagedUpsertAndCountsAsItWould() throws Exception {
        StagedUpsert upsert = direct();
        try (Connection connection = fresh()) {
            assertThat(upsert.write(connection, List.of(entry("tle_a", "un"), entry("tle_b", "deux")), JOB))
                    .isEqualTo(new StagedUpsert.UpsertCounts(2, 0));
            // tle_b is already there (unchanged), tle_c is new and repeated: the last one wins, as in the staged upsert
            assertThat(upsert.write(connection, List.of(entry("tle_b", "deux"), entry("tle_c", "trois"), entry("tle_c", "quatre")), JOB))
                    .isEqualTo(new StagedUpsert.UpsertCounts(2, 1));
            assertThat(stagingTables(connection)).as("that chunk was staged").isEqualTo(1);
            // the same rows again: nothing written
            assertThat(upsert.write(connection, List.of(entry("tle_a", "un"), entry("tle_b", "deux"), entry("tle_c", "quatre")), JOB))
                    .isEqualTo(new StagedUpsert.UpsertCounts(0, 3));
            connection.commit();
        }
        assertThat(jdbc.queryForList("SELECT external_id || '|' || description FROM gazelle_timeline_entries ORDER BY 1", String.class))
                .containsExactly("tle_a|un", "tle_b|deux", "tle_c|quatre");
    }

    @Test
    void aValueTheDatabaseRefusesStillFailsTheChunkAsTheStagedUpsertDoes() throws Exception {
        StagedUpsert upsert = direct();
        try (Connection connection = fresh()) {
            Map<String, Object> columns = new LinkedHashMap<>(entry("tle_x", "x").columns());
            columns.put("metadata", new SyncRecord.JsonText("{pas du json"));
            SyncRecord bad = new SyncRecord(GazelleEntity.TIMELINE_ENTRY, "tle_x", null, columns);
            try {
                upsert.write(connection, List.of(entry("tle_a", "un"), bad), JOB);
                org.assertj.core.api.Assertions.fail("the refused value was written");
            } catch (SQLException refused) {
                assertThat(refused.getSQLState()).startsWith("22");
            }
            connection.rollback();
        }
        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).isZero();
    }

    private static StagedUpsert direct() {
        return new StagedUpsert(SyncTables.of(GazelleEntity.TIMELINE_ENTRY), COLUMNS, false, false, true);
    }

    private static SyncRecord entry(String id, String description) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("client_id", "cli_1");
        columns.put("occurred_at", Instant.parse("2026-01-10T14:00:00Z"));
        columns.put("description", description);
        columns.put("metadata", new SyncRecord.JsonText("{\"n\": \"" + id + "\"}"));
        return new SyncRecord(GazelleEntity.TIMELINE_ENTRY, id, null, columns);
    }

    /** A pooled connection, without the temporary tables an earlier use left in its session. */
    private Connection fresh() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DISCARD TEMP");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private static int stagingTables(Connection connection) throws SQLException {
        return single(connection, "SELECT count(*) FROM pg_class WHERE relname LIKE 'nocturne\\_stage\\_%' "
                + "AND relnamespace = pg_my_temp_schema()");
    }

    private static int single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
