package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.imports.pda.PdaStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppointmentMatcherTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 12);
    static final HallVocabulary HALLS = HallVocabulary.builder()
            .hall("WP").alias("WP", "wilfrid pelletier", false).alias("WP", "pelletier", false)
            .hall("TM").alias("TM", "theatre maisonneuve", false).alias("TM", "maisonneuve", false)
            .hall("WP loge A").alias("WP loge A", "loge wp", true)
            .hall("Salle E").alias("Salle E", "e", false)
            .build();
    static final PdaClients CLIENTS = new PdaClients(Set.of("cli_PDA"));
    final AppointmentMatcher matcher = new AppointmentMatcher(new MatchScorer(CLIENTS, HALLS), 2);

    static PdaRequestRow request(String room, String forWho, LocalTime time) {
        return new PdaRequestRow(7, DAY.minusDays(5), DAY, time, room, room, forWho, "Steinway D", null, null, null, null,
                PdaStatus.PENDING, null);
    }

    static Appointment appointment(String id, String client, String title, String location, LocalTime time) {
        return new Appointment(id, client, title, null, location, null, DAY, time, "ACTIVE", null, "APPOINTMENT");
    }

    @Test
    void scoresEveryCriterion() {
        ScoredCandidate scored = matcher.scorer().score(request("WP", "Gala fictif", LocalTime.of(18, 0)),
                appointment("evt_1", "cli_PDA", "Gala WP", "Salle Wilfrid-Pelletier", LocalTime.of(16, 0)));
        assertThat(scored.score()).isEqualTo(1 + 10 + 3 + 5 + 3 + 4);
        assertThat(scored.criteria()).hasSize(6);
    }

    @Test
    void baseScoreOnlyForAnUnrelatedAppointment() {
        assertThat(matcher.scorer().score(request("WP", "Gala", LocalTime.of(10, 0)),
                appointment("evt_1", "cli_OTHER", "Accord annuel", null, LocalTime.of(15, 0))).score()).isEqualTo(1);
    }

    @Test
    void placeDesArtsInTheTitleCountsAsAPdaClient() {
        assertThat(matcher.scorer().score(request("TM", "X", null),
                appointment("evt_1", "cli_OTHER", "Place-des-Arts : accord", null, null)).score()).isEqualTo(11);
    }

    @Test
    void theWordsOfPlaceDesArtsAndFunctionWordsAreNotForWhoWords() {
        assertThat(MatchScorer.forWhoWordInTitle("Concert des Arts", "Place des Arts accord")).isNull();
        assertThat(MatchScorer.forWhoWordInTitle("Les Violons du Roy", "Place des Arts - les violons")).isEqualTo("violons");
        assertThat(MatchScorer.forWhoWordInTitle("OK Go", "Place des Arts OK Go")).isNull();
        assertThat(MatchScorer.forWhoWordInTitle("Récital démo", "PdA recital")).isEqualTo("recital");
    }

    @Test
    void theHallIsFoundByItsLongNameAndWordsWhole() {
        assertThat(HALLS.mentionedIn("TM", "Théâtre Maisonneuve, entrée des artistes")).isTrue();
        assertThat(HALLS.mentionedIn("TM", "TM")).isTrue();
        assertThat(HALLS.mentionedIn("TM", "ATM du hall")).isFalse();
        assertThat(HALLS.mentionedIn("WP loge A", "la loge de WP")).isTrue();
        assertThat(HALLS.mentionedIn("Salle E", "Accord de piano et entretien")).isFalse();
        assertThat(HALLS.mentionedIn("Salle E", "Salle E")).isTrue();
        assertThat(HALLS.mentionedIn(null, "WP")).isFalse();
    }

    @Test
    void timeWithinTwoHoursBothWays() {
        PdaRequestRow at14 = request("XX", "x", LocalTime.of(14, 0));
        assertThat(matcher.scorer().score(at14, appointment("a", "o", "t", null, LocalTime.of(12, 0))).score()).isEqualTo(5);
        assertThat(matcher.scorer().score(at14, appointment("a", "o", "t", null, LocalTime.of(16, 0))).score()).isEqualTo(5);
        assertThat(matcher.scorer().score(at14, appointment("a", "o", "t", null, LocalTime.of(16, 1))).score()).isEqualTo(1);
        assertThat(matcher.scorer().score(request("XX", "x", null), appointment("a", "o", "t", null, LocalTime.of(14, 0))).score())
                .isEqualTo(1);
    }

    @Test
    void linksAStrictlyBetterBest() {
        MatchDecision decision = matcher.decide(request("TM", "Troupe exemple", LocalTime.of(14, 30)), List.of(
                appointment("evt_A", "cli_PDA", "Place des Arts TM Troupe exemple", null, LocalTime.of(13, 0)),
                appointment("evt_B", "cli_PDA", "Accord", null, LocalTime.of(9, 0))));
        assertThat(decision.outcome()).isEqualTo(MatchDecision.Outcome.LINK);
        assertThat(decision.best().orElseThrow().appointment().externalId()).isEqualTo("evt_A");
        assertThat(decision.ranked()).extracting(ScoredCandidate::score).containsExactly(21, 11);
    }

    @Test
    void aTieIsLeftForReview() {
        MatchDecision decision = matcher.decide(request("MS", "Quatuor", LocalTime.of(10, 0)), List.of(
                appointment("evt_A", "cli_PDA", "Accord", null, LocalTime.of(9, 0)),
                appointment("evt_B", "cli_PDA", "Accord", null, LocalTime.of(11, 0))));
        assertThat(decision.outcome()).isEqualTo(MatchDecision.Outcome.TIE);
    }

    @Test
    void aWeakBestIsLeftForReview() {
        AppointmentMatcher strict = new AppointmentMatcher(matcher.scorer(), 12);
        MatchDecision decision = strict.decide(request("MS", "Quatuor", null),
                List.of(appointment("evt_A", "cli_PDA", "Accord", null, null)));
        assertThat(decision.outcome()).isEqualTo(MatchDecision.Outcome.WEAK);
    }

    @Test
    void onlyTheRequestsDayIsScored() {
        Appointment nextDay = new Appointment("evt_N", "cli_PDA", "Quatuor MS", null, "MS", null, DAY.plusDays(1), LocalTime.of(10, 0),
                "ACTIVE", null, "APPOINTMENT");
        assertThat(matcher.decide(request("MS", "Quatuor", LocalTime.of(10, 0)), List.of(nextDay)).outcome())
                .isEqualTo(MatchDecision.Outcome.NO_CANDIDATE);
    }
}
