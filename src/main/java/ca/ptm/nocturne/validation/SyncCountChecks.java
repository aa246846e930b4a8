package ca.ptm.nocturne.validation;

import ca.ptm.nocturne.gazelle.GazelleSyncJobConfiguration;
import ca.ptm.nocturne.gazelle.source.GraphQlPageReader;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reconciles every synced entity: records the reader took from Gazelle = written + unchanged + skipped with a reason +
 * noise, and the rows of its table this run changed against what it says it wrote. Flags counts that look capped and an entity
 * that went silent.
 */
@Component
public class SyncCountChecks {

    private static final List<GazelleEntity> ENTITIES = List.of(GazelleEntity.USER, GazelleEntity.CLIENT, GazelleEntity.PIANO,
            GazelleEntity.APPOINTMENT, GazelleEntity.TIMELINE_ENTRY, GazelleEntity.INVOICE);

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final CountRules rules;
    private final CountCheckRepository repository;

    public SyncCountChecks(JobRepository jobRepository, JdbcTemplate jdbc, CountRules rules, CountCheckRepository repository) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.rules = rules;
        this.repository = repository;
    }

    public List<CountCheck> checks(JobInstance instance, String source) {
        Long[] executions = jdbc.queryForList("SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = ?",
                Long.class, instance.getInstanceId()).toArray(Long[]::new);
        Map<GazelleEntity, StepExecution> steps = new java.util.EnumMap<>(GazelleEntity.class);
        for (GazelleEntity entity : ENTITIES) {
            StepExecution step = jobRepository.getLastStepExecution(instance, GazelleSyncJobConfiguration.stepName(entity));
            if (step != null) {
                steps.put(entity, step);
            }
        }
        // Clients fetched because a later record pointed at them are in the clients table too.
        long parentsFetched = steps.values().stream()
                .mapToLong(s -> s.getExecutionContext().getLong(SyncCounts.PARENTS_FETCHED, 0L)).sum();
        List<CountCheck> checks = new ArrayList<>();
        for (Map.Entry<GazelleEntity, StepExecution> entry : steps.entrySet()) {
            GazelleEntity entity = entry.getKey();
            ExecutionContext context = entry.getValue().getExecutionContext();
            long read = context.getLong(SyncCounts.SOURCE_READ, 0L);
            long written = context.getLong(SyncCounts.WRITTEN, 0L);
            long unchanged = context.getLong(SyncCounts.UNCHANGED, 0L);
            long skipped = context.getLong(SyncCounts.SKIPPED, 0L);
            long noise = context.getLong(SyncCounts.NOISE, 0L);
            long inTable = jdbc.queryForObject("SELECT count(*) FROM " + entity.table()
                    + " WHERE last_seen_job_execution_id = ANY(?)", Long.class, (Object) executions);
            long expected = entity == GazelleEntity.CLIENT ? written + parentsFetched : written;
            CountCheck check = new CountCheck("gazelle", entity.table(), source).counts(read, written, skipped, noise, inTable)
                    .unchanged(unchanged);
            window(check, context);
            rules.balance(check, read, written, unchanged, skipped, noise);
            rules.target(check, expected, inTable, true, "enregistrement(s) reçu(s) plusieurs fois de la source");
            rules.cap(check, read, rules.multiples(), "api".equals(source));
            Long previous = repository.previous("gazelle", entity.table(), instance.getInstanceId(), "source_count");
            check.previous(previous);
            rules.zero(check, read, previous);
            checks.add(check);
        }
        return checks;
    }

    private static void window(CountCheck check, ExecutionContext context) {
        Object saved = context.get(GraphQlPageReader.WINDOW);
        if (!(saved instanceof Map<?, ?> window)) {
            return;
        }
        if (window.get("startOn") instanceof String start && window.get("endOn") instanceof String end) {
            check.window(LocalDate.parse(start).atStartOfDay(ca.ptm.nocturne.shared.time.BusinessTime.ZONE).toInstant(),
                    LocalDate.parse(end).atStartOfDay(ca.ptm.nocturne.shared.time.BusinessTime.ZONE).toInstant());
        } else if (window.get("occurredAtGet") instanceof String since) {
            check.window(Instant.parse(since), null);
        }
    }
}
