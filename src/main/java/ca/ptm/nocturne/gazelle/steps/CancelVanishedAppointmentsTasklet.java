package ca.ptm.nocturne.gazelle.steps;

import ca.ptm.nocturne.gazelle.EventStatus;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncItem;
import ca.ptm.nocturne.gazelle.sync.SyncRejects;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gazelle shows a deleted appointment only by no longer returning it. An active appointment of the window (up to
 * 14 days ahead) that this run's appointment step did not see (sync_appointment_sighting, written with each chunk,
 * changed or not) is marked CANCELED (Gazelle's spelling) with cancelled_detected_at set, never deleted. More than the
 * threshold at once looks like an API problem: nothing is cancelled and the run warns.
 */
public class CancelVanishedAppointmentsTasklet implements Tasklet {

    public static final String VANISHED = "gazelle.vanishedAppointments";
    static final int DAYS_AHEAD = 14;

    private final JdbcTemplate jdbc;
    private final SyncRejects rejects;
    private final int threshold;
    private final LocalDate windowStart;
    private final LocalDate runDate;
    private final boolean apiSource;

    /**
     * @param windowStart first day the appointment step read (null when it read no window)
     * @param apiSource   only the API says what Gazelle no longer has; an export folder may simply be partial
     */
    public CancelVanishedAppointmentsTasklet(JdbcTemplate jdbc, SyncRejects rejects, int threshold, LocalDate windowStart,
                                             LocalDate runDate, boolean apiSource) {
        this.jdbc = jdbc;
        this.rejects = rejects;
        this.threshold = threshold;
        this.windowStart = windowStart;
        this.runDate = runDate;
        this.apiSource = apiSource;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Long[] executionsOfThisRun = jdbc.queryForList("SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = ?",
                Long.class, job.getJobInstance().getInstanceId()).toArray(Long[]::new);
        // Only this night's sightings are ever needed again (by a restart of this tasklet).
        jdbc.update("DELETE FROM sync_appointment_sighting WHERE NOT (job_execution_id = ANY(?))", (Object) executionsOfThisRun);
        if (!apiSource || windowStart == null) {
            return RepeatStatus.FINISHED;
        }
        List<String> vanished = jdbc.queryForList("""
                SELECT a.external_id FROM gazelle_appointments a
                WHERE a.appointment_date BETWEEN ? AND ? AND NOT (coalesce(upper(a.status), '') = ANY(?))
                  AND NOT EXISTS (SELECT 1 FROM sync_appointment_sighting s
                                  WHERE s.external_id = a.external_id AND s.job_execution_id = ANY(?))
                ORDER BY a.external_id""", String.class, windowStart, runDate.plusDays(DAYS_AHEAD),
                EventStatus.finalSpellings().toArray(String[]::new), executionsOfThisRun);
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putInt(VANISHED, vanished.size());
        if (vanished.size() > threshold) {
            rejects.warning(job.getId(), GazelleEntity.APPOINTMENT, "api", new SyncItem.Skip(null, null, "TOO_MANY_VANISHED",
                    vanished.size() + " rendez-vous ont disparu de Gazelle d'un coup (seuil " + threshold + ") : aucun n'a été "
                            + "annulé, vérifiez l'API avant la prochaine nuit", String.join(", ", vanished)));
            return RepeatStatus.FINISHED;
        }
        for (String id : vanished) {
            jdbc.update("UPDATE gazelle_appointments SET status = ?, cancelled_detected_at = now() WHERE external_id = ?",
                    EventStatus.CANCELED.name(), id);
        }
        contribution.incrementWriteCount(vanished.size());
        return RepeatStatus.FINISHED;
    }
}
