package ca.ptm.nocturne.reconciliation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DOMAIN.md's score of a same-day Gazelle appointment against a request: base 1; +10 PdA client or "Place des Arts"
 * in the title; +3 a word (more than 2 letters) of "pour qui" in the title; +5 the hall (code or alias) in the
 * location, description or notes; +3 the hall in the title; +4 a start within ±2 h of the request's time.
 * Words are compared folded and whole. Two refinements: the words of "Place des Arts" itself and a few French and
 * English function words ("des", "les", "pour"…) do not count as "pour qui" words, or every PdA title would earn
 * the +3.
 */
public final class MatchScorer {

    static final int BASE = 1;
    static final int PDA = 10;
    static final int FOR_WHO_IN_TITLE = 3;
    static final int HALL_IN_DETAILS = 5;
    static final int HALL_IN_TITLE = 3;
    static final int TIME_CLOSE = 4;
    static final Duration TIME_TOLERANCE = Duration.ofHours(2);

    private static final Set<String> FUNCTION_WORDS = Set.of("des", "les", "aux", "une", "pour", "avec", "sur", "par", "dans",
            "the", "and", "for", "with");

    private final PdaClients clients;
    private final HallVocabulary halls;

    public MatchScorer(PdaClients clients, HallVocabulary halls) {
        this.clients = clients;
        this.halls = halls;
    }

    public ScoredCandidate score(PdaRequestRow request, Appointment appointment) {
        int score = BASE;
        List<String> criteria = new ArrayList<>();
        criteria.add("base (+" + BASE + ")");
        if (clients.looksLikePda(appointment)) {
            score += PDA;
            criteria.add("client ou titre Place des Arts (+" + PDA + ")");
        }
        String word = forWhoWordInTitle(request.forWho(), appointment.title());
        if (word != null) {
            score += FOR_WHO_IN_TITLE;
            criteria.add("« " + word + " » de « pour qui » dans le titre (+" + FOR_WHO_IN_TITLE + ")");
        }
        if (halls.mentionedIn(request.roomCode(), appointment.location(), appointment.description(), appointment.notes())) {
            score += HALL_IN_DETAILS;
            criteria.add("salle " + request.roomCode() + " dans le lieu, la description ou les notes (+" + HALL_IN_DETAILS + ")");
        }
        if (halls.mentionedIn(request.roomCode(), appointment.title())) {
            score += HALL_IN_TITLE;
            criteria.add("salle " + request.roomCode() + " dans le titre (+" + HALL_IN_TITLE + ")");
        }
        if (request.time() != null && appointment.time() != null
                && Duration.between(request.time(), appointment.time()).abs().compareTo(TIME_TOLERANCE) <= 0) {
            score += TIME_CLOSE;
            criteria.add("début à ±2 h de " + request.time() + " (+" + TIME_CLOSE + ")");
        }
        return new ScoredCandidate(appointment, score, criteria);
    }

    /** The first significant word of "pour qui" found whole in the title (its "Place des Arts" left out), else null. */
    static String forWhoWordInTitle(String forWho, String title) {
        String titleWords = Words.of(title).replace(PdaClients.PLACE_DES_ARTS, " ");
        for (String word : Words.list(forWho)) {
            if (word.length() > 2 && !FUNCTION_WORDS.contains(word) && titleWords.contains(" " + word + " ")) {
                return word;
            }
        }
        return null;
    }
}
