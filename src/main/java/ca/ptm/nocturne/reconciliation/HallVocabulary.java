package ca.ptm.nocturne.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways a hall is written, per hall code: the code itself and the aliases of venue_room_alias ("TM", "Théâtre
 * Maisonneuve", "maisonneuve"). A one-letter alias ("E" for Salle E) is left out: as a lone word it would be found
 * in any French sentence. An "all_words" alias ("loge wp") matches when each of its words is present.
 */
public final class HallVocabulary {

    /** One spelling: a phrase to find whole, or a set of words that must all appear. */
    record Term(String phrase, boolean allWords) {

        boolean foundIn(String words) {
            if (!allWords) {
                return Words.containsPhrase(words, phrase);
            }
            return Words.list(phrase).stream().allMatch(w -> words.contains(" " + w + " "));
        }
    }

    private final Map<String, List<Term>> termsByCode;

    private HallVocabulary(Map<String, List<Term>> termsByCode) {
        this.termsByCode = termsByCode;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the hall (code or alias) appears, words whole, in one of the texts. */
    public boolean mentionedIn(String roomCode, String... texts) {
        if (roomCode == null) {
            return false;
        }
        List<Term> terms = termsByCode.getOrDefault(roomCode, List.of(new Term(roomCode, false)));
        for (String text : texts) {
            String words = Words.of(text);
            if (!words.isBlank() && terms.stream().anyMatch(t -> t.foundIn(words))) {
                return true;
            }
        }
        return false;
    }

    public static final class Builder {

        private final Map<String, List<Term>> terms = new HashMap<>();

        public Builder hall(String code) {
            add(code, code, false);
            return this;
        }

        public Builder alias(String code, String alias, boolean allWords) {
            add(code, alias, allWords);
            return this;
        }

        private void add(String code, String spelling, boolean allWords) {
            String words = Words.of(spelling).strip();
            if (words.length() < 2) {
                return;
            }
            terms.computeIfAbsent(code, c -> new ArrayList<>()).add(new Term(words, allWords));
        }

        public HallVocabulary build() {
            Map<String, List<Term>> copy = new HashMap<>();
            terms.forEach((code, list) -> copy.put(code, List.copyOf(list)));
            return new HallVocabulary(copy);
        }
    }
}
