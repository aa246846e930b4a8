package ca.ptm.nocturne.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The French review anomalies of requests the scores could not link, with their candidates and scores as details. */
final class ReviewMessages {

    private ReviewMessages() {
    }

    static Anomaly review(MatchDecision decision, int minScore) {
        ScoredCandidate best = decision.best().orElseThrow();
        String message;
        String reason;
        if (decision.outcome() == MatchDecision.Outcome.TIE) {
            long tied = decision.ranked().stream().filter(c -> c.score() == best.score()).count();
            reason = "TIE";
            message = capitalised(decision.request().label()) + " : " + tied + " rendez-vous Gazelle à égalité (score "
                    + best.score() + " : " + ids(decision.ranked(), best.score()) + ") ; à lier à la main.";
        } else {
            reason = "WEAK";
            message = capitalised(decision.request().label()) + " : meilleur rendez-vous " + best.appointment().externalId()
                    + " avec un score de " + best.score() + ", sous le minimum de " + minScore + " ; à vérifier.";
        }
        return new Anomaly(AnomalyKind.REVIEW_NEEDED, decision.request().id(), best.appointment().externalId(), message,
                details(decision, reason, minScore));
    }

    static Anomaly taken(MatchDecision decision, Map<Long, Integer> winners, int minScore) {
        ScoredCandidate best = decision.best().orElseThrow();
        String holders = winners.entrySet().stream().map(e -> "n° " + e.getKey() + " (score " + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        String message = capitalised(decision.request().label()) + " : le rendez-vous " + best.appointment().externalId()
                + " (score " + best.score() + ") revient à une meilleure correspondance, demande " + holders + " ; à vérifier.";
        Map<String, Object> details = details(decision, "TAKEN", minScore);
        details.put("takenBy", List.copyOf(winners.keySet()));
        return new Anomaly(AnomalyKind.REVIEW_NEEDED, decision.request().id(), best.appointment().externalId(), message, details);
    }

    private static Map<String, Object> details(MatchDecision decision, String reason, int minScore) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("minScore", minScore);
        details.put("candidates", decision.ranked().stream().map(ScoredCandidate::details).toList());
        return details;
    }

    private static String ids(List<ScoredCandidate> ranked, int score) {
        return ranked.stream().filter(c -> c.score() == score).map(c -> c.appointment().externalId())
                .collect(Collectors.joining(", "));
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
