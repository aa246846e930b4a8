package ca.ptm.nocturne.maintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs the fleet overlay after a completed stand-alone import or Gazelle sync, so a new inventory file or new Gazelle
 * pianos are linked without waiting for the night (which runs it as its own step). The overlay is idempotent; if it
 * fails here the run stays completed, the error is logged, and the next night's step links everything again.
 */
@Component
public class FleetOverlayListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FleetOverlayListener.class);

    private final FleetOverlay overlay;

    public FleetOverlayListener(FleetOverlay overlay) {
        this.overlay = overlay;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        try {
            overlay.link();
        } catch (RuntimeException e) {
            log.error("Fleet overlay after {} (execution {}) failed; the next night's fleet-overlay step will redo it: {}",
                    execution.getJobInstance().getJobName(), execution.getId(), e.getMessage());
        }
    }
}
