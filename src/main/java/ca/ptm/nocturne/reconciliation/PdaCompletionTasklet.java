package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.gazelle.api.GazelleGraphQlClient;
import ca.ptm.nocturne.gazelle.source.GazelleSources;
import ca.ptm.nocturne.imports.pda.PdaStatus;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.validation.CheckStatus;
import ca.ptm.nocturne.validation.CountCheck;
import ca.ptm.nocturne.validation.CountCheckRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The morning completion check (DOMAIN: "checked every morning over the last 45 days"): every linked request not yet
 * COMPLETED (nor BILLED) whose appointment falls in the completion look-back is asked about live, because the synced
 * appointments only cover the days since the last sync and a job is often marked complete in Gazelle days later.
 * With the API: {@link CompletionQuery}, 25 appointments per operation. With the CSV-exports source there is no one to
 * ask: the status comes from the appointments the exports gave this night, and every record says so. A COMPLETE (or
 * COMPLETED) appointment moves its request to COMPLETED with a history row. What was asked and found is written to
 * pda_completion_check, and the counts to sync_count_check. One transaction: a failed step leaves nothing behind and a
 * restart asks again; a second run finds the completed requests gone from its list.
 */
public class PdaCompletionTasklet implements Tasklet {

    public static final String STEP = "pda-completion";
    static final String CHANGED_BY = "pda-completion";
    private static final Logger log = LoggerFactory.getLogger(PdaCompletionTasklet.class);

    private final JdbcTemplate jdbc;
    private final PdaRequestStore requests;
    private final GazelleSources sources;
    private final Supplier<GazelleGraphQlClient> client;
    private final CountCheckRepository countChecks;
    private final PdaReconcileProperties properties;
    private final BusinessTime time;

