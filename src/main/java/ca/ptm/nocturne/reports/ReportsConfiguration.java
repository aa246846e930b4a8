package ca.ptm.nocturne.reports;

import ca.ptm.nocturne.maintenance.AlertProperties;
import ca.ptm.nocturne.reports.contracts.ContractsQuery;
import ca.ptm.nocturne.reports.contracts.ContractsReport;
import ca.ptm.nocturne.reports.csv.CsvReportWriter;
import ca.ptm.nocturne.reports.inventory.PianoInventoryQuery;
import ca.ptm.nocturne.reports.inventory.PianoInventoryReport;
import ca.ptm.nocturne.reports.jasper.PdfReportWriter;
import ca.ptm.nocturne.reports.jasper.ReportTemplates;
import ca.ptm.nocturne.reports.maintenance.MaintenanceQuery;
import ca.ptm.nocturne.reports.maintenance.MaintenanceReport;
import ca.ptm.nocturne.reports.model.ReportBuilder;
import ca.ptm.nocturne.reports.pda.PdaBillingQuery;
import ca.ptm.nocturne.reports.pda.PdaBillingReport;
import ca.ptm.nocturne.reports.supplies.SuppliesQuery;
import ca.ptm.nocturne.reports.supplies.SuppliesReport;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports stage: the five report builders, the PDF/CSV writers, {@link ReportService} and the step
 * "generate-reports" (to be appended to the nightly job after the count checks).
 */
@Configuration(proxyBeanMethods = false)
public class ReportsConfiguration {

    public static final String STEP_NAME = "generate-reports";

    @Bean
    Step generateReports(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReportService reportService) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .tasklet(new GenerateReportsTasklet(reportService), transactionManager)
                .build();
    }

    @Bean
    ReportService reportService(List<ReportBuilder> builders, ReportsProperties properties, ReportTemplates templates,
                                ObjectProvider<Clock> clock, PlatformTransactionManager transactionManager) {
        return new ReportService(builders, properties, new PdfReportWriter(templates),
                new CsvReportWriter(properties.csvSeparator()), clock.getIfAvailable(() -> Clock.system(BusinessTime.ZONE)),
                readingTransaction(transactionManager));
    }

    /**
     * Read-only, and repeatable read so that a report's queries (the institutions, then their rows) see one snapshot.
     * Inside the step's transaction, the report joins it.
     */
    public static TransactionTemplate readingTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(true);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template;
    }

    @Bean
    ReportTemplates reportTemplates(ReportsProperties properties) {
        return new ReportTemplates(properties.templatesDir(), properties.cacheDir());
    }

    @Bean
    PianoInventoryReport pianoInventoryReport(JdbcTemplate jdbc) {
        return new PianoInventoryReport(new PianoInventoryQuery(jdbc));
    }

    @Bean
    MaintenanceReport maintenanceReport(JdbcTemplate jdbc, ReportsProperties properties, AlertProperties alerts) {
        return new MaintenanceReport(new MaintenanceQuery(jdbc), properties.maintenanceDays(),
                alerts.humidityMin().doubleValue(), alerts.humidityMax().doubleValue());
    }

    @Bean
    ContractsReport contractsReport(JdbcTemplate jdbc) {
        return new ContractsReport(new ContractsQuery(jdbc));
    }

    @Bean
    PdaBillingReport pdaBillingReport(JdbcTemplate jdbc) {
        return new PdaBillingReport(new PdaBillingQuery(jdbc));
    }

    @Bean
    SuppliesReport suppliesReport(JdbcTemplate jdbc) {
        return new SuppliesReport(new SuppliesQuery(jdbc));
    }
}
