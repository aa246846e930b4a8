package ca.ptm.nocturne.gazelle.partition;

import ca.ptm.nocturne.gazelle.source.TimelineSlice;

/**
 * The partitioned timeline step: a manager step that keeps the name, window and totals of the single step it
 * replaces, and one worker step execution per {@link TimelineSlice}, read at the same time, each with its own cursor.
 */
public final class TimelineSlicing {

    /** The manager step: its name, its window and its totals are those of the unpartitioned step it replaces. */
    public static final String MANAGER_STEP = "gazelle-timeline";
    /** The worker step; each partition runs as {@code gazelle-timeline-slice:<slice>}. */
    public static final String WORKER_STEP = "gazelle-timeline-slice";
    private static final String SEPARATOR = ":";

    private TimelineSlicing() {
    }

    /** True for the execution of one partition (counted once, in its manager, by every summary). */
    public static boolean isSlice(String stepName) {
        return stepName.startsWith(WORKER_STEP + SEPARATOR);
    }

    /** The step name without its partition suffix. */
    public static String baseName(String stepName) {
        int separator = stepName.indexOf(SEPARATOR);
        return separator < 0 ? stepName : stepName.substring(0, separator);
    }
}
