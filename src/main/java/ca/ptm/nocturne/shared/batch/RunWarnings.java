package ca.ptm.nocturne.shared.batch;

import java.util.List;
import org.springframework.batch.core.job.JobExecution;

/**
 * A stage's account of what went wrong without failing the run (a refused file, rejected rows, a suspicious
 * count). Any warning turns a completed run into "completed with warnings" (exit code 3).
 */
public interface RunWarnings {

    String COMPLETED_WITH_WARNINGS = "COMPLETED_WITH_WARNINGS";

    /** French sentences for the summary and the email; empty when the stage has nothing to say. */
    List<String> warnings(JobExecution execution);
}
