package ca.ptm.nocturne.reports.supplies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every stock line with its product, and the count and net change of its movements in [from, to). */
public class SuppliesQuery {

    private static final String SQL = """
            SELECT coalesce(nullif(trim(concat_ws(' ', t.first_name, t.last_name)), ''), 'Technicien ' || t.id) AS technician,
                   s.location, p.code, coalesce(nullif(trim(p.display_name_fr), ''), p.name) AS product, p.category,
                   s.quantity, s.reorder_threshold, (s.last_checked_at AT TIME ZONE 'America/Montreal')::date AS last_checked,
                   p.unit_price, coalesce(m.moves, 0) AS moves, coalesce(m.delta, 0) AS delta
            FROM technician_stock s
            JOIN product p ON p.id = s.product_id
            JOIN technician t ON t.id = s.technician_id
            LEFT JOIN (SELECT product_id, technician_id, location, count(*) AS moves, sum(delta) AS delta
                       FROM stock_movement WHERE occurred_at >= ? AND occurred_at < ?
                       GROUP BY product_id, technician_id, location) m
                   ON m.product_id = s.product_id AND m.technician_id = s.technician_id AND m.location = s.location""";

    private final JdbcTemplate jdbc;

    public SuppliesQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Movements of the Montreal days from {@code from} to {@code to} inclusive. */
    public List<StockRow> stock(LocalDate from, LocalDate to, ZoneId zone) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return jdbc.query(SQL, (rs, n) -> row(rs), start, end);
    }

    private static StockRow row(ResultSet rs) throws SQLException {
        return new StockRow(rs.getString("technician"), rs.getString("location"), rs.getString("code"),
                rs.getString("product"), rs.getString("category"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("reorder_threshold"), rs.getObject("last_checked", LocalDate.class), rs.getLong("moves"),
                rs.getBigDecimal("delta"), rs.getBigDecimal("unit_price"));
    }
}
