package ca.ptm.nocturne.mail;

import ca.ptm.nocturne.maintenance.MaintenanceConfiguration;
import ca.ptm.nocturne.operations.ExecutionReport;
import ca.ptm.nocturne.operations.FailureText;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Writes the two emails Allan gets: the morning summary with the reports, and the alert when a run failed. */
@Component
public class NightMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH);

    private final ExecutionReport report;
    private final List<RunWarnings> warnings;
    private final StageTables stages;

    public NightMails(ExecutionReport report, List<RunWarnings> warnings, StageTables stages) {
        this.report = report;
        this.warnings = warnings;
        this.stages = stages;
    }

    public MailMessage summary(JobExecution execution, List<Path> reports) {
        List<String> lines = warnings.stream().flatMap(w -> w.warnings(execution).stream()).toList();
        String outcome = lines.isEmpty() ? "terminée" : "terminée avec " + lines.size() + " avertissement(s)";
        StringBuilder body = new StringBuilder();
        body.append("Bonjour Allan,\n\n");
        body.append("La nuit du ").append(day(execution)).append(" est ").append(outcome).append(" (exécution ")
                .append(execution.getId()).append(", durée ").append(ExecutionReport.duration(execution)).append(").\n\n");
        if (reports.isEmpty()) {
            body.append("Aucun rapport n'a été produit cette nuit.\n\n");
        } else {
            body.append("Rapports joints :\n");
            reports.forEach(r -> body.append("  - ").append(r.getFileName()).append('\n'));
            body.append("Ils restent aussi sur le disque : ").append(reports.get(0).getParent()).append("\n\n");
        }
        if (!lines.isEmpty()) {
            body.append("Avertissements :\n");
            lines.forEach(l -> body.append("  - ").append(l).append('\n'));
            body.append('\n');
        }
        fleetLine(execution).ifPresent(line -> body.append(line).append("\n\n"));
        body.append("Détail par étape :\n").append(capture(out -> report.printStages(execution, out)));
        body.append("\n— Nocturne\n");
        return new MailMessage(MailMessage.Kind.SUMMARY, "Nocturne — nuit du " + day(execution) + " : " + outcome,
                body.toString(), summaryHtml(execution, reports, lines, outcome), reports);
    }

    /** The same content as the text body, for a phone: status in words and colour, a table per stage, warnings listed. */
    private String summaryHtml(JobExecution execution, List<Path> reports, List<String> lines, String outcome) {
        HtmlMail html = new HtmlMail("Nocturne — nuit du " + day(execution));
        html.paragraph("Bonjour Allan,");
        html.status("Nuit du " + day(execution) + " : " + outcome, lines.isEmpty() ? HtmlMail.Tone.OK : HtmlMail.Tone.WARNING);
        html.paragraph("Exécution " + execution.getId() + ", durée " + ExecutionReport.duration(execution) + ".");
        if (!lines.isEmpty()) {
            html.heading("Avertissements (" + lines.size() + ")").list(lines);
        }
        if (reports.isEmpty()) {
            html.paragraph("Aucun rapport n'a été produit cette nuit.");
        } else {
            html.heading("Rapports joints (PDF)").list(reports.stream().map(r -> r.getFileName().toString()).toList());
        }
        fleetLine(execution).ifPresent(html::paragraph);
        stages.of(execution).forEach(html::table);
        return html.end("— Nocturne");
    }

    public MailMessage alert(JobExecution execution) {
        StepExecution failed = execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                .reduce((a, b) -> b).orElse(null);
        String step = failed == null ? "?" : failed.getStepName();
        String error = failed == null ? FailureText.summarize(execution.getExitStatus().getExitDescription())
                : FailureText.summarize(failed.getExitStatus().getExitDescription());
        StringBuilder body = new StringBuilder();
        body.append("Bonjour Allan,\n\n");
        body.append("Le job « ").append(execution.getJobInstance().getJobName()).append(" » (exécution ").append(execution.getId())
                .append(", ").append(day(execution)).append(") a échoué à l'étape « ").append(step).append(" ».\n\n");
        body.append("Erreur : ").append(error).append("\n\n");
        body.append(capture(out -> report.printFirstRejects(execution, out)));
        body.append("\nCe qui a été validé avant l'erreur est conservé. Pour reprendre là où la nuit s'est arrêtée :\n\n");
        body.append("    java -jar nocturne.jar jobs restart ").append(execution.getId()).append('\n');
        body.append("    (ou : ./mvnw -q spring-boot:run -Dspring-boot.run.arguments=\"jobs restart ").append(execution.getId())
                .append("\")\n\n");
        body.append("Détail : jobs show ").append(execution.getId()).append("\n\nDétail par étape :\n")
                .append(capture(out -> report.printStages(execution, out)));
        body.append("\n— Nocturne\n");
        return new MailMessage(MailMessage.Kind.ALERT, "Nocturne — ÉCHEC de « " + execution.getJobInstance().getJobName()
                + " » du " + day(execution) + " (étape " + step + ")", body.toString(), List.of());
    }

    /** What the maintenance stage did: inventory rows linked to Gazelle, new maintenance alerts (mailed on their own). */
    static java.util.Optional<String> fleetLine(JobExecution execution) {
        Integer linked = null;
        Integer found = null;
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getExecutionContext().containsKey(MaintenanceConfiguration.LINKED)) {
                linked = step.getExecutionContext().getInt(MaintenanceConfiguration.LINKED);
            }
            if (step.getExecutionContext().containsKey(MaintenanceConfiguration.FOUND)) {
                found = step.getExecutionContext().getInt(MaintenanceConfiguration.FOUND);
            }
        }
        if (linked == null && found == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Parc et entretien : " + (linked == null ? 0 : linked)
                + " piano(s) des inventaires reliés à Gazelle, " + (found == null ? 0 : found)
                + " nouvelle(s) alerte(s) d'entretien" + (found != null && found > 0 ? " (envoyées dans un courriel à part)." : "."));
    }

    private static String day(JobExecution execution) {
        LocalDate date = execution.getJobParameters().getLocalDate("date");
        return date == null ? DAY.format(java.time.LocalDate.now(ca.ptm.nocturne.shared.time.BusinessTime.ZONE)) : DAY.format(date);
    }

    private static String capture(java.util.function.Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            printer.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
