package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineTypesTest {

    @ParameterizedTest
    @CsvSource({
        "Service, SERVICE_ENTRY_MANUAL", "Measurement, PIANO_MEASUREMENT", "Email, CONTACT_EMAIL",
        "Note, USER_COMMENT", "Comment, USER_COMMENT", "Appointment, APPOINTMENT", "Invoice, INVOICE",
        "Estimate, ESTIMATE", "SMS, CONTACT_SMS", "Phone, CONTACT_PHONE", "System, SYSTEM_MESSAGE",
        "service, SERVICE_ENTRY_MANUAL", "'  EMAIL ', CONTACT_EMAIL", "sms, CONTACT_SMS",
    })
    void mapsKnownLabels(String label, String type) {
        assertThat(TimelineTypes.fromLabel(label)).isEqualTo(type);
        assertThat(TimelineTypes.isKnown(label)).isTrue();
        assertThat(TimelineTypes.isKnownType(type)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"Piano Rental, PIANO_RENTAL", "Payment, PAYMENT", "'Scheduled  message', SCHEDULED_MESSAGE"})
    void keepsUnknownLabelsNeverNote(String label, String type) {
        assertThat(TimelineTypes.fromLabel(label)).isEqualTo(type).isNotEqualTo("NOTE");
        assertThat(TimelineTypes.isKnown(label)).isFalse();
    }

    @Test
    void blankLabelIsNull() {
        assertThat(TimelineTypes.fromLabel(" ")).isNull();
        assertThat(TimelineTypes.fromLabel(null)).isNull();
        assertThat(TimelineTypes.isKnown(null)).isFalse();
    }

    @Test
    void gazelleTypes() {
        assertThat(TimelineTypes.GAZELLE_TYPES).contains("SERVICE_ENTRY_MANUAL", "SERVICE_ENTRY_AUTOMATED",
                "PIANO_MEASUREMENT", "CONTACT_PHONE_MANUAL_TALKED", "SCHEDULED_MESSAGE_PHONE", "ESTIMATE_LOG")
                .doesNotContain("NOTE").hasSize(29);
        assertThat(TimelineTypes.isKnownType("NOTE")).isTrue();
        assertThat(TimelineTypes.isKnownType("PIANO_RENTAL")).isFalse();
    }
}
