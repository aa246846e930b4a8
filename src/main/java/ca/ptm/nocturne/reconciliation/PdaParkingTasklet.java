package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.reconciliation.GazelleView.ServiceNote;
import ca.ptm.nocturne.reconciliation.GazelleView.TechnicianRef;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3: re-derives the parking of each linked request that is not BILLED from the assigned technician's service
 * notes on the appointment's piano that day (the request's own piano when it names one of them). A request without
 * parking gets the amount; one with the same amount is left alone; one with another amount, entered by hand, keeps
 * it and the disagreement is flagged.
 */
public class PdaParkingTasklet implements Tasklet {

    private final PdaRequestStore requests;
    private final GazelleView gazelle;
    private final TechnicianDirectory directory;
    private final AnomalyLog anomalies;
    private final PdaReconcileProperties properties;
    private final BusinessTime time;

    public PdaParkingTasklet(PdaRequestStore requests, GazelleView gazelle, TechnicianDirectory directory, AnomalyLog anomalies,
                             PdaReconcileProperties properties, BusinessTime time) {
        this.requests = requests;
        this.gazelle = gazelle;
        this.directory = directory;
        this.anomalies = anomalies;
        this.properties = properties;
        this.time = time;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReconcileRun run = ReconcileRun.of(contribution.getStepExecution(), properties, time);
        Map<String, TechnicianRef> technicians = gazelle.techniciansByGazelleId();
        List<Anomaly> found = new ArrayList<>();
        for (PdaRequestRow request : requests.from(run.linkFrom())) {
            if (!request.linked() || request.billed()) {
                continue;
            }
            Optional<Appointment> appointment = gazelle.appointment(request.appointmentExternalId())
                    .filter(a -> a.standing() && a.date() != null)
                    .filter(a -> TechnicianRule.isReal(a.technician(), technicians.get(a.technician())));
            if (appointment.isEmpty()) {
                continue;
            }
            Appointment a = appointment.get();
            contribution.incrementReadCount();
            Set<String> pianos = gazelle.pianosOf(a.externalId());
            if (request.pianoExternalId() != null && pianos.contains(request.pianoExternalId())) {
                pianos = Set.of(request.pianoExternalId());
            }
            Optional<ServiceNoteParking> parking = ServiceNoteParking.from(gazelle.serviceNotes(pianos, a.date()),
                    writtenBy(a.technician()));
            if (parking.isEmpty()) {
                continue;
            }
            ServiceNoteParking derived = parking.get();
            if (request.parkingAmount() == null) {
                if (requests.fillParking(request.id(), derived.amount())) {
                    contribution.incrementWriteCount(1);
                }
            } else if (request.parkingAmount().compareTo(derived.amount()) != 0
                    && !requests.accepted(request.id(), AnomalyKind.PARKING_MISMATCH, derived.amount().toPlainString())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("entered", request.parkingAmount().toPlainString());
                details.put("fromNotes", derived.amount().toPlainString());
                details.put("notes", derived.notes());
                found.add(new Anomaly(AnomalyKind.PARKING_MISMATCH, request.id(), a.externalId(),
                        ReviewMessages.capitalised(request.label()) + " : stationnement saisi " + money(request.parkingAmount())
                                + ", la note de service donne " + money(derived.amount()) + " ; montant saisi conservé.", details));
            }
        }
        anomalies.recordAll(run, found);
        return RepeatStatus.FINISHED;
    }

    /**
     * Notes of the appointment's technician: by their Gazelle user, or, for CSV rows that carry only the author's
     * name ("Created By"), by the technician that name resolves to.
     */
    private Predicate<ServiceNote> writtenBy(String gazelleUserId) {
        return note -> {
            if (note.userId() != null) {
                return note.userId().equals(gazelleUserId);
            }
            return note.createdBy() != null && directory.resolve(note.createdBy())
                    .map(TechnicianDirectory.Technician::gazelleUserId).filter(gazelleUserId::equals).isPresent();
        };
    }

    private static String money(java.math.BigDecimal amount) {
        return amount.toPlainString().replace('.', ',') + " $";
    }
}
