package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly billing action (DOMAIN: "only from COMPLETED; sets billed_at and billed_by"): every COMPLETED request
 * whose appointment (Montreal date) falls in the month becomes BILLED, with a history row naming who billed, and the
 * dashboard's table follows, all in one transaction. The rows are locked while read, so two billings of the same
 * month cannot both bill a request; a second billing finds nothing left and changes nothing.
 */
@Component
public class PdaBilling {

    /** One request to bill. {@code fee} is never null (175.00 is the column default). */
    public record Line(long id, String dashboardId, LocalDate date, String hall, String forWho, BigDecimal fee, BigDecimal parking) {

        public BigDecimal total() {
            return parking == null ? fee : fee.add(parking);
        }
    }

    /** What a billing did (or, for a dry run, would do). */
    public record Result(YearMonth month, List<Line> lines, boolean applied) {

        public BigDecimal total() {
            return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public String monthLabel() {
            return FrenchFormat.month(month);
        }
    }

    private static final String TO_BILL = """
            SELECT r.id, coalesce(r.dashboard_id, r.legacy_id) AS dashboard_id, r.appointment_date, coalesce(vr.name, r.room_original, r.room_code) AS hall, r.for_who,
                   coalesce(r.billing_amount, 175.00) AS fee, r.parking_amount
            FROM pda_request r LEFT JOIN venue_room vr ON vr.code = r.room_code
            WHERE r.status = 'COMPLETED' AND r.appointment_date BETWEEN ? AND ?
            ORDER BY r.appointment_date, r.time_24h NULLS LAST, r.id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DashboardTable dashboard;

    public PdaBilling(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DashboardTable dashboard) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.dashboard = dashboard;
    }

    /** "2025-11" → the month; anything else is refused with the expected format. */
    public static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new OperationRefusedException("Mois invalide : « " + text + " » (format attendu : AAAA-MM, par exemple 2025-11).");
        }
    }

    /** The COMPLETED requests of the month, nothing changed. */
    public Result preview(YearMonth month) {
        return new Result(month, lines(month, ""), false);
    }

    /** Bills the month for {@code by}; returns what was billed (empty when everything was already billed). */
    public Result bill(YearMonth month, String by) {
        if (by == null || by.isBlank()) {
            throw new OperationRefusedException("Qui facture ? Donnez un nom (--by=NOM) : il est inscrit dans billed_by et l'historique.");
        }
        String who = by.strip();
        return transaction.execute(status -> {
            List<Line> lines = lines(month, " FOR UPDATE OF r");
            String reason = "Facturation de " + FrenchFormat.month(month);
            for (Line line : lines) {
                int changed = jdbc.update("""
                        UPDATE pda_request SET status = 'BILLED', billed_at = now(), billed_by = ?, updated_at = now()
                        WHERE id = ? AND status = 'COMPLETED'""", who, line.id());
                if (changed == 1) {
                    jdbc.update("""
                            INSERT INTO pda_request_status_history (pda_request_id, from_status, to_status, changed_by, reason)
                            VALUES (?, 'COMPLETED', 'BILLED', ?, ?) ON CONFLICT (pda_request_id, to_status) DO NOTHING""",
                            line.id(), who, reason);
                }
            }
            dashboard.refresh();
            return new Result(month, lines, true);
        });
    }

    private List<Line> lines(YearMonth month, String lock) {
        return jdbc.query(TO_BILL + lock, (rs, n) -> new Line(rs.getLong("id"), rs.getString("dashboard_id"),
                rs.getObject("appointment_date", LocalDate.class), rs.getString("hall"), rs.getString("for_who"),
                rs.getBigDecimal("fee"), rs.getBigDecimal("parking_amount")), month.atDay(1), month.atEndOfMonth());
    }
}