    public PdaCompletionTasklet(JdbcTemplate jdbc, PdaRequestStore requests, GazelleSources sources, Supplier<GazelleGraphQlClient> client,
                                CountCheckRepository countChecks, PdaReconcileProperties properties, BusinessTime time) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.sources = sources;
        this.client = client;
        this.countChecks = countChecks;
        this.properties = properties;
        this.time = time;
    }

    /** A linked request to ask about. */
    record Linked(long id, String appointmentId, PdaStatus status) {
    }

    /** What Gazelle (or the exports) said about one appointment: its status, or null when it was not found. */
    record Found(String status, String asked) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        ReconcileRun run = ReconcileRun.of(step, properties, time);
        String source = source(step);
        List<Linked> linked = jdbc.query("""
                SELECT id, appointment_external_id, status FROM pda_request
                WHERE appointment_external_id IS NOT NULL AND status IN ('PENDING', 'CREATED_IN_GAZELLE', 'ASSIGN_OK')
                  AND appointment_date BETWEEN ? AND ?
                ORDER BY id""", (rs, n) -> new Linked(rs.getLong(1), rs.getString(2), PdaStatus.valueOf(rs.getString(3))),
                run.completionFrom(), run.runDate());
        List<String> appointments = new ArrayList<>(new LinkedHashSet<>(linked.stream().map(Linked::appointmentId).toList()));
        Map<String, Found> found = GazelleSources.API.equals(source) ? askGazelle(appointments) : readExports(appointments);

        long completed = 0;
        for (Linked request : linked) {
            contribution.incrementReadCount();
            Found answer = found.getOrDefault(request.appointmentId(), new Found(null, "?"));
            String outcome = outcome(answer.status());
            if (outcome.equals("COMPLETED") && requests.advance(request.id(), request.status(), PdaStatus.COMPLETED,
                    "Rendez-vous " + request.appointmentId() + " complété dans Gazelle (" + answer.status() + "), vu par la "
                            + "vérification du matin (" + label(source) + ")", CHANGED_BY)) {
                completed++;
            }
            jdbc.update("""
                    INSERT INTO pda_completion_check (job_execution_id, pda_request_id, appointment_external_id, source, asked,
                                                      found_status, outcome)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (job_execution_id, pda_request_id) DO UPDATE SET asked = EXCLUDED.asked,
                        found_status = EXCLUDED.found_status, outcome = EXCLUDED.outcome, checked_at = now()""",
                    run.jobExecutionId(), request.id(), request.appointmentId(), source, answer.asked(), answer.status(), outcome);
        }
        contribution.incrementWriteCount(completed);
        long recorded = jdbc.queryForObject("SELECT count(*) FROM pda_completion_check WHERE job_execution_id = ?", Long.class,
                run.jobExecutionId());
        CountCheck check = new CountCheck("gazelle", STEP, source).counts((long) linked.size(), completed, 0L, 0L, recorded)
                .window(run.completionFrom().atStartOfDay(BusinessTime.ZONE).toInstant(),
                        run.runDate().plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        if (recorded != linked.size()) {
            check.fire("COMPLETION_RECORDS", CheckStatus.FAIL, "Vérification des complétions : " + linked.size()
                    + " demande(s) interrogée(s) mais " + recorded + " réponse(s) enregistrée(s).");
        }
        long missing = found.values().stream().filter(f -> f.status() == null).count() + appointments.stream()
                .filter(a -> !found.containsKey(a)).count();
        if (missing > 0) {
            check.fire("COMPLETION_MISSING", CheckStatus.WARN, "Vérification des complétions : " + missing
                    + " rendez-vous lié(s) introuvable(s) dans " + label(source) + ".");
        }
        countChecks.save(run.jobExecutionId(), step.getJobExecution().getJobInstance().getInstanceId(), check);
        log.info("PdA completion check ({}, appointments from {}): {} linked request(s) asked, {} now COMPLETED", source,
                run.completionFrom(), linked.size(), completed);
        return RepeatStatus.FINISHED;
    }

    /** Asks Gazelle, {@link CompletionQuery#BATCH} appointments per operation. */
    private Map<String, Found> askGazelle(List<String> appointments) {
        Map<String, Found> out = new HashMap<>();
        if (appointments.isEmpty()) {
            return out;
        }
        GazelleGraphQlClient api = client.get();
        int batches = (appointments.size() + CompletionQuery.BATCH - 1) / CompletionQuery.BATCH;
        for (int b = 0; b < batches; b++) {
            List<String> slice = appointments.subList(b * CompletionQuery.BATCH, Math.min(appointments.size(), (b + 1) * CompletionQuery.BATCH));
            CompletionQuery query = CompletionQuery.of(slice);
            String lot = "lot " + (b + 1) + "/" + batches;
            JsonNode data = api.query("event × " + slice.size() + " (vérification des complétions, lot " + (b + 1) + "/" + batches + ")",
                    query.text(), query.variables());
            query.aliasToAppointment().forEach((alias, appointment) -> {
                JsonNode event = data == null ? null : data.get(alias);
                String status = event == null || event.isNull() || event.get("status") == null || event.get("status").isNull() ? null
                        : event.get("status").asString();
                out.put(appointment, new Found(status, "API " + alias + ": event(eventId: \"" + appointment + "\") { id status }, " + lot));
            });
        }
        return out;
    }

    /** The CSV exports have no live status: what this night's exports gave, as synced into gazelle_appointments. */
    private Map<String, Found> readExports(List<String> appointments) {
        Map<String, Found> out = new HashMap<>();
        for (String appointment : appointments) {
            List<String> status = jdbc.queryForList("SELECT status FROM gazelle_appointments WHERE external_id = ?", String.class,
                    appointment);
            out.put(appointment, new Found(status.isEmpty() ? null : status.get(0),
                    "exports CSV de Gazelle (copie synchronisée de cette nuit), " + appointment));
        }
        return out;
    }

    static String outcome(String status) {
        if (status == null) {
            return "MISSING";
        }
        return switch (status.strip().toUpperCase(Locale.ROOT)) {
            case "COMPLETE", "COMPLETED" -> "COMPLETED";
            case "CANCELED", "CANCELLED", "NO_SHOW" -> "CANCELED";
            default -> "NOT_YET";
        };
    }

    private String source(StepExecution step) {
        JobParameter<?> parameter = step.getJobExecution().getJobParameters().getParameter("source");
        return parameter == null || parameter.value() == null ? sources.defaultSource() : parameter.value().toString();
    }

    private static String label(String source) {
        return GazelleSources.API.equals(source) ? "API Gazelle" : "exports CSV, sans interrogation de l'API";
    }
}
