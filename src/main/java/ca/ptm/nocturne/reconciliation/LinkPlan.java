package ca.ptm.nocturne.reconciliation;

import java.util.List;

/**
 * What the linking step will do: the links to write, and the requests left for review with their candidates.
 *
 * @param decisions every unlinked request's decision, as scored (links and reviews derive from them)
 */
public record LinkPlan(List<Link> links, List<Anomaly> reviews, List<MatchDecision> decisions) {

    /** A request to link to its best candidate. */
    public record Link(PdaRequestRow request, ScoredCandidate candidate) {
    }

    public LinkPlan {
        links = List.copyOf(links);
        reviews = List.copyOf(reviews);
        decisions = List.copyOf(decisions);
    }
}
