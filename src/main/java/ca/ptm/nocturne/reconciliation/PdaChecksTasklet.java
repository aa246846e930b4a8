package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.pda.PdaBusinessKey;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 4, after the links and statuses: the state checks over the look-back window. Requests still unlinked past the
 * alert delay, orphan appointments (PdA-looking, not cancelled, dated up to the run date, that no request is linked to
 * and no unlinked request of that day could take, unless staff dismissed them), duplicates by the business key,
 * requests dated after their appointment, and appointments linked to several requests. Last step of the flow: it
 * brings the dashboard's table in step with what the night changed.
 */
public class PdaChecksTasklet implements Tasklet {

    private final PdaRequestStore requests;
    private final GazelleView gazelle;
    private final AnomalyLog anomalies;
    private final PdaReconcileProperties properties;
    private final BusinessTime time;
    private final DashboardTable dashboard;

    public PdaChecksTasklet(PdaRequestStore requests, GazelleView gazelle, AnomalyLog anomalies, PdaReconcileProperties properties,
                            BusinessTime time, DashboardTable dashboard) {
        this.dashboard = dashboard;
        this.requests = requests;
        this.gazelle = gazelle;
        this.anomalies = anomalies;
        this.properties = properties;
        this.time = time;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReconcileRun run = ReconcileRun.of(contribution.getStepExecution(), properties, time);
        List<PdaRequestRow> window = requests.from(run.linkFrom());
        List<Anomaly> found = new ArrayList<>();
        found.addAll(overdue(window, run));
        found.addAll(orphans(window, run));
        found.addAll(duplicates(window));
        found.addAll(datedAfterAppointment(window));
        found.addAll(shared(run));
        anomalies.recordAll(run, found);
        contribution.incrementWriteCount(found.size());
        dashboard.refresh();
        return RepeatStatus.FINISHED;
    }

    private static List<Anomaly> overdue(List<PdaRequestRow> window, ReconcileRun run) {
        return window.stream()
                .filter(r -> !r.linked() && !r.billed() && run.unlinkedTooLong(r.appointmentDate(), r.time()))
                .map(r -> new Anomaly(AnomalyKind.UNLINKED_OVERDUE, r.id(), null,
                        ReviewMessages.capitalised(r.label()) + " : toujours sans rendez-vous Gazelle plus de "
                                + run.unlinkedAlertHours() + " h après la date prévue.",
                        Map.of("status", r.status().name())))
                .toList();
    }

    private List<Anomaly> orphans(List<PdaRequestRow> window, ReconcileRun run) {
        PdaClients clients = gazelle.pdaClients();
        Set<String> linked = requests.linkedAppointmentIds();
        Set<String> dismissed = gazelle.dismissedOrphans();
        Set<LocalDate> daysWithUnlinkedRequests = window.stream().filter(r -> !r.linked()).map(PdaRequestRow::appointmentDate)
                .collect(Collectors.toSet());
        return gazelle.appointmentsFrom(run.linkFrom()).stream()
                .filter(a -> a.date() != null && !a.date().isAfter(run.runDate()))
                .filter(a -> !a.cancelled() && a.isAppointment() && clients.looksLikePda(a))
                .filter(a -> !linked.contains(a.externalId()) && !dismissed.contains(a.externalId()))
                .filter(a -> !daysWithUnlinkedRequests.contains(a.date()))
                .map(a -> new Anomaly(AnomalyKind.ORPHAN_APPOINTMENT, null, a.externalId(),
                        "Rendez-vous Gazelle " + a.label() + " sans demande Place des Arts ; à rattacher à une demande ou à écarter"
                                + " (table pda_orphan_dismissal).", Map.of("clientId", String.valueOf(a.clientId()))))
                .toList();
    }

    private static List<Anomaly> duplicates(List<PdaRequestRow> window) {
        Map<String, List<PdaRequestRow>> byKey = new LinkedHashMap<>();
        for (PdaRequestRow r : window) {
            String key = PdaBusinessKey.of(r.appointmentDate(), r.roomCode() != null ? r.roomCode() : r.roomOriginal(), r.forWho(),
                    r.time(), r.pianoText());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Anomaly> out = new ArrayList<>();
        byKey.forEach((key, rows) -> {
            if (rows.size() > 1) {
                List<Long> ids = rows.stream().map(PdaRequestRow::id).toList();
                out.add(new Anomaly(AnomalyKind.DUPLICATE_REQUEST, ids.get(0), null,
                        ReviewMessages.capitalised(rows.get(0).label()) + " : " + rows.size() + " demandes avec la même clé métier (n° "
                                + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ").",
                        Map.of("businessKey", key, "requestIds", ids)));
            }
        });
        return out;
    }

    private static List<Anomaly> datedAfterAppointment(List<PdaRequestRow> window) {
        return window.stream()
                .filter(r -> r.requestDate() != null && r.requestDate().isAfter(r.appointmentDate()))
                .map(r -> new Anomaly(AnomalyKind.REQUEST_AFTER_APPOINTMENT, r.id(), r.appointmentExternalId(),
                        ReviewMessages.capitalised(r.label()) + " : demandée le " + r.requestDate() + ", après la date du rendez-vous.",
                        Map.of("requestDate", r.requestDate().toString())))
                .toList();
    }

    private List<Anomaly> shared(ReconcileRun run) {
        List<Anomaly> out = new ArrayList<>();
        requests.sharedAppointments(run.linkFrom()).forEach((appointment, ids) -> out.add(new Anomaly(
                AnomalyKind.APPOINTMENT_SHARED, ids.get(0), appointment,
                "Rendez-vous Gazelle " + appointment + " lié à " + ids.size() + " demandes (n° "
                        + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ") ; à vérifier.",
                Map.of("requestIds", ids))));
        return out;
    }
}
