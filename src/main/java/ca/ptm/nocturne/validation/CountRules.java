package ca.ptm.nocturne.validation;

import ca.ptm.nocturne.validation.ValidationProperties.Rule;
import java.util.List;
import org.springframework.stereotype.Component;

/** The rules themselves, each firing with the severity the configuration gives it. */
@Component
public class CountRules {

    private final ValidationProperties properties;

    public CountRules(ValidationProperties properties) {
        this.properties = properties;
    }

    /** Every record read is written, rejected (with a reason) or a duplicate. */
    public void balance(CountCheck check, long read, long written, long rejected, long duplicates) {
        balance(check, read, written, 0, rejected, duplicates);
    }

    /** Every record read is written, found unchanged, rejected (with a reason) or a duplicate. */
    public void balance(CountCheck check, long read, long written, long unchanged, long rejected, long duplicates) {
        long unaccounted = read - written - unchanged - rejected - duplicates;
        if (unaccounted != 0) {
            check.fire(Rule.BALANCE, properties.severityOf(Rule.BALANCE), "Comptes déséquilibrés : " + read + " lus ≠ " + written
                    + " écrits + " + (unchanged == 0 ? "" : unchanged + " inchangés + ") + rejected + " rejetés + " + duplicates
                    + " doublons (" + Math.abs(unaccounted) + (unaccounted > 0 ? " disparus" : " en trop") + ")");
        }
    }

    /**
     * Every physical line of a file is a header line, a line of a record read, or a blank line: a line swallowed or
     * skipped by the reader would leave the two sides unequal. Part of the balance rule.
     */
    public void lines(CountCheck check, long physical, long header, long records, long blank) {
        long unaccounted = physical - header - records - blank;
        if (unaccounted != 0) {
            check.fire(Rule.BALANCE, properties.severityOf(Rule.BALANCE), "Lignes déséquilibrées : " + physical
                    + " lignes physiques ≠ " + header + " d'en-tête + " + records + " d'enregistrements + " + blank + " vides ("
                    + Math.abs(unaccounted) + (unaccounted > 0 ? " disparues" : " en trop") + ")");
        }
    }

    /** The table holds what the run says it wrote. */
    public void target(CountCheck check, long expected, long target, boolean mayBeFewer, String whyFewer) {
        if (target == expected || (mayBeFewer && target < expected)) {
            if (target < expected) {
                check.fire(Rule.TARGET, CheckStatus.OK, (expected - target) + " " + whyFewer);
            }
            return;
        }
        check.fire(Rule.TARGET, properties.severityOf(Rule.TARGET), "La table contient " + target + " lignes de cette exécution pour "
                + expected + " écrites : " + (target < expected ? (expected - target) + " perdues" : (target - expected) + " de trop"));
    }

    /** A count that is an exact multiple of a page size or of 1,000 looks like a silent cap. */
    public void cap(CountCheck check, long count, List<Integer> multiples) {
        cap(check, count, multiples, false);
    }

    /**
     * @param readToTheEnd the source proved its list complete: Gazelle's reader never stops on a full page without
     *                     asking for the next one, so a round count from the API is flagged, noted, and not a warning
     */
    public void cap(CountCheck check, long count, List<Integer> multiples, boolean readToTheEnd) {
        for (int multiple : multiples) {
            if (count > 0 && count % multiple == 0) {
                if (readToTheEnd) {
                    check.fire(Rule.CAP, CheckStatus.OK, "Compte rond : " + count + " est un multiple exact de " + multiple
                            + ", mais la liste a été lue jusqu'à sa fin (une page incomplète ou une requête de plus, vide)");
                } else {
                    check.fire(Rule.CAP, properties.severityOf(Rule.CAP), "Compte suspect : " + count + " est un multiple exact de "
                            + multiple + " (plafond silencieux ?)");
                }
                return;
            }
        }
    }

    public List<Integer> multiples() {
        return properties.suspiciousMultiples();
    }

    /** Nothing tonight from an entity that gave records the previous good night. */
    public void zero(CountCheck check, long count, Long previous) {
        if (count == 0 && previous != null && previous > 0) {
            check.fire(Rule.ZERO, properties.severityOf(Rule.ZERO), "Aucun enregistrement cette nuit alors que la précédente en a donné "
                    + previous);
        }
    }

    /** Nothing is ever deleted: a table that lost more than the configured share of its rows is a failure. */
    public void shrink(CountCheck check, long now, Long previous) {
        if (previous == null || previous == 0 || now >= previous) {
            return;
        }
        long lostPercent = Math.round(100.0 * (previous - now) / previous);
        if (lostPercent > properties.shrinkPercent()) {
            check.fire(Rule.SHRINK, properties.severityOf(Rule.SHRINK), "La table a perdu " + (previous - now) + " lignes sur "
                    + previous + " (" + lostPercent + " %, seuil " + properties.shrinkPercent() + " %) depuis la dernière bonne nuit");
        }
    }
}
