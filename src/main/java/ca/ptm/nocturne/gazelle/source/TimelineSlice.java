package ca.ptm.nocturne.gazelle.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One slice of the timeline, read by one partition of the timeline step: the entries that occurred from {@code from}
 * (inclusive; null: the whole history) up to now, of the given {@code types} (Gazelle's TimelineEntryType values;
 * null: every type, what an unpartitioned read asks). Only what Gazelle's schema declares: {@code occurredAtGet} is
 * the only date filter (there is no upper bound, and the newest entries come first) and {@code types} a list filter,
 * so the slices of one step are groups of types: they never overlap, and they leave nothing out when the types
 * cover every entry, which the plan checks with {@code totalCount} before any slice runs.
 */
public record TimelineSlice(String name, Instant from, List<String> types) {

    static final String NAME = "slice.name";
    static final String FROM = "slice.from";
    static final String TYPES = "slice.types";

    public TimelineSlice {
        types = types == null ? null : List.copyOf(types);
    }

    /** The GraphQL variables of the slice: occurredAtGet (sent, as null, for the whole history) and types when it has some. */
    public Map<String, Object> window() {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("occurredAtGet", from == null ? null : SyncWindow.coreDateTime(from));
        if (types != null) {
            window.put("types", new ArrayList<>(types));
        }
        return window;
    }

    /** True when an entry of that time and type belongs to the slice. */
    public boolean contains(Instant occurredAt, String type) {
        return (from == null || !occurredAt.isBefore(from)) && (types == null || types.contains(type));
    }

    /** "APPOINTMENT+2;2026-11-01T05:00:00Z;APPOINTMENT,APPOINTMENT_LOG,INVOICE" (types "*": all), kept in the manager's context. */
    public String encoded() {
        return name + ';' + (from == null ? "" : from) + ';' + (types == null ? "*" : String.join(",", types));
    }

    public static TimelineSlice decoded(String text) {
        String[] parts = text.split(";", -1);
        return new TimelineSlice(parts[0], parts[1].isEmpty() ? null : Instant.parse(parts[1]), typesOf(parts[2]));
    }

    /** The partition's execution context: plain strings, which any job repository stores. */
    public ExecutionContext toContext() {
        ExecutionContext context = new ExecutionContext();
        context.putString(NAME, name);
        if (from != null) {
            context.putString(FROM, from.toString());
        }
        context.putString(TYPES, types == null ? "*" : String.join(",", types));
        return context;
    }

    /** The slice a partition's context holds, or null for a step that is not a slice. */
    public static TimelineSlice fromContext(ExecutionContext context) {
        if (!context.containsKey(NAME)) {
            return null;
        }
        return new TimelineSlice(context.getString(NAME), context.containsKey(FROM) ? Instant.parse(context.getString(FROM)) : null,
                typesOf(context.getString(TYPES, "*")));
    }

    private static List<String> typesOf(String text) {
        return text.equals("*") ? null : text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    /** The whole window as one slice, every type (the files source, partitioning turned off, or its fallback). */
    public static List<TimelineSlice> single(String name, Instant from) {
        return List.of(new TimelineSlice(name, from, null));
    }

    /**
     * At most {@code partitions} slices with about the same number of entries each: types by decreasing count, each
     * to the lightest slice so far (the longest-processing-time rule). Every type of {@code counts} is in exactly one
     * slice, even a type with no entry yet (one may arrive during the night). A slice is named after its largest
     * type, with "+n" for the n others.
     */
    public static List<TimelineSlice> byTypes(Instant from, Map<String, Long> counts, int partitions) {
        List<Map.Entry<String, Long>> types = new ArrayList<>(counts.entrySet());
        types.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int bins = Math.max(1, Math.min(partitions, types.size()));
        List<List<String>> groups = new ArrayList<>();
        long[] loads = new long[bins];
        for (int i = 0; i < bins; i++) {
            groups.add(new ArrayList<>());
        }
        for (Map.Entry<String, Long> type : types) {
            int lightest = 0;
            for (int i = 1; i < bins; i++) {
                if (loads[i] < loads[lightest] || loads[i] == loads[lightest] && groups.get(i).size() < groups.get(lightest).size()) {
                    lightest = i;
                }
            }
            groups.get(lightest).add(type.getKey());
            loads[lightest] += type.getValue();
        }
        List<TimelineSlice> slices = new ArrayList<>();
        for (List<String> group : groups) {
            if (!group.isEmpty()) {
                String name = group.get(0) + (group.size() > 1 ? "+" + (group.size() - 1) : "");
                slices.add(new TimelineSlice(name, from, group));
            }
        }
        slices.sort(Comparator.comparing(TimelineSlice::name));
        return slices;
    }
}
