package ca.ptm.nocturne.gazelle.exports;

import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CLIENT_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.COMMENT;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.COMPANY_NAME;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.EVENT_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.PIANO_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.START;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.SYSTEM_MESSAGE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TIMESTAMP;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TYPE;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four Gazelle CSV exports. Files carry no type in their name, so a file is recognised by its headers; a missing
 * required header rejects the whole file.
 */
public enum ExportKind {
    CLIENTS(GazelleEntity.CLIENT, List.of(CLIENT_ID, COMPANY_NAME)),
    PIANOS(GazelleEntity.PIANO, List.of(PIANO_ID)),
    EVENTS(GazelleEntity.APPOINTMENT, List.of(EVENT_ID, START)),
    // Comment and System Message enter the tle_ id: without them the ids of earlier imports could not be matched.
    TIMELINE(GazelleEntity.TIMELINE_ENTRY, List.of(CLIENT_ID, TYPE, TIMESTAMP, COMMENT, SYSTEM_MESSAGE));

    private static final char BOM = '\uFEFF';

    private final GazelleEntity entity;
    private final List<String> requiredHeaders;

    ExportKind(GazelleEntity entity, List<String> requiredHeaders) {
        this.entity = entity;
        this.requiredHeaders = requiredHeaders;
    }

    public GazelleEntity entity() {
        return entity;
    }

    /** The headers without which the file cannot be read, as Gazelle spells them. */
    public List<String> requiredHeaders() {
        return requiredHeaders;
    }

    /** The required headers absent from a header line (trimmed, case-insensitive comparison); empty when complete. */
    public List<String> missingHeaders(List<String> headers) {
        Set<String> present = keys(headers);
        return requiredHeaders.stream().filter(h -> !present.contains(key(h))).toList();
    }

    /**
     * Recognises an export by its distinctive headers: "Piano ID" → pianos; "Event ID" → events; "Client ID",
     * "Timestamp" and "Type" → timeline; "Client ID" and "Company Name" → clients. The order matters: the piano export
     * also has a "Client ID".
     */
    public static Optional<ExportKind> recognise(List<String> headers) {
        Set<String> present = keys(headers);
        if (present.contains(key(PIANO_ID))) {
            return Optional.of(PIANOS);
        }
        if (present.contains(key(EVENT_ID))) {
            return Optional.of(EVENTS);
        }
        if (present.contains(key(CLIENT_ID)) && present.contains(key(TIMESTAMP)) && present.contains(key(TYPE))) {
            return Optional.of(TIMELINE);
        }
        if (present.contains(key(CLIENT_ID)) && present.contains(key(COMPANY_NAME))) {
            return Optional.of(CLIENTS);
        }
        return Optional.empty();
    }

    private static Set<String> keys(List<String> headers) {
        return headers.stream().filter(h -> h != null).map(ExportKind::key).collect(Collectors.toSet());
    }

    static String key(String header) {
        // Excel's BOM can stay glued to the first header when a file is read raw.
        String text = !header.isEmpty() && header.charAt(0) == BOM ? header.substring(1) : header;
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
