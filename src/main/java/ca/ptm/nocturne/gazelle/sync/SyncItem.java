package ca.ptm.nocturne.gazelle.sync;

/**
 * What a sync reader hands to the chunk: a record to write, or a source row left out with its reason (noise,
 * an invalid export row), written to sync_reject in the same transaction so every record read is accounted for.
 */
public record SyncItem(GazelleEntity entity, SyncRecord record, Skip skip) {

    /** @param line line of the export file, null for the API */
    public record Skip(String externalId, Integer line, String code, String message, String payload) {
    }

    public static SyncItem of(SyncRecord record) {
        return new SyncItem(record.entity(), record, null);
    }

    public static SyncItem skipped(GazelleEntity entity, Skip skip) {
        return new SyncItem(entity, null, skip);
    }

    public boolean isSkipped() {
        return skip != null;
    }
}
