package ca.ptm.nocturne.gazelle.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one chunk of an entity step in its transaction: the records (parents fetched first when missing), the
 * skipped rows with their reasons, and the step's counters. Timeline rows from the CSV export and from the API are
 * one entry when their Montreal date and description match: the API's tme_ row wins, the generated tle_ row goes.
 */
public class SyncItemWriter implements ItemWriter<SyncItem>, StepExecutionListener {

    private final JdbcTemplate jdbc;
    private final SyncRecordWriter records;
    private final SyncRejects rejects;
    private final ParentFetcher parents;
    private final String source;
    private StepExecution stepExecution;
    /** Clients the source does not have, already reported by this step. */
    private final Set<String> notFound = new HashSet<>();

    public SyncItemWriter(JdbcTemplate jdbc, SyncRecordWriter records, SyncRejects rejects, ParentFetcher parents, String source) {
        this.jdbc = jdbc;
        this.records = records;
        this.rejects = rejects;
        this.parents = parents;
        this.source = source;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends SyncItem> chunk) {
        // For this chunk's transaction only:
        // - synchronous_commit off: the chunk and the reader's position it saves commit together, so a commit lost in a
        //   crash of the database server loses both and the restart redoes that chunk; the chunk need not wait for its
        //   WAL to reach the disk (every later synchronous commit, the step's own end for one, flushes it anyway);
        // - enable_seqscan off: every statement of a chunk looks rows up by key, and a table whose statistics lag
        //   behind (a first load of a million rows, autovacuum off or not yet there) must not be read whole once per
        //   chunk because the planner believes it small;
        // - jit off: a scan made to look that expensive would have each chunk's statements compiled by LLVM first
        //   (200 ms for a statement that runs in 10).
        jdbc.queryForList("SELECT set_config('synchronous_commit', 'off', true), set_config('enable_seqscan', 'off', true), "
                + "set_config('jit', 'off', true)");
        List<SyncRecord> toWrite = new ArrayList<>();
        List<SyncItem> skippedItems = new ArrayList<>();
        long noise = 0;
        for (SyncItem item : chunk) {
            if (!item.isSkipped()) {
                toWrite.add(item.record());
            } else if (item.skip().code().equals("NOISE")) {
                noise++;
            } else {
                skippedItems.add(item);
            }
        }
        long skipped = skippedItems.size();
        List<SyncRecord> superseded = csvRowsAlreadyFromApi(toWrite);
        if (!superseded.isEmpty()) {   // (else not even a look-up: hashing a record hashes all its columns)
            toWrite.removeAll(new HashSet<>(superseded));
        }
        for (SyncRecord row : superseded) {
            skippedItems.add(SyncItem.skipped(row.entity(), new SyncItem.Skip(row.externalId(), null, "SUPERSEDED",
                    "Entrée déjà présente depuis l'API (même date et même description)", null)));
        }
        writeMissingParents(toWrite);
        SyncRecordWriter.Outcome outcome = records.writeEach(toWrite);
        StagedUpsert.UpsertCounts written = outcome.counts();
        for (SyncRecordWriter.Refusal refusal : outcome.refused()) {
            SyncRecord row = refusal.record();
            toWrite.remove(row);
            skippedItems.add(SyncItem.skipped(row.entity(), new SyncItem.Skip(row.externalId(), null, "DB_REFUSED",
                    "Refusé par la base de données : " + refusal.message(), null)));
        }
        rejects.skipped(jobExecutionId(), source, skippedItems);
        long removedCsvRows = removeCsvRowsNowFromApi(toWrite);
        var context = stepExecution.getExecutionContext();
        SyncCounts.add(context, SyncCounts.WRITTEN, written.written());
        SyncCounts.add(context, SyncCounts.UNCHANGED, written.unchanged());
        SyncCounts.add(context, SyncCounts.SKIPPED, skipped + superseded.size() + outcome.refused().size());
        SyncCounts.add(context, SyncCounts.NOISE, noise);
        SyncCounts.add(context, SyncCounts.SUPERSEDED, removedCsvRows);
    }

    private void writeMissingParents(List<SyncRecord> batch) {
        Set<String> referenced = new LinkedHashSet<>();
        for (SyncRecord record : batch) {
            Object client = record.columns().getOrDefault("client_external_id", record.columns().get("client_id"));
            if (record.entity() != GazelleEntity.CLIENT && client instanceof String id && !id.isBlank()) {
                referenced.add(id);
            }
        }
        if (referenced.isEmpty()) {
            return;
        }
        referenced.removeAll(notFound);
        if (referenced.isEmpty()) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(referenced);
        // A set: removeAll with a list argument would compare every referenced id with every id found.
        missing.removeAll(new HashSet<>(jdbc.queryForList("SELECT external_id FROM gazelle_clients WHERE external_id = ANY(?)",
                String.class, (Object) referenced.toArray(String[]::new))));
        List<SyncRecord> fetched = new ArrayList<>();
        long warned = 0;
        for (String id : missing) {
            Optional<SyncRecord> parent = parents.client(id);
            if (parent.isPresent()) {
                fetched.add(parent.get());
                continue;
            }
            // Said once per step, not in every chunk whose rows cite it.
            notFound.add(id);
            rejects.warning(jobExecutionId(), GazelleEntity.CLIENT, source, new SyncItem.Skip(id, null, "MISSING_PARENT",
                    "Client " + id + " référencé mais introuvable à la source : les lignes qui le citent sont écrites sans lui", null));
            warned++;
        }
        records.write(fetched);
        SyncCounts.add(stepExecution.getExecutionContext(), SyncCounts.PARENTS_FETCHED, fetched.size());
        SyncCounts.add(stepExecution.getExecutionContext(), SyncCounts.WARNINGS, warned);
    }

    private List<SyncRecord> csvRowsAlreadyFromApi(List<SyncRecord> batch) {
        List<SyncRecord> csvRows = batch.stream().filter(r -> r.entity() == GazelleEntity.TIMELINE_ENTRY)
                .filter(r -> r.externalId().startsWith("tle_")).toList();
        if (csvRows.isEmpty()) {
            return List.of();
        }
        Set<String> fromApi = Set.copyOf(jdbc.queryForList("""
                SELECT content_signature FROM gazelle_timeline_entries
                WHERE external_id NOT LIKE 'tle\\_%' AND content_signature = ANY(?)""", String.class,
                (Object) signatures(csvRows).toArray(String[]::new)));
        return csvRows.stream().filter(r -> fromApi.contains(r.columns().get("content_signature"))).toList();
    }

    private long removeCsvRowsNowFromApi(List<SyncRecord> batch) {
        List<SyncRecord> apiRows = batch.stream().filter(r -> r.entity() == GazelleEntity.TIMELINE_ENTRY)
                .filter(r -> !r.externalId().startsWith("tle_")).toList();
        if (apiRows.isEmpty()) {
            return 0;
        }
        return jdbc.update("DELETE FROM gazelle_timeline_entries WHERE external_id LIKE 'tle\\_%' AND content_signature = ANY(?)",
                (Object) signatures(apiRows).toArray(String[]::new));
    }

    private static Collection<String> signatures(List<SyncRecord> rows) {
        return rows.stream().map(r -> r.columns().get("content_signature")).filter(Objects::nonNull).map(Object::toString).toList();
    }

    private long jobExecutionId() {
        return stepExecution.getJobExecution().getId();
    }

}
