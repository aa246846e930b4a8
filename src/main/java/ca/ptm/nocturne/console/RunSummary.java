package ca.ptm.nocturne.console;

import java.util.List;
import org.springframework.batch.core.job.JobExecution;

/**
 * One run as the Nuits page shows it.
 *
 * @param execution  the Spring Batch execution (status, times, parameters)
 * @param runDate    the identifying {@code date} parameter of a night, or null
 * @param stages     what each stage read, wrote, rejected and counted as duplicates
 * @param checksOk   count-check verdicts OK (latest verdict of each check)
 * @param checksWarn verdicts WARN
 * @param checksFail verdicts FAIL
 * @param failedStep the step that failed, or null
 * @param failure    the failure in one French line, or null
 */
public record RunSummary(JobExecution execution, java.time.LocalDate runDate, List<StageCounts> stages, int checksOk,
                         int checksWarn, int checksFail, String failedStep, String failure) {

    /**
     * A stage's figures. For the import: rows read / imported / rejected / duplicates (import_batch, all the files of
     * the instance). For the Gazelle sync: records read / written / set aside with a reason / noise or unchanged.
     */
    public record StageCounts(String stage, long read, long written, long rejected, long duplicates) {
    }

    public long id() {
        return execution.getId();
    }

    public String jobName() {
        return execution.getJobInstance().getJobName();
    }

    public boolean running() {
        return execution.isRunning();
    }

    public boolean hasChecks() {
        return checksOk + checksWarn + checksFail > 0;
    }
}
