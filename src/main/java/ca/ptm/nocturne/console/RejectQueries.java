package ca.ptm.nocturne.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** import_reject joined to import_batch, filtered, a page at a time (the page) or all of it (the CSV export). */
@Repository
@ConditionalOnWebApplication
public class RejectQueries {

    public static final int PAGE_SIZE = 50;

    private static final String COLUMNS = "SELECT r.id, b.file_name, r.line_number, r.field_name, r.raw_value, r.error_code, r.message, "
            + "r.raw_line, r.resolved_at, r.resolved_by, b.job_instance_id ";
    private static final String FROM = "FROM import_reject r JOIN import_batch b ON b.id = r.import_batch_id ";
    private static final String ORDER = " ORDER BY b.id DESC, r.line_number, r.id";

    private final JdbcTemplate jdbc;

    public RejectQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<Map<String, Object>> rows, long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    public Page page(RejectFilter filter, int page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long total = jdbc.queryForObject("SELECT count(*) " + FROM + where, Long.class, args.toArray());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, pages - 1));
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(PAGE_SIZE);
        pageArgs.add((long) current * PAGE_SIZE);
        List<Map<String, Object>> rows = jdbc.queryForList(COLUMNS + FROM + where + ORDER + " LIMIT ? OFFSET ?", pageArgs.toArray());
        return new Page(rows, total, current, pages);
    }

    /** Every row the filter keeps, streamed (an export can be large). */
    public void each(RejectFilter filter, RowCallbackHandler row) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        jdbc.query(COLUMNS + FROM + where + ORDER, row, args.toArray());
    }

    public List<String> files() {
        return jdbc.queryForList("SELECT DISTINCT b.file_name " + FROM + "ORDER BY 1", String.class);
    }

    public List<String> codes() {
        return jdbc.queryForList("SELECT DISTINCT r.error_code " + FROM + "ORDER BY 1", String.class);
    }

    /** Marks one reject resolved by this user, now; false when unknown or already resolved. */
    public boolean resolve(long rejectId, String who) {
        return jdbc.update("UPDATE import_reject SET resolved_at = now(), resolved_by = ? WHERE id = ? AND resolved_at IS NULL",
                who, rejectId) == 1;
    }

    private static String where(RejectFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("WHERE true");
        if (filter.file() != null) {
            where.append(" AND b.file_name = ?");
            args.add(filter.file());
        }
        if (filter.code() != null) {
            where.append(" AND r.error_code = ?");
            args.add(filter.code());
        }
        if (filter.instance() != null) {
            where.append(" AND b.job_instance_id = ?");
            args.add(filter.instance());
        }
        if (filter.state().equals("open")) {
            where.append(" AND r.resolved_at IS NULL");
        } else if (filter.state().equals("resolved")) {
            where.append(" AND r.resolved_at IS NOT NULL");
        }
        return where.toString();
    }
}
