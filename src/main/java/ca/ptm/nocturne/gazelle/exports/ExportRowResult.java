package ca.ptm.nocturne.gazelle.exports;

import ca.ptm.nocturne.gazelle.sync.SyncRecord;

/** What a Gazelle export row becomes: a record, noise left out on purpose, or an invalid row with its reason. */
public sealed interface ExportRowResult permits ExportRowResult.Mapped, ExportRowResult.Noise, ExportRowResult.Invalid {

    record Mapped(SyncRecord record) implements ExportRowResult {
    }

    /** Mailing-campaign messages, "e-mail opened" and the like: counted as skipped with this reason. */
    record Noise(String reason) implements ExportRowResult {
    }

    /** @param message French, for the admin */
    record Invalid(String field, String value, String message) implements ExportRowResult {
    }
}
