package ca.ptm.nocturne.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertKeywordsTest {

    private static List<AlertKind> kinds(String text) {
        return AlertKeywords.find(text).stream().map(AlertKeywords.Found::kind).toList();
    }

    @Test
    void eachKindFromDomainPhrases() {
        assertThat(kinds("Accord 442 Hz. Piano laissé sans housse après le concert.")).containsExactly(AlertKind.HOUSSE);
        assertThat(kinds("PLS débranché derrière la scène, rebranché")).containsExactly(AlertKind.ALIMENTATION);
        assertThat(kinds("Réservoir vide, rempli sur place")).containsExactly(AlertKind.RESERVOIR);
        assertThat(kinds("Fenêtre ouverte dans la salle")).containsExactly(AlertKind.AUTRE);
        assertThat(kinds("Air trop sec")).containsExactly(AlertKind.AUTRE);
        assertThat(kinds("humidité élevée au sous-sol")).containsExactly(AlertKind.AUTRE);
    }

    @Test
    void accentsAndCaseAreFoldedAndPunctuationIsASpace() {
        assertThat(kinds("SANS HOUSSE!")).containsExactly(AlertKind.HOUSSE);
        assertThat(kinds("reservoir VIDE.")).containsExactly(AlertKind.RESERVOIR);
        assertThat(kinds("PLS-débranché")).containsExactly(AlertKind.ALIMENTATION);
        assertThat(kinds("fenetre\nouverte")).containsExactly(AlertKind.AUTRE);
    }

    @Test
    void onlyWholeWordsMatch() {
        assertThat(kinds("sanshousse")).isEmpty();
        assertThat(kinds("réservoir videz-le")).isEmpty();
        assertThat(kinds("la fenêtre ouverteS")).isEmpty();
        assertThat(kinds("Accord 440 Hz, housse remise, PLS branché, réservoir plein")).isEmpty();
    }

    @Test
    void severalKindsInOneNoteEachOnce() {
        assertThat(kinds("Sans housse, réservoir vide et fenêtre ouverte ; encore sans housse"))
                .containsExactly(AlertKind.HOUSSE, AlertKind.RESERVOIR, AlertKind.AUTRE);
    }

    @Test
    void blankNotesRaiseNothing() {
        assertThat(kinds(null)).isEmpty();
        assertThat(kinds("   ")).isEmpty();
    }
}
