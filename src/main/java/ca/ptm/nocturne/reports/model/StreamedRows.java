package ca.ptm.nocturne.reports.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Rows streamed from a database cursor, already in print order (the query's ORDER BY), totals counted as they go
 * by: nothing of a 300,000-row log stays in memory but one tally per section. Grand totals are printed only when
 * there is more than one section (with one, they would repeat the section's).
 */
public final class StreamedRows<R> implements ReportRows<R> {

    private final Stream<R> stream;
    private final Iterator<R> rows;
    private final Function<R, String> sectionOf;
    private final Supplier<Tally<R>> newTally;
    private final ReportSummary<R> summary;
    private final Map<String, Tally<R>> sections = new LinkedHashMap<>();
    private final Tally<R> grand;
    private R row;
    private String section;

    public StreamedRows(Stream<R> stream, Function<R, String> sectionOf, Supplier<Tally<R>> newTally,
                        ReportSummary<R> summary) {
        this.stream = stream;
        this.rows = stream.iterator();
        this.sectionOf = sectionOf;
        this.newTally = newTally;
        this.summary = summary;
        this.grand = newTally.get();
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            row = null;
            return false;
        }
        row = rows.next();
        section = sectionOf.apply(row);
        sections.computeIfAbsent(section, s -> newTally.get()).add(row);
        grand.add(row);
        summary.add(row);
        return true;
    }

    @Override
    public R row() {
        return row;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public SectionTotals totalsOf(String name) {
        Tally<R> tally = sections.get(name);
        return new SectionTotals(name, tally == null ? List.of() : tally.totals(), List.of());
    }

    @Override
    public List<Total> grandTotals() {
        return sections.size() > 1 ? grand.totals() : List.of();
    }

    @Override
    public Map<String, Object> summaryFields() {
        return summary.fields();
    }

    @Override
    public void close() {
        stream.close();
    }
}
