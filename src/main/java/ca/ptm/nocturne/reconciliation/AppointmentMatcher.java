package ca.ptm.nocturne.reconciliation;

import java.util.Comparator;
import java.util.List;

/**
 * Scores a request's same-day candidates and decides: the best is linked when its score reaches the minimum and is
 * strictly higher than the second's; a tie or a weak best is left for review.
 */
public final class AppointmentMatcher {

    private static final Comparator<ScoredCandidate> BEST_FIRST = Comparator.comparingInt(ScoredCandidate::score).reversed()
            .thenComparing(c -> c.appointment().externalId());

    private final MatchScorer scorer;
    private final int minScore;

    public AppointmentMatcher(MatchScorer scorer, int minScore) {
        this.scorer = scorer;
        this.minScore = minScore;
    }

    /** @param candidates appointments that may be the request's; only those of the request's date are scored */
    public MatchDecision decide(PdaRequestRow request, List<Appointment> candidates) {
        List<ScoredCandidate> ranked = candidates.stream()
                .filter(a -> request.appointmentDate().equals(a.date()))
                .map(a -> scorer.score(request, a))
                .sorted(BEST_FIRST)
                .toList();
        if (ranked.isEmpty()) {
            return new MatchDecision(request, MatchDecision.Outcome.NO_CANDIDATE, ranked);
        }
        if (ranked.get(0).score() < minScore) {
            return new MatchDecision(request, MatchDecision.Outcome.WEAK, ranked);
        }
        if (ranked.size() > 1 && ranked.get(1).score() == ranked.get(0).score()) {
            return new MatchDecision(request, MatchDecision.Outcome.TIE, ranked);
        }
        return new MatchDecision(request, MatchDecision.Outcome.LINK, ranked);
    }

    public MatchScorer scorer() {
        return scorer;
    }

    public int minScore() {
        return minScore;
    }
}
