package ca.ptm.nocturne.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Decides which unlinked requests get which appointment. Candidates are the appointments dated from the look-back on
 * that look like PdA jobs (PdA or resident-orchestra client, or "Place des Arts" in the title), not cancelled. Each
 * unlinked request that is not BILLED gets the decision of {@link AppointmentMatcher}. When several requests want the
 * same appointment, or one already linked to it scores higher, only the highest score links (several at that score
 * all link, and the checks flag the shared appointment); the others are left for review.
 */
@Component
public class LinkPlanner {

    private final GazelleView gazelle;
    private final PdaRequestStore requests;

    public LinkPlanner(GazelleView gazelle, PdaRequestStore requests) {
        this.gazelle = gazelle;
        this.requests = requests;
    }

    public LinkPlan plan(ReconcileRun run) {
        PdaClients clients = gazelle.pdaClients();
        AppointmentMatcher matcher = new AppointmentMatcher(new MatchScorer(clients, gazelle.halls()), run.minScore());
        List<Appointment> candidates = candidates(run.linkFrom(), clients);
        List<MatchDecision> decisions = requests.from(run.linkFrom()).stream()
                .filter(r -> !r.linked() && !r.billed())
                .map(r -> matcher.decide(r, candidates))
                .toList();

        List<LinkPlan.Link> links = new ArrayList<>();
        List<Anomaly> reviews = new ArrayList<>();
        Map<String, List<MatchDecision>> rivalsByAppointment = new LinkedHashMap<>();
        for (MatchDecision decision : decisions) {
            switch (decision.outcome()) {
                case LINK -> rivalsByAppointment.computeIfAbsent(bestOf(decision).appointment().externalId(),
                        k -> new ArrayList<>()).add(decision);
                case TIE, WEAK -> reviews.add(ReviewMessages.review(decision, run.minScore()));
                default -> {
                    // no PdA appointment that day: the overdue check speaks when it is time
                }
            }
        }
        for (List<MatchDecision> rivals : rivalsByAppointment.values()) {
            Appointment appointment = bestOf(rivals.get(0)).appointment();
            Map<Long, Integer> scores = new LinkedHashMap<>();
            for (PdaRequestRow incumbent : requests.linkedTo(appointment.externalId())) {
                scores.put(incumbent.id(), matcher.scorer().score(incumbent, appointment).score());
            }
            rivals.forEach(d -> scores.put(d.request().id(), bestOf(d).score()));
            int top = scores.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            Map<Long, Integer> winners = new LinkedHashMap<>(scores);
            winners.values().removeIf(score -> score < top);
            for (MatchDecision rival : rivals) {
                if (winners.containsKey(rival.request().id())) {
                    links.add(new LinkPlan.Link(rival.request(), bestOf(rival)));
                } else {
                    reviews.add(ReviewMessages.taken(rival, winners, run.minScore()));
                }
            }
        }
        return new LinkPlan(links, reviews, decisions);
    }

    /** The decision the scores give for one request, whatever its status or link: what staff see when they ask why. */
    public MatchDecision explain(PdaRequestRow request, ReconcileRun run) {
        PdaClients clients = gazelle.pdaClients();
        AppointmentMatcher matcher = new AppointmentMatcher(new MatchScorer(clients, gazelle.halls()), run.minScore());
        return matcher.decide(request, candidates(request.appointmentDate(), clients));
    }

    private List<Appointment> candidates(LocalDate from, PdaClients clients) {
        return gazelle.appointmentsFrom(from).stream()
                .filter(a -> a.date() != null && a.standing() && a.isAppointment() && clients.looksLikePda(a))
                .toList();
    }

    private static ScoredCandidate bestOf(MatchDecision decision) {
        return decision.best().orElseThrow();
    }
}
