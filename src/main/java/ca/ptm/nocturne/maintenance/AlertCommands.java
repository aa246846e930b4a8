package ca.ptm.nocturne.maintenance;

import ca.ptm.nocturne.reports.format.FrenchFormat;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** The command line's {@code alerts list} and {@code alerts resolve <id> --by=NAME}. */
@Component
public class AlertCommands {

    private final MaintenanceAlerts alerts;

    public AlertCommands(MaintenanceAlerts alerts) {
        this.alerts = alerts;
    }

    public void list(PrintStream out) {
        List<MaintenanceAlerts.Alert> open = alerts.open();
        if (open.isEmpty()) {
            out.println("Aucune alerte d'entretien ouverte.");
            return;
        }
        out.printf("%d alerte(s) d'entretien ouverte(s) :%n", open.size());
        for (MaintenanceAlerts.Alert a : open) {
            out.printf("  n° %-5d %-20s %-18s %s, %s%s : %s%n", a.id(), FrenchFormat.date(a.observedOn()), a.kind().label(),
                    a.institution(), a.piano(), a.local() == null ? "" : " (" + a.local() + ")", a.description());
        }
        out.println("Pour en résoudre une : alerts resolve <n°> --by=NOM");
    }

    public void resolve(long id, String by, PrintStream out) {
        MaintenanceAlerts.Alert resolved = alerts.resolve(id, by);
        out.printf("Alerte n° %d (%s, %s) résolue par %s.%n", resolved.id(), resolved.kind().label(), resolved.institution(),
                resolved.resolvedBy());
    }
}
