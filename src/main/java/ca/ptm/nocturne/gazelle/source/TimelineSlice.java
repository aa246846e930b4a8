package ca.ptm.nocturne.gazelle.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One slice of the timeline history, read by one partition of the timeline step: entries that occurred from
 * {@code from} (inclusive; null: since the beginning) to {@code until} (inclusive; null: no upper bound, up to now
 * and beyond). The slices of one step never overlap and leave nothing out.
 *
 * <p>A year of history is one slice (Montreal years: the business reasons in its own days), because Gazelle refused
 * very broad queries and long cursor chains broke after about 900 pages. The last slice has no upper bound, so an
 * incremental night (a 30-day window) is one slice that asks exactly what an unsliced read asks.
 */
public record TimelineSlice(String name, Instant from, Instant until) {

    /** Gazelle's history starts in 2016: the first slice is everything up to the end of that year. */
    static final int FIRST_YEAR = 2016;

    static final String NAME = "slice.name";
    static final String FROM = "slice.from";
    static final String UNTIL = "slice.until";

    /** The GraphQL variables of the slice: Gazelle's occurredAtGet, and occurredAtLet when the slice is bounded. */
    public Map<String, Object> window() {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("occurredAtGet", from == null ? null : from.toString());
        if (until != null) {
            window.put("occurredAtLet", until.toString());
        }
        return window;
    }

    /** True when an entry of that time belongs to the slice. */
    public boolean contains(Instant occurredAt) {
        return (from == null || !occurredAt.isBefore(from)) && (until == null || !occurredAt.isAfter(until));
    }

    /** "2016;2016-01-01T05:00:00Z;2016-12-31T04:59:59.999Z", kept in the manager's context. */
    public String encoded() {
        return name + ';' + (from == null ? "" : from) + ';' + (until == null ? "" : until);
    }

    public static TimelineSlice decoded(String text) {
        String[] parts = text.split(";", -1);
        return new TimelineSlice(parts[0], parts[1].isEmpty() ? null : Instant.parse(parts[1]),
                parts[2].isEmpty() ? null : Instant.parse(parts[2]));
    }

    /** The partition's execution context: plain strings, which any job repository stores. */
    public ExecutionContext toContext() {
        ExecutionContext context = new ExecutionContext();
        context.putString(NAME, name);
        if (from != null) {
            context.putString(FROM, from.toString());
        }
        if (until != null) {
            context.putString(UNTIL, until.toString());
        }
        return context;
    }

    /** The slice a partition's context holds, or null for a step that is not a slice. */
    public static TimelineSlice fromContext(ExecutionContext context) {
        if (!context.containsKey(NAME)) {
            return null;
        }
        return new TimelineSlice(context.getString(NAME), instant(context, FROM), instant(context, UNTIL));
    }

    private static Instant instant(ExecutionContext context, String key) {
        return context.containsKey(key) ? Instant.parse(context.getString(key)) : null;
    }

    /**
     * One slice per Montreal year from the year of {@code from} (or from the first year of Gazelle's history) to the
     * year of {@code now}.
     *
     * @param from start of the window, inclusive; null for the whole history (the first slice then has no lower bound)
     */
    public static List<TimelineSlice> byYear(Instant from, Instant now, ZoneId zone) {
        int firstYear = from == null ? FIRST_YEAR : Math.min(from.atZone(zone).getYear(), now.atZone(zone).getYear());
        int lastYear = Math.max(firstYear, now.atZone(zone).getYear());
        List<TimelineSlice> slices = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            Instant start = year == firstYear ? from : startOfYear(year, zone);
            Instant end = year == lastYear ? null : startOfYear(year + 1, zone).minusMillis(1);
            slices.add(new TimelineSlice(String.valueOf(year), start, end));
        }
        return slices;
    }

    /** The whole window as one slice (the files source, or partitioning turned off). */
    public static List<TimelineSlice> single(String name, Instant from) {
        return List.of(new TimelineSlice(name, from, null));
    }

    private static Instant startOfYear(int year, ZoneId zone) {
        return ZonedDateTime.of(LocalDate.of(year, 1, 1).atStartOfDay(), zone).toInstant();
    }
}
