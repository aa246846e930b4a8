package ca.ptm.nocturne.mail;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The mail stage of the nightly pipeline. */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    Step sendMorningEmail(JobRepository jobRepository, PlatformTransactionManager transactionManager, NightMails mails,
                          MailDelivery delivery) {
        return new StepBuilder("send-morning-email", jobRepository)
                .tasklet(new SendMorningEmailTasklet(mails, delivery, jobRepository), transactionManager)
                .build();
    }
}
