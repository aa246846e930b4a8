package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.pda.PdaBusinessKey;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * alert delay after they arrived, orphan appointments (PdA-looking, not cancelled, dated up to the run date, that no request is linked to
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

    /**
     * Requests still unlinked 24 h (the alert delay) after they were received (their request date, else their import
     * time), or after their appointment: the message says how many days remain before the concert.
     */
    private List<Anomaly> overdue(List<PdaRequestRow> window, ReconcileRun run) {
        Map<Long, Instant> imported = requests.importedAt(run.linkFrom());
        List<Anomaly> out = new ArrayList<>();
        for (PdaRequestRow r : window) {
            if (r.linked() || r.billed()) {
                continue;
            }
            Instant received = ReconcileRun.receivedAt(r.requestDate(), imported.get(r.id()));
            boolean waited = received != null && run.waitedTooLong(received);
            if (!waited && !run.unlinkedTooLong(r.appointmentDate(), r.time())) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(run.runDate(), r.appointmentDate());
            String since = r.requestDate() != null ? "reçue le " + FrenchFormat.date(r.requestDate())
                    : "importée le " + FrenchFormat.date(LocalDate.ofInstant(received, BusinessTime.ZONE));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", r.status().name());
            details.put("receivedAt", String.valueOf(received));
            details.put("daysBeforeAppointment", days);
            out.add(new Anomaly(AnomalyKind.UNLINKED_OVERDUE, r.id(), null, ReviewMessages.capitalised(r.label()) + " : " + since
                    + ", toujours sans rendez-vous Gazelle après " + run.unlinkedAlertHours() + " h ; " + remaining(days) + ".", details));
        }
        return out;
    }

    static String remaining(long days) {
        if (days > 1) {
            return "plus que " + days + " jours avant le concert";
        }
        if (days == 1) {
            return "le concert est demain";
        }
        if (days == 0) {
            return "le concert est aujourd'hui";
        }
        return "le concert est passé depuis " + (-days) + (days == -1 ? " jour" : " jours");
    }

    private List<Anomaly> orphans(List<PdaRequestRow> window, ReconcileRun run) {
        PdaClients clients = gazelle.pdaClients();
        Set<String> linked = requests.linkedAppointmentIds();
        Set<String> dismissed = gazelle.dismissedOrphans();
        Set<LocalDate> daysWithUnlinkedRequests = window.stream().filter(r -> !r.linked()).map(PdaRequestRow::appointmentDate)
                .collect(Collectors.toSet());
        return gazelle.appointmentsFrom(run.linkFrom()).stream()
                .filter(a -> a.date() != null && !a.date().isAfter(run.runDate()))
                .filter(a -> a.standing() && a.isAppointment() && clients.looksLikePda(a))
                .filter(a -> !linked.contains(a.externalId()) && !dismissed.contains(a.externalId()))
                .filter(a -> !daysWithUnlinkedRequests.contains(a.date()))
                .map(a -> new Anomaly(AnomalyKind.ORPHAN_APPOINTMENT, null, a.externalId(),
                        "Rendez-vous Gazelle " + a.label() + " sans demande Place des Arts ; à rattacher à une demande ou à écarter"
                                + " (console, page « Place des Arts »).", Map.of("clientId", String.valueOf(a.clientId()))))
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
