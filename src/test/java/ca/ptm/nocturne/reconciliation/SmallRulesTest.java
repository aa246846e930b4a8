package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.imports.pda.PdaStatus;
import ca.ptm.nocturne.reconciliation.GazelleView.ServiceNote;
import ca.ptm.nocturne.reconciliation.GazelleView.TechnicianRef;
import ca.ptm.nocturne.reconciliation.TechnicianRule.Verdict;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallRulesTest {

    static PdaRequestRow withTechnician(Long technicianId, String gazelleId) {
        return new PdaRequestRow(1, null, LocalDate.of(2026, 3, 1), null, "WP", "WP", "x", null, null, technicianId, gazelleId,
                "evt_1", PdaStatus.CREATED_IN_GAZELLE, null);
    }

    static final TechnicianRef NICOLAS = new TechnicianRef(2, "usr_NICO", "Nicolas X", false);
    static final TechnicianRef PLACEHOLDER = new TechnicianRef(3, "usr_TBD", "À attribuer", true);

    @Test
    void thePlaceholderAndNoUserAreNoTechnician() {
        assertThat(TechnicianRule.judge(withTechnician(null, null), "usr_TBD", PLACEHOLDER)).isEqualTo(Verdict.NO_TECHNICIAN);
        assertThat(TechnicianRule.judge(withTechnician(null, null), null, null)).isEqualTo(Verdict.NO_TECHNICIAN);
        assertThat(TechnicianRule.isReal("usr_UNKNOWN", null)).isTrue();
    }

    @Test
    void aRequestWithoutTechnicianOrWithTheSameOneIsFilled() {
        assertThat(TechnicianRule.judge(withTechnician(null, null), "usr_NICO", NICOLAS)).isEqualTo(Verdict.FILL);
        assertThat(TechnicianRule.judge(withTechnician(2L, null), "usr_NICO", NICOLAS)).isEqualTo(Verdict.FILL);
        assertThat(TechnicianRule.judge(withTechnician(null, "usr_NICO"), "usr_NICO", NICOLAS)).isEqualTo(Verdict.FILL);
    }

    @Test
    void anotherTechnicianIsAMismatch() {
        assertThat(TechnicianRule.judge(withTechnician(1L, null), "usr_NICO", NICOLAS)).isEqualTo(Verdict.MISMATCH);
        assertThat(TechnicianRule.judge(withTechnician(null, "usr_ALLAN"), "usr_NICO", NICOLAS)).isEqualTo(Verdict.MISMATCH);
        assertThat(TechnicianRule.judge(withTechnician(2L, null), "usr_OTHER", null)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void parkingCountsEachNoteOnceAndOnlyTheTechniciansNotes() {
        List<ServiceNote> notes = List.of(
                new ServiceNote("tme_1", "ins_1", "usr_NICO", null, "Accord. stat 12,50", "sig1"),
                new ServiceNote("tle_1", "ins_1", null, "Nicolas X", "Accord. stat 12,50", "sig1"),
                new ServiceNote("tme_2", "ins_2", "usr_NICO", null, "Second piano, stationnement 3,00 et stat 4", "sig2"),
                new ServiceNote("tme_3", "ins_1", "usr_ALLAN", null, "stat 20", "sig3"),
                new ServiceNote("tme_4", "ins_1", "usr_NICO", null, "thermostat 20", "sig4"));
        ServiceNoteParking parking = ServiceNoteParking.from(notes, n -> "usr_NICO".equals(n.userId()) || n.userId() == null)
                .orElseThrow();
        assertThat(parking.amount()).isEqualByComparingTo("15.50");
        assertThat(parking.notes()).containsExactly("tme_1", "tme_2");
    }

    @Test
    void noNoteWithParkingGivesNothing() {
        assertThat(ServiceNoteParking.from(List.of(new ServiceNote("tme_1", "ins_1", "u", null, "thermostat 20", null)), n -> true))
                .isEmpty();
    }

    @Test
    void unlinkedAlertWaitsTheDelayAfterTheAppointment() {
        ReconcileRun run = new ReconcileRun(1, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 24), 2, 24);
        assertThat(run.unlinkedTooLong(LocalDate.of(2026, 3, 9), LocalTime.of(19, 0))).isTrue();
        assertThat(run.unlinkedTooLong(LocalDate.of(2026, 3, 9), null)).isTrue();
        assertThat(run.unlinkedTooLong(LocalDate.of(2026, 3, 10), LocalTime.of(8, 0))).isFalse();
        ReconcileRun patient = new ReconcileRun(1, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 24), 2, 48);
        assertThat(patient.unlinkedTooLong(LocalDate.of(2026, 3, 9), LocalTime.of(19, 0))).isFalse();
        assertThat(patient.unlinkedTooLong(LocalDate.of(2026, 3, 8), null)).isTrue();
    }

    @Test
    void propertiesDefaultToTheDomainValues() {
        assertThat(PdaReconcileProperties.DEFAULTS).isEqualTo(new PdaReconcileProperties(60, 45, 2, 24));
    }
}
