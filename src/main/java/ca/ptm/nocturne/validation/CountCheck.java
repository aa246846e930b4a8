package ca.ptm.nocturne.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One reconciliation: what the source gave, what was written, rejected or found duplicate, what the table holds,
 * and the rules that fired with their French explanations.
 */
public final class CountCheck {

    private final String stage;
    private final String entity;
    private final String source;
    private Instant windowStart;
    private Instant windowEnd;
    private Long sourceCount;
    private Long written;
    private Long unchanged;
    private Long rejected;
    private Long duplicates;
    private Long target;
    private Long previous;
    private boolean suspiciousCap;
    private CheckStatus status = CheckStatus.OK;
    private final List<String> rules = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    public CountCheck(String stage, String entity, String source) {
        this.stage = stage;
        this.entity = entity;
        this.source = source;
    }

    public CountCheck counts(Long sourceCount, Long written, Long rejected, Long duplicates, Long target) {
        this.sourceCount = sourceCount;
        this.written = written;
        this.rejected = rejected;
        this.duplicates = duplicates;
        this.target = target;
        return this;
    }

    /** Records equal to the stored row, left as they were (the sync only; an import counts them as duplicates). */
    public CountCheck unchanged(Long unchanged) {
        this.unchanged = unchanged;
        return this;
    }

    public CountCheck window(Instant start, Instant end) {
        this.windowStart = start;
        this.windowEnd = end;
        return this;
    }

    public CountCheck previous(Long previous) {
        this.previous = previous;
        return this;
    }

    /** Records a rule that fired; an OK severity keeps the note without changing the verdict. */
    public void fire(String rule, CheckStatus severity, String message) {
        rules.add(rule);
        messages.add(message);
        status = status.worst(severity);
        if (rule.equals(ValidationProperties.Rule.CAP)) {
            suspiciousCap = true;
        }
    }

    public String stage() { return stage; }
    public String entity() { return entity; }
    public String source() { return source; }
    public Instant windowStart() { return windowStart; }
    public Instant windowEnd() { return windowEnd; }
    public Long sourceCount() { return sourceCount; }
    public Long written() { return written; }
    public Long unchanged() { return unchanged; }
    public Long rejected() { return rejected; }
    public Long duplicates() { return duplicates; }
    public Long target() { return target; }
    public Long previousCount() { return previous; }
    public boolean suspiciousCap() { return suspiciousCap; }
    public CheckStatus status() { return status; }
    public List<String> rules() { return List.copyOf(rules); }

    public String message() {
        return String.join(" ; ", messages);
    }
}
