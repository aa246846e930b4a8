package ca.ptm.nocturne.gazelle.partition;

import ca.ptm.nocturne.gazelle.source.GazelleSources;
import ca.ptm.nocturne.gazelle.source.GazelleSources.TimelineCounts;
import ca.ptm.nocturne.gazelle.source.GraphQlPageReader;
import ca.ptm.nocturne.gazelle.source.SyncWindow;
import ca.ptm.nocturne.gazelle.source.TimelineSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Decides, once per night, what the timeline step reads: its window (anchored on the last successful sync, as for
 * every entity) and the slices of that window. Both are kept in the manager step's context before any partition
 * starts, so a restart, even days later, reads exactly the slices of the first attempt and resumes each one from its
 * own last committed chunk (finished slices are not read again).
 *
 * <p>The slices are groups of Gazelle's timeline types ({@code types:}, the only partitioning filter of
 * allTimelineEntries besides per-client or per-piano ids): disjoint by construction, and complete only if every entry
 * has one of the types Nocturne knows. Before any slice runs, one request asks {@code totalCount} for the whole window
 * and for each type; when the types do not add up to the whole (Gazelle added a type), or when that request fails,
 * the timeline is read as one unfiltered slice and the night says so in a warning: slower, never incomplete.
 */
public class TimelinePlan implements StepExecutionListener, Partitioner {

    private static final Logger log = LoggerFactory.getLogger(TimelinePlan.class);

    static final String SLICES = "gazelle.slices";
    /** The French warning of a night whose timeline fell back to one slice. */
    public static final String FALLBACK = "gazelle.partitionFallback";
    /** The totals the plan was made from (whole window), to compare with what the slices read. */
    public static final String PLANNED_TOTAL = "gazelle.plannedTotal";

    private final SyncWindow windows;
    private final GazelleSources sources;
    private final boolean byTypes;
    private final int partitions;
    private final Function<Instant, TimelineCounts> counter;

    public TimelinePlan(SyncWindow windows, GazelleSources sources, boolean byTypes, int partitions) {
        this(windows, sources, byTypes, partitions, sources::timelineCounts);
    }

    TimelinePlan(SyncWindow windows, GazelleSources sources, boolean byTypes, int partitions,
                 Function<Instant, TimelineCounts> counter) {
        this.windows = windows;
        this.sources = sources;
        this.byTypes = byTypes;
        this.partitions = partitions;
        this.counter = counter;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        ExecutionContext context = stepExecution.getExecutionContext();
        if (context.containsKey(SLICES)) {
            return;
        }
        String source = stepExecution.getJobParameters().getString("source");
        boolean api = GazelleSources.API.equals(source == null ? sources.defaultSource() : source);
        boolean full = Boolean.parseBoolean(stepExecution.getJobParameters().getString("full"));
        List<TimelineSlice> slices;
        if (api) {
            Map<String, Object> window = windows.timeline(TimelineSlicing.MANAGER_STEP, full);
            context.put(GraphQlPageReader.WINDOW, new HashMap<>(window));
            Instant from = window.get("occurredAtGet") instanceof String since ? Instant.parse(since) : null;
            slices = byTypes ? slicesByType(from, context) : TimelineSlice.single("all", from);
        } else {
            // An export file holds every type at once: it is read in one go.
            slices = TimelineSlice.single("files", null);
        }
        context.put(SLICES, new ArrayList<>(slices.stream().map(TimelineSlice::encoded).toList()));
    }

    private List<TimelineSlice> slicesByType(Instant from, ExecutionContext context) {
        TimelineCounts counts;
        try {
            counts = counter.apply(from);
        } catch (RuntimeException e) {
            return fallback(from, context, "le décompte par type de la chronologie a échoué (" + e.getMessage() + ")");
        }
        context.putLong(PLANNED_TOTAL, counts.all());
        if (counts.sumOfTypes() != counts.all()) {
            return fallback(from, context, "les types connus de la chronologie totalisent " + counts.sumOfTypes()
                    + " entrées sur " + counts.all() + " (un type nouveau chez Gazelle ?)");
        }
        List<TimelineSlice> slices = TimelineSlice.byTypes(from, counts.byType(), partitions);
        log.info("Timeline: {} entries since {} in {} slices by type", counts.all(), from == null ? "the beginning" : from,
                slices.size());
        return slices;
    }

    private List<TimelineSlice> fallback(Instant from, ExecutionContext context, String why) {
        String warning = "Chronologie Gazelle lue d'un seul tenant, sans partitions : " + why + ". Rien n'est perdu, "
                + "la lecture est seulement plus lente.";
        log.warn("Timeline read as one slice: {}", why);
        context.putString(FALLBACK, warning);
        return TimelineSlice.single("all", from);
    }

    /** The partitions; their names are the slice names. Called in the manager step's thread. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        StepExecution manager = StepSynchronizationManager.getContext().getStepExecution();
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (TimelineSlice slice : slices(manager)) {
            partitions.put(slice.name(), slice.toContext());
        }
        return partitions;
    }

    /** The slices a manager step execution planned. */
    static List<TimelineSlice> slices(StepExecution manager) {
        @SuppressWarnings("unchecked")
        List<String> encoded = (List<String>) manager.getExecutionContext().get(SLICES);
        return encoded == null ? List.of() : encoded.stream().map(TimelineSlice::decoded).toList();
    }
}
