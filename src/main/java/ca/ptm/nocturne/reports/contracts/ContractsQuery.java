package ca.ptm.nocturne.reports.contracts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Contracts from a season on, by institution then season, each with its instalments in order. */
public class ContractsQuery {

    private static final String CONTRACTS = """
            SELECT c.*, i.name AS institution FROM service_contract c JOIN institution i ON i.id = c.institution_id
            WHERE c.season >= ? ORDER BY i.name, c.season, c.id""";

    private static final String INSTALLMENTS = """
            SELECT ci.contract_id, ci.seq, ci.due_on, ci.amount_before_tax, ci.paid_on FROM contract_installment ci
            JOIN service_contract c ON c.id = ci.contract_id WHERE c.season >= ? ORDER BY ci.contract_id, ci.seq""";

    private final JdbcTemplate jdbc;

    public ContractsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every contract's rows: its instalments, or one placeholder when it has none. */
    public Map<Contract, List<InstallmentRow>> contracts(int fromSeason) {
        Map<Long, Contract> byId = new LinkedHashMap<>();
        jdbc.query(CONTRACTS, rs -> {
            Contract contract = contract(rs);
            byId.put(contract.id(), contract);
        }, fromSeason);
        Map<Contract, List<InstallmentRow>> rows = new LinkedHashMap<>();
        byId.values().forEach(c -> rows.put(c, new ArrayList<>()));
        jdbc.query(INSTALLMENTS, rs -> {
            Contract contract = byId.get(rs.getLong("contract_id"));
            rows.get(contract).add(new InstallmentRow(contract, rs.getInt("seq"), rs.getObject("due_on", LocalDate.class),
                    rs.getBigDecimal("amount_before_tax"), rs.getObject("paid_on", LocalDate.class)));
        }, fromSeason);
        rows.forEach((contract, list) -> {
            if (list.isEmpty()) {
                list.add(new InstallmentRow(contract, null, null, null, null));
            } else {
                shareTaxes(contract, list);
            }
        });
        return rows;
    }

    /** Each instalment's part of the contract's taxes, so that the instalments add up to the contract's total. */
    static void shareTaxes(Contract contract, List<InstallmentRow> rows) {
        List<Taxes> shares = Instalments.taxes(contract.taxes(),
                rows.stream().map(r -> r.amount() == null ? BigDecimal.ZERO : r.amount()).toList());
        for (int i = 0; i < rows.size(); i++) {
            rows.set(i, rows.get(i).withShare(shares.get(i)));
        }
    }

    private static Contract contract(ResultSet rs) throws SQLException {
        return new Contract(rs.getLong("id"), rs.getString("institution"), rs.getInt("season"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("status"),
                money(rs, "day_rate"), money(rs, "planned_tech_days"), money(rs, "done_tech_days"),
                money(rs, "prep_tech_days"), money(rs, "extra_tuning_rate"), rs.getInt("extra_tunings"),
                money(rs, "travel_rate"), rs.getInt("done_trips"), money(rs, "discount_amount"));
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }
}
