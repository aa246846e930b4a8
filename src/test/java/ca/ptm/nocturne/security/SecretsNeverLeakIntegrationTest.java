package ca.ptm.nocturne.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.GazelleNodes;
import ca.ptm.nocturne.gazelle.GazelleFaults;
import ca.ptm.nocturne.gazelle.standin.GazelleStandIn;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Gazelle sync with recognisable secrets (tokens, client secret, a refresh, a refused refresh that sends the
 * failure alert, a database password), everything logged at DEBUG: no secret in the logs, the job parameters, the
 * execution contexts or the e-mails of the outbox.
 */
@NocturneIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakIntegrationTest {

    static final GazelleStandIn GAZELLE;
    static final GazelleFaults FAULTS;
    static final Path OUTBOX;

    static final String CLIENT_SECRET = "SECRETclient7f3a9c";
    static final String ACCESS_TOKEN = "SECRETaccess4b8e21";
    static final String REFRESH_TOKEN = "SECRETrefresh9d0c55";
    static final String NEW_ACCESS_TOKEN = "SECRETnewaccess2e7f10";
    static final String NEW_REFRESH_TOKEN = "SECRETnewrefresh6a1b34";
    static final String DB_PASSWORD = "SECRETdbpass3c9d72";
    static final List<String> SECRETS = List.of(CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN, NEW_ACCESS_TOKEN, NEW_REFRESH_TOKEN,
            DB_PASSWORD);

    static {
        GAZELLE = GazelleStandIn.start(0, GazelleStandIn.CLIENT_ID, CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN);
        FAULTS = new GazelleFaults(GAZELLE);
        try {
            OUTBOX = Files.createTempDirectory("nocturne-secrets-outbox");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void gazelle(DynamicPropertyRegistry registry) {
        FAULTS.registerProperties(registry);
        registry.add("nocturne.mail.outbox", OUTBOX::toString);
        // The embedded server ignores it (trust authentication); it stands for SPRING_DATASOURCE_PASSWORD in the environment.
        registry.add("spring.datasource.password", () -> DB_PASSWORD);
    }

    @AfterAll
    static void stop() {
        FAULTS.close();
        GAZELLE.close();
    }

    @Autowired
    JobLaunches launches;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JdbcTemplate jdbc;

    final ListAppender<ILoggingEvent> events = new ListAppender<>();
    Level rootLevel;
    Level nocturneLevel;

    @BeforeEach
    void captureEverything() {
        TestDatabase.clean(jdbc);
        GAZELLE.reset();
        FAULTS.reset();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger nocturne = context.getLogger("ca.ptm.nocturne");
        rootLevel = root.getLevel();
        nocturneLevel = nocturne.getLevel();
        root.setLevel(Level.DEBUG);
        nocturne.setLevel(Level.DEBUG);
        events.setContext(context);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(events);
        root.setLevel(rootLevel);
        context.getLogger("ca.ptm.nocturne").setLevel(nocturneLevel);
        events.stop();
    }

    @Test
    void noSecretReachesTheLogsTheParametersTheContextsOrTheEmails(CapturedOutput output) throws Exception {
        LocalDate today = BusinessTime.system().today();
        SyncOptions api = new SyncOptions("api", null, false);
        // 1. the first call is refused (expired token): the refresh sends the refresh token and the client secret
        GAZELLE.addUser(GazelleNodes.user("usr_T0000000001", "Allan", "Y"));
        GAZELLE.expireAccessTokens();
        GAZELLE.issueNext(NEW_ACCESS_TOKEN, NEW_REFRESH_TOKEN);
        JobExecution refreshed = launches.runGazelleSync(today, api);
        assertThat(refreshed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT value::text FROM system_settings WHERE key = 'gazelle_oauth_token'", String.class))
                .as("the token is kept where it belongs").contains(NEW_ACCESS_TOKEN);

        // 2. every call refused and the refresh refused, with bodies that echo the secrets (WireMock in front of the
        // stand-in): the run fails and the alert e-mail goes to the outbox
        FAULTS.answerEveryQuery(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid token " + NEW_ACCESS_TOKEN + "\"}"));
        FAULTS.answerToken(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token " + NEW_REFRESH_TOKEN + " revoked\"}"));
        JobExecution failed = launches.runGazelleSync(today, api);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        List<String> places = new ArrayList<>();
        places.add("logs (events): " + logEvents());
        places.add("console: " + output.getAll());
        places.add("job parameters: " + jdbc.queryForList("SELECT parameter_name || '=' || parameter_value "
                + "FROM batch.batch_job_execution_params", String.class));
        places.add("exit descriptions: " + jdbc.queryForList("SELECT exit_message FROM batch.batch_job_execution "
                + "UNION ALL SELECT exit_message FROM batch.batch_step_execution", String.class));
        for (String table : List.of("batch.batch_step_execution_context", "batch.batch_job_execution_context")) {
            for (String raw : jdbc.queryForList("SELECT coalesce(short_context, '') || ' ' || coalesce(serialized_context, '') FROM "
                    + table, String.class)) {
                places.add(table + " raw: " + raw);
                places.add(table + " base64-decoded: " + decodedIfBase64(raw));
            }
        }
        for (JobExecution run : List.of(refreshed, failed)) {
            JobExecution stored = jobRepository.getJobExecution(run.getId());
            places.add("job context: " + stored.getExecutionContext().entrySet());
            for (StepExecution step : stored.getStepExecutions()) {
                places.add("step context " + step.getStepName() + ": "
                        + jobRepository.getStepExecution(run.getId(), step.getId()).getExecutionContext().entrySet());
            }
        }
        List<Path> emails;
        try (Stream<Path> files = Files.list(OUTBOX)) {
            emails = files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
        assertThat(emails).as("the failure alert was written to the outbox").isNotEmpty();
        for (Path eml : emails) {
            places.add("email " + eml.getFileName() + " raw: " + Files.readString(eml, StandardCharsets.ISO_8859_1));
            places.add("email " + eml.getFileName() + " decoded: " + decoded(eml));
        }
        places.add("mail_delivery: " + jdbc.queryForList("SELECT subject || ' ' || coalesce(error, '') FROM mail_delivery", String.class));
        places.add("sync_logs: " + jdbc.queryForList("SELECT coalesce(error_message, '') FROM sync_logs", String.class));

        assertThat(String.join("\n", places)).as("captured what the run printed").contains("gazelle");
        for (String place : places) {
            for (String secret : SECRETS) {
                assertThat(place).as("secret %s leaked into %s", secret, place.substring(0, Math.min(60, place.length())))
                        .doesNotContain(secret);
            }
        }
    }

    /** Every event of every Nocturne, Spring or driver logger, its arguments and its stack trace; not the stub's own. */
    private String logEvents() {
        StringBuilder text = new StringBuilder();
        List<ILoggingEvent> logged;
        synchronized (events) {   // the appender's own lock: other threads (HTTP server, prefetch) may still log
            logged = new ArrayList<>(events.list);
        }
        for (ILoggingEvent event : logged) {
            if (event.getLoggerName().startsWith("com.github.tomakehurst") || event.getLoggerName().startsWith("wiremock")) {
                continue;
            }
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    text.append("  arg ").append(argument).append('\n');
                }
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    private static String decodedIfBase64(String raw) {
        try {
            return new String(Base64.getMimeDecoder().decode(raw.trim()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static String decoded(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            StringBuilder text = new StringBuilder(String.valueOf(message.getSubject())).append('\n');
            collect(message.getContent(), text);
            return text.toString();
        }
    }

    private static void collect(Object content, StringBuilder text) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), text);
            }
        } else if (content instanceof InputStream stream) {
            text.append(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } else {
            text.append(content).append('\n');
        }
    }
}
