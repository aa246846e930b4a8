package ca.ptm.nocturne.mail;

import ca.ptm.nocturne.reports.GenerateReportsTasklet;
import ca.ptm.nocturne.reports.ReportsConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last stage of the night: the summary email with the PDF reports attached. If the SMTP server keeps refusing it,
 * this step fails alone (the data stages stay completed, the reports stay on disk, the message waits in the
 * outbox) and {@code jobs restart} sends it again without redoing anything else.
 */
public class SendMorningEmailTasklet implements Tasklet {


    private final NightMails mails;
    private final MailDelivery delivery;
    private final JobRepository jobRepository;

    public SendMorningEmailTasklet(NightMails mails, MailDelivery delivery, JobRepository jobRepository) {
        this.mails = mails;
        this.delivery = delivery;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        MailDelivery.Result result = delivery.deliver(job.getId(), mails.summary(job, pdfReports(job)));
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("mail.status", result.status());
        if (result.emlPath() != null) {
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("mail.eml", result.emlPath().toString());
        }
        contribution.incrementWriteCount(1);
        return RepeatStatus.FINISHED;
    }

    private List<Path> pdfReports(JobExecution job) {
        StepExecution reports = jobRepository.getLastStepExecution(job.getJobInstance(), ReportsConfiguration.STEP_NAME);
        if (reports == null || !(reports.getExecutionContext().get(GenerateReportsTasklet.FILES_KEY) instanceof List<?> files)) {
            return List.of();
        }
        return files.stream().map(Object::toString).filter(f -> f.endsWith(".pdf")).map(Path::of).filter(Files::exists).toList();
    }
}
