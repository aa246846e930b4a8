package ca.ptm.nocturne.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The step "generate-reports" in a job of its own: parameters read, files listed in the step's context. */
@NocturneIntegrationTest
@TestPropertySource(properties = "nocturne.reports.output-dir=target/test-reports")
class GenerateReportsStepIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    @Qualifier("generateReports")
    Step generateReports;

    @BeforeEach
    void data() {
        TestDatabase.clean(jdbc);
        ReportData.insert(jdbc);
    }

    @AfterEach
    void unlink() {
        ReportData.unlink(jdbc);
    }

    @Test
    void recordsTheFilesOfTheChosenReportsInTheStepContext() throws Exception {
        Job job = new JobBuilder("reports-only", jobRepository).start(generateReports).build();
        JobExecution execution = jobOperator.start(job, new JobParametersBuilder()
                .addLocalDate("date", LocalDate.of(2026, 11, 24))
                .addString("reports", "facturation-pda, contrats", false)
                .toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Object files = Steps.named(execution, ReportsConfiguration.STEP_NAME).getExecutionContext()
                .get(GenerateReportsTasklet.FILES_KEY);
        assertThat(files).isInstanceOf(ArrayList.class);
        @SuppressWarnings("unchecked")
        ArrayList<String> paths = (ArrayList<String>) files;
        assertThat(paths).hasSize(4).allSatisfy(p -> assertThat(Path.of(p)).isAbsolute().exists());
        assertThat(paths).extracting(p -> Path.of(p).getFileName().toString()).containsExactly(
                "contrats-service-2026-11-24.pdf", "contrats-service-2026-11-24.csv",
                "facturation-pda-2026-11.pdf", "facturation-pda-2026-11.csv");
    }

    @Test
    void slugsParseFromACommaList() {
        assertThat(ReportKind.parseList(" inventaire,FACTURATION-PDA ,")).containsExactly(ReportKind.INVENTAIRE,
                ReportKind.FACTURATION_PDA);
        assertThat(ReportKind.parseList(null)).isEqualTo(EnumSet.allOf(ReportKind.class));
        assertThatThrownBy(() -> ReportKind.parseList("inventaire,ventes")).hasMessageContaining("ventes");
    }
}
