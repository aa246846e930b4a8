package ca.ptm.nocturne.maintenance;

import ca.ptm.nocturne.mail.MailMessage;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** Nicolas's email: the maintenance alerts the night found, as text and as a short HTML table. */
final class MaintenanceAlertMail {

    private MaintenanceAlertMail() {
    }

    static MailMessage of(LocalDate night, List<MaintenanceAlerts.Alert> alerts) {
        String subject = "Nocturne — " + alerts.size() + " nouvelle(s) alerte(s) d'entretien (nuit du " + FrenchFormat.date(night) + ")";
        StringBuilder text = new StringBuilder("Bonjour Nicolas,\n\n");
        text.append("La nuit du ").append(FrenchFormat.date(night)).append(" a relevé ").append(alerts.size())
                .append(" nouvelle(s) alerte(s) dans les notes de service des institutions :\n\n");
        StringBuilder rows = new StringBuilder();
        for (MaintenanceAlerts.Alert a : alerts) {
            text.append("  - n° ").append(a.id()).append(", ").append(FrenchFormat.date(a.observedOn())).append(", ")
                    .append(a.kind().label()).append(" — ").append(a.institution()).append(", ").append(a.piano())
                    .append(a.local() == null ? "" : " (" + a.local() + ")").append(" : ").append(a.description()).append('\n');
            rows.append("<tr>").append(td(FrenchFormat.date(a.observedOn()))).append(td("<b>" + esc(a.kind().label()) + "</b>", false))
                    .append(td(a.institution() + (a.local() == null ? "" : " — " + a.local()) + "\n" + a.piano()))
                    .append(td(a.description())).append(td("n° " + a.id())).append("</tr>");
        }
        text.append("\nUne alerte reste ouverte jusqu'à ce qu'on la résolve : alerts resolve <n°> --by=NOM\n\n— Nocturne\n");
        String html = "<!DOCTYPE html><html lang=\"fr-CA\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + esc(subject) + "</title></head><body style=\"margin:0;\">"
                + "<div style=\"max-width:640px;margin:0 auto;padding:12px;font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222222;\">"
                + "<p>Bonjour Nicolas,</p><p style=\"padding:10px 12px;font-weight:bold;color:#8a4b00;background:#fff3e0;"
                + "border-left:6px solid #8a4b00;\">" + alerts.size() + " nouvelle(s) alerte(s) d'entretien</p>"
                + "<div style=\"overflow-x:auto;\"><table cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;width:100%;font-size:13px;\">"
                + "<thead><tr>" + th("Date") + th("Type") + th("Piano") + th("Note") + th("Alerte") + "</tr></thead><tbody>" + rows
                + "</tbody></table></div><p>Une alerte reste ouverte jusqu'à ce qu'on la résolve : "
                + "<code>alerts resolve &lt;n°&gt; --by=NOM</code></p><p style=\"color:#666666;\">— Nocturne</p></div></body></html>";
        return new MailMessage(MailMessage.Kind.MAINTENANCE, subject, text.toString(), html, List.of());
    }

    private static String th(String text) {
        return "<th style=\"text-align:left;padding:4px 6px;border-bottom:2px solid #999999;\">" + esc(text) + "</th>";
    }

    private static String td(String text) {
        return td(esc(text).replace("\n", "<br>"), false);
    }

    private static String td(String html, boolean unused) {
        return "<td style=\"vertical-align:top;padding:4px 6px;border-bottom:1px solid #dddddd;\">" + html + "</td>";
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
