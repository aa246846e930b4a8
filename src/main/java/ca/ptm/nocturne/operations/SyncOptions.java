package ca.ptm.nocturne.operations;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * How the Gazelle sync of a run reads: its source ("api" or "files", null for the default: the API when it is
 * configured), the folder of CSV exports for the files source, and whether to re-read everything.
 */
public record SyncOptions(String source, String exportsDir, boolean full) {

    public static final SyncOptions DEFAULT = new SyncOptions(null, null, false);

    void addTo(JobParametersBuilder parameters) {
        if (source != null) {
            parameters.addString("source", source, false);
        }
        if (exportsDir != null) {
            parameters.addString("gazelle-dir", exportsDir, false);
        }
        parameters.addString("full", Boolean.toString(full), false);
    }
}
