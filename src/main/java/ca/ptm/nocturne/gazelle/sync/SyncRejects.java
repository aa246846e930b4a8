package ca.ptm.nocturne.gazelle.sync;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sync_reject table: records left out (SKIPPED) or written with a note (WARNING), per run. */
@Repository
public class SyncRejects {

    private static final int MAX_PAYLOAD = 2000;
    private static final String INSERT = """
            INSERT INTO sync_reject (job_execution_id, kind, entity, external_id, source, line_number, reason_code, message, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    public SyncRejects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void skipped(long jobExecutionId, GazelleEntity entity, String source, SyncItem.Skip skip) {
        insert(jobExecutionId, "SKIPPED", entity, source, skip);
    }

    /** The skipped items of one chunk, in one batch of statements. */
    public void skipped(long jobExecutionId, String source, List<SyncItem> items) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, items, items.size(), (statement, item) -> {
            SyncItem.Skip skip = item.skip();
            statement.setLong(1, jobExecutionId);
            statement.setString(2, "SKIPPED");
            statement.setString(3, item.entity().name());
            statement.setString(4, skip.externalId());
            statement.setString(5, source);
            statement.setObject(6, skip.line(), java.sql.Types.INTEGER);
            statement.setString(7, skip.code());
            statement.setString(8, skip.message());
            statement.setString(9, shortened(skip.payload()));
        });
    }

    public void warning(long jobExecutionId, GazelleEntity entity, String source, SyncItem.Skip note) {
        insert(jobExecutionId, "WARNING", entity, source, note);
    }

    public List<String> summary(List<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", jobExecutionIds.stream().map(String::valueOf).toList());
        return jdbc.queryForList("SELECT lower(entity) || ' : ' || count(*) || ' ' || CASE kind WHEN 'SKIPPED' THEN 'enregistrement(s) écarté(s)' "
                + "ELSE 'avertissement(s)' END || ' (' || string_agg(DISTINCT reason_code, ', ') || ') — ' || min(message) "
                + "FROM sync_reject WHERE job_execution_id IN (" + ids + ") AND reason_code <> 'SUPERSEDED' GROUP BY entity, kind ORDER BY entity, kind", String.class);
    }

    private void insert(long jobExecutionId, String kind, GazelleEntity entity, String source, SyncItem.Skip skip) {
        jdbc.update(INSERT, jobExecutionId, kind, entity.name(), skip.externalId(), source, skip.line(), skip.code(), skip.message(),
                shortened(skip.payload()));
    }

    private static String shortened(String payload) {
        return payload == null || payload.length() <= MAX_PAYLOAD ? payload : payload.substring(0, MAX_PAYLOAD) + "…";
    }
}
