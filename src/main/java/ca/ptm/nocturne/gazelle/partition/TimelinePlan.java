package ca.ptm.nocturne.gazelle.partition;

import ca.ptm.nocturne.gazelle.source.GraphQlPageReader;
import ca.ptm.nocturne.gazelle.source.GazelleSources;
import ca.ptm.nocturne.gazelle.source.SyncWindow;
import ca.ptm.nocturne.gazelle.source.TimelineSlice;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Decides, once per night, what the timeline step reads: its window (anchored on the last successful sync, as for
 * every entity) and the slices of that window. Both are kept in the manager step's context before any partition
 * starts, so a restart, even days later or on the first day of a new year, reads exactly the slices of the first
 * attempt and resumes each one from its own last committed chunk.
 */
public class TimelinePlan implements StepExecutionListener, Partitioner {

    static final String SLICES = "gazelle.slices";

    private final SyncWindow windows;
    private final GazelleSources sources;
    private final boolean byYear;
    private final Clock clock;

    public TimelinePlan(SyncWindow windows, GazelleSources sources, boolean byYear, Clock clock) {
        this.windows = windows;
        this.sources = sources;
        this.byYear = byYear;
        this.clock = clock;
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
            slices = byYear ? TimelineSlice.byYear(from, clock.instant(), BusinessTime.ZONE) : TimelineSlice.single("all", from);
        } else {
            // An export file holds every year at once: it is read in one go.
            slices = TimelineSlice.single("files", null);
        }
        context.put(SLICES, new ArrayList<>(slices.stream().map(TimelineSlice::encoded).toList()));
    }

    /** The partitions, in history order; their names are the slice names. Called in the manager step's thread. */
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
