package ca.ptm.nocturne.reports.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rows already in memory, sorted and grouped by their builder with their totals: the small reports, and the piano
 * inventory, whose natural order of locals ("Local 2" before "Local 10") SQL cannot sort. A section without rows is
 * printed in neither file (a template group exists only through its rows); the builders make none.
 */
public final class ListedRows<R> implements ReportRows<R> {

    private final List<Section<R>> sections;
    private final List<Total> grandTotals;
    private final Map<String, Section<R>> byName = new HashMap<>();
    private final Iterator<Section<R>> nextSections;
    private Section<R> section;
    private Iterator<R> rows = Collections.emptyIterator();
    private R row;

    private ListedRows(List<Section<R>> sections, List<Total> grandTotals) {
        this.sections = sections;
        this.grandTotals = grandTotals;
        this.sections.forEach(s -> byName.put(s.name(), s));
        this.nextSections = this.sections.iterator();
    }

    /** A source that can be opened any number of times over the same sections. */
    public static <R> ReportRows.Source<R> of(List<Section<R>> sections, List<Total> grandTotals) {
        List<Section<R>> copy = List.copyOf(sections);
        List<Total> totals = List.copyOf(grandTotals);
        return () -> new ListedRows<>(copy, totals);
    }

    @Override
    public boolean next() {
        while (!rows.hasNext()) {
            if (!nextSections.hasNext()) {
                row = null;
                return false;
            }
            section = nextSections.next();
            rows = section.rows().iterator();
        }
        row = rows.next();
        return true;
    }

    @Override
    public R row() {
        return row;
    }

    @Override
    public String section() {
        return section.name();
    }

    @Override
    public SectionTotals totalsOf(String name) {
        Section<R> found = byName.get(name);
        return new SectionTotals(name, found.totals(), found.notes());
    }

    @Override
    public List<Total> grandTotals() {
        return grandTotals;
    }

    @Override
    public Map<String, Object> summaryFields() {
        return Map.of();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
