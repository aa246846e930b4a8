package ca.ptm.nocturne.reports;

import ca.ptm.nocturne.shared.time.BusinessTime;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The reports stage of a run. Job parameters: {@code date} (LocalDate, the Montreal run date; today when absent)
 * and {@code reports} (optional comma list of slugs, e.g. "inventaire,facturation-pda"; all when absent). The
 * files written are kept in the step's execution context under {@link #FILES_KEY}, for the e-mail stage.
 */
public class GenerateReportsTasklet implements Tasklet {

    /** Execution-context key: an ArrayList&lt;String&gt; of absolute paths (Serializable, as the context must be). */
    public static final String FILES_KEY = "reports.files";

    private final ReportService reports;

    public GenerateReportsTasklet(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobParameters parameters = step.getJobParameters();
        LocalDate date = parameters.getLocalDate("date", null);
        LocalDate runDate = date == null ? BusinessTime.system().today() : date;
        List<Path> files = reports.generate(runDate, ReportKind.parseList(parameters.getString("reports", null)));
        ArrayList<String> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.toAbsolutePath().toString()));
        step.getExecutionContext().put(FILES_KEY, paths);
        contribution.incrementWriteCount(files.size());
        return RepeatStatus.FINISHED;
    }
}
