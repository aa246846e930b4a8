package ca.ptm.nocturne.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What the scores say for one request: link the best candidate, or leave the request for review because the best
 * two are tied or the best is too weak, or nothing to say (no candidate that day).
 *
 * @param ranked the same-day candidates, best first
 */
public record MatchDecision(PdaRequestRow request, Outcome outcome, List<ScoredCandidate> ranked) {

    public enum Outcome { LINK, TIE, WEAK, NO_CANDIDATE }

    public MatchDecision {
        ranked = List.copyOf(ranked);
    }

    public Optional<ScoredCandidate> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }
}
