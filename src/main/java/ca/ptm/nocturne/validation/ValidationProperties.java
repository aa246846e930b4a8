package ca.ptm.nocturne.validation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The count-check rules and what each one does when it fires (OK to ignore it, WARN, FAIL).
 *
 * @param severity            per rule: {@code balance}, {@code target}, {@code cap}, {@code shrink}, {@code zero}
 * @param suspiciousMultiples counts that are exact multiples of these look like a cap (the old 1,000-row limit, a page)
 * @param shrinkPercent       a table losing more than this share of its rows since the previous good run
 */
@ConfigurationProperties("nocturne.validation")
public record ValidationProperties(Map<String, CheckStatus> severity, List<Integer> suspiciousMultiples, int shrinkPercent) {

    public static final Map<String, CheckStatus> DEFAULT_SEVERITY = Map.of(
            Rule.BALANCE, CheckStatus.FAIL, Rule.TARGET, CheckStatus.FAIL, Rule.CAP, CheckStatus.WARN,
            Rule.SHRINK, CheckStatus.FAIL, Rule.ZERO, CheckStatus.WARN);

    public ValidationProperties {
        java.util.Map<String, CheckStatus> merged = new java.util.HashMap<>(DEFAULT_SEVERITY);
        if (severity != null) {
            merged.putAll(severity);
        }
        severity = Map.copyOf(merged);
        suspiciousMultiples = suspiciousMultiples == null || suspiciousMultiples.isEmpty() ? List.of(1000, 100)
                : List.copyOf(suspiciousMultiples);
        shrinkPercent = shrinkPercent <= 0 ? 20 : shrinkPercent;
    }

    public CheckStatus severityOf(String rule) {
        return severity.getOrDefault(rule, CheckStatus.FAIL);
    }

    /** The rule names, as used in configuration and stored in sync_count_check.rules. */
    public static final class Rule {
        public static final String BALANCE = "balance";
        public static final String TARGET = "target";
        public static final String CAP = "cap";
        public static final String SHRINK = "shrink";
        public static final String ZERO = "zero";

        private Rule() {
        }
    }
}
