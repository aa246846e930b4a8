package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.pda.PdaStatus;
import ca.ptm.nocturne.reconciliation.GazelleView.TechnicianRef;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 2: for each linked request that is not BILLED, reads its appointment and moves the status forward only:
 * linked → CREATED_IN_GAZELLE; real technician → ASSIGN_OK; completed in Gazelle (within the completion look-back) →
 * COMPLETED, one history row per step. Copies the technician when the request has none. Flags a cancelled or vanished
 * appointment (the link is kept), an appointment on another date and a different technician.
 */
public class PdaStatusTasklet implements Tasklet {

    private final PdaRequestStore requests;
    private final GazelleView gazelle;
    private final AnomalyLog anomalies;
    private final PdaReconcileProperties properties;
    private final BusinessTime time;

    public PdaStatusTasklet(PdaRequestStore requests, GazelleView gazelle, AnomalyLog anomalies, PdaReconcileProperties properties,
                            BusinessTime time) {
        this.requests = requests;
        this.gazelle = gazelle;
        this.anomalies = anomalies;
        this.properties = properties;
        this.time = time;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReconcileRun run = ReconcileRun.of(contribution.getStepExecution(), properties, time);
        Map<String, TechnicianRef> technicians = gazelle.techniciansByGazelleId();
        LocalDate from = run.linkFrom().isBefore(run.completionFrom()) ? run.linkFrom() : run.completionFrom();
        List<Anomaly> found = new ArrayList<>();
        for (PdaRequestRow request : requests.from(from)) {
            if (!request.linked() || request.billed()) {
                continue;
            }
            contribution.incrementReadCount();
            Optional<Appointment> appointment = gazelle.appointment(request.appointmentExternalId());
            if (appointment.isEmpty()) {
                found.add(new Anomaly(AnomalyKind.LINKED_TO_MISSING, request.id(), request.appointmentExternalId(),
                        ReviewMessages.capitalised(request.label()) + " : liée au rendez-vous " + request.appointmentExternalId()
                                + ", introuvable dans la copie Gazelle ; lien conservé, à vérifier.", Map.of()));
                continue;
            }
            Appointment a = appointment.get();
            if (a.cancelled()) {
                found.add(new Anomaly(AnomalyKind.LINKED_TO_CANCELLED, request.id(), a.externalId(),
                        ReviewMessages.capitalised(request.label()) + " : liée au rendez-vous " + a.label()
                                + ", annulé dans Gazelle ; lien conservé, à vérifier.", Map.of("status", a.status())));
                continue;
            }
            if (a.noShow()) {
                // Not completed and not cancelled: nothing to bill until staff decide (reschedule, or bill the trip).
                found.add(new Anomaly(AnomalyKind.LINKED_TO_NO_SHOW, request.id(), a.externalId(),
                        ReviewMessages.capitalised(request.label()) + " : liée au rendez-vous " + a.label()
                                + ", marqué « client absent » dans Gazelle ; statut inchangé, à vérifier.", Map.of("status", a.status())));
                continue;
            }
            if (a.date() != null && !a.date().equals(request.appointmentDate())) {
                found.add(new Anomaly(AnomalyKind.DATE_MISMATCH, request.id(), a.externalId(),
                        ReviewMessages.capitalised(request.label()) + " : le rendez-vous Gazelle " + a.externalId() + " est le "
                                + a.date() + ".", Map.of("requestDate", request.appointmentDate().toString(),
                                "gazelleDate", a.date().toString())));
            }
            TechnicianRef known = a.technician() == null ? null : technicians.get(a.technician());
            technician(request, a, known).ifPresent(found::add);
            if (advance(request, a, known, run)) {
                contribution.incrementWriteCount(1);
            }
        }
        anomalies.recordAll(run, found);
        return RepeatStatus.FINISHED;
    }

    private Optional<Anomaly> technician(PdaRequestRow request, Appointment a, TechnicianRef known) {
        switch (TechnicianRule.judge(request, a.technician(), known)) {
            case FILL -> requests.fillTechnician(request.id(), known == null ? null : known.id(), a.technician());
            case MISMATCH -> {
                if (requests.accepted(request.id(), AnomalyKind.TECHNICIAN_MISMATCH, a.technician())) {
                    return Optional.empty(); // staff accepted this very difference in the console
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("requestTechnicianId", request.technicianId());
                details.put("requestGazelleUserId", request.technicianGazelleId());
                details.put("gazelleUserId", a.technician());
                details.put("gazelleTechnicianId", known == null ? null : known.id());
                return Optional.of(new Anomaly(AnomalyKind.TECHNICIAN_MISMATCH, request.id(), a.externalId(),
                        ReviewMessages.capitalised(request.label()) + " : technicien de la demande différent de celui du rendez-vous "
                                + a.externalId() + " (" + (known == null ? a.technician() : known.name()) + ") ; conservé, à vérifier.",
                        details));
            }
            default -> {
                // no real technician in Gazelle yet
            }
        }
        return Optional.empty();
    }

    /**
     * Moves the status forward as far as Gazelle allows, one history row per step; true when it changed. A status
     * changed by someone else since it was read stops the walk: the next run starts from the new one.
     */
    private boolean advance(PdaRequestRow request, Appointment a, TechnicianRef known, ReconcileRun run) {
        boolean assigned = TechnicianRule.isReal(a.technician(), known);
        boolean completed = a.completed() && !request.appointmentDate().isBefore(run.completionFrom());
        PdaStatus current = request.status();
        boolean changed = false;
        if (current.ordinal() < PdaStatus.CREATED_IN_GAZELLE.ordinal()) {
            if (!requests.advance(request.id(), current, PdaStatus.CREATED_IN_GAZELLE, "Liée au rendez-vous Gazelle " + a.externalId())) {
                return changed;
            }
            current = PdaStatus.CREATED_IN_GAZELLE;
            changed = true;
        }
        if (assigned && current.ordinal() < PdaStatus.ASSIGN_OK.ordinal()) {
            if (!requests.advance(request.id(), current, PdaStatus.ASSIGN_OK, "Technicien assigné dans Gazelle : "
                    + (known == null ? a.technician() : known.name()))) {
                return changed;
            }
            current = PdaStatus.ASSIGN_OK;
            changed = true;
        }
        if (completed && current.ordinal() < PdaStatus.COMPLETED.ordinal()
                && requests.advance(request.id(), current, PdaStatus.COMPLETED, "Rendez-vous " + a.externalId()
                        + " complété dans Gazelle (" + a.status() + ")")) {
            changed = true;
        }
        return changed;
    }
}
