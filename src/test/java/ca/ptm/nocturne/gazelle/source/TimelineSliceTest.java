package ca.ptm.nocturne.gazelle.source;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.mapping.TimelineTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimelineSliceTest {

    private static final Instant SINCE = Instant.parse("2026-10-31T07:00:00.250Z");

    /** Shares like the bench's: automated e-mails dominate. */
    private static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String type : List.of("CONTACT_EMAIL_AUTOMATED", "CONTACT_EMAIL_MANUAL", "CONTACT_SMS_AUTOMATED", "CONTACT_SMS_MANUAL",
                "CONTACT_PHONE_AUTOMATED", "CONTACT_PHONE_MANUAL_TALKED", "CONTACT_PHONE_MANUAL_MESSAGE", "CONTACT_POST_AUTOMATED",
                "CONTACT_POST_MANUAL", "CONTACT_OTHER_MANUAL", "ERROR_MESSAGE", "SYSTEM_MESSAGE", "USER_COMMENT",
                "SERVICE_ENTRY_AUTOMATED", "SERVICE_ENTRY_MANUAL", "APPOINTMENT", "APPOINTMENT_LOG", "INVOICE", "INVOICE_LOG",
                "INVOICE_PAYMENT", "INVOICE_SYNC", "PIANO_MEASUREMENT", "SCHEDULED_MESSAGE_EMAIL", "SCHEDULED_MESSAGE_SMS",
                "SCHEDULED_MESSAGE_PHONE", "ESTIMATE", "ESTIMATE_LOG", "SYSTEM_NOTIFICATION")) {
            counts.put(type, 0L);
        }
        counts.put("CONTACT_EMAIL_AUTOMATED", 240L);
        counts.put("SCHEDULED_MESSAGE_EMAIL", 100L);
        counts.put("APPOINTMENT_LOG", 90L);
        counts.put("APPOINTMENT", 60L);
        counts.put("SERVICE_ENTRY_MANUAL", 60L);
        counts.put("CONTACT_SMS_AUTOMATED", 50L);
        counts.put("INVOICE", 30L);
        counts.put("USER_COMMENT", 20L);
        return counts;
    }

    @Test
    void everyTypeIsInExactlyOneSliceEvenATypeWithNoEntryYet() {
        List<TimelineSlice> slices = TimelineSlice.byTypes(SINCE, counts(), 4);

        List<String> all = new ArrayList<>();
        slices.forEach(slice -> all.addAll(slice.types()));
        assertThat(slices).hasSize(4);
        assertThat(all).hasSize(28).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(counts().keySet());
        assertThat(all).containsExactlyInAnyOrderElementsOf(TimelineTypes.GAZELLE_TYPES.stream()
                .filter(t -> !t.equals("APPOINTMENT_COMPLETION")).toList());
        assertThat(slices).allSatisfy(slice -> assertThat(slice.from()).isEqualTo(SINCE));
    }

    @Test
    void theSlicesAreBalancedTheLargestTypeAlone() {
        List<TimelineSlice> slices = TimelineSlice.byTypes(SINCE, counts(), 4);

        Map<String, Long> counts = counts();
        List<Long> loads = slices.stream().map(s -> s.types().stream().mapToLong(counts::get).sum()).sorted().toList();
        assertThat(loads).as("650 entries: 240 alone, the 410 others in three").containsExactly(130L, 140L, 140L, 240L);
        assertThat(slices).filteredOn(s -> s.types().contains("CONTACT_EMAIL_AUTOMATED")).singleElement()
                .satisfies(s -> assertThat(s.types()).containsExactly("CONTACT_EMAIL_AUTOMATED"))
                .satisfies(s -> assertThat(s.name()).isEqualTo("CONTACT_EMAIL_AUTOMATED"));
    }

    @Test
    void aSliceAsksForItsTypesSinceItsStartInGazellesTimeFormat() {
        TimelineSlice slice = new TimelineSlice("APPOINTMENT+1", SINCE, List.of("APPOINTMENT", "INVOICE"));

        assertThat(slice.window()).containsOnlyKeys("occurredAtGet", "types")
                .containsEntry("occurredAtGet", "2026-10-31T07:00:00Z")
                .containsEntry("types", List.of("APPOINTMENT", "INVOICE"));
        assertThat(slice.contains(Instant.parse("2026-11-02T00:00:00Z"), "INVOICE")).isTrue();
        assertThat(slice.contains(Instant.parse("2026-11-02T00:00:00Z"), "USER_COMMENT")).isFalse();
        assertThat(slice.contains(Instant.parse("2026-10-30T00:00:00Z"), "INVOICE")).isFalse();
        assertThat(TimelineSlice.single("all", null).get(0).window()).containsOnlyKeys("occurredAtGet")
                .containsEntry("occurredAtGet", null);
    }

    @Test
    void aSliceTravelsAsTextAndComesBackEqual() {
        List<TimelineSlice> slices = new ArrayList<>(TimelineSlice.byTypes(SINCE, counts(), 8));
        slices.addAll(TimelineSlice.single("all", null));
        for (TimelineSlice slice : slices) {
            assertThat(TimelineSlice.decoded(slice.encoded())).isEqualTo(slice);
            assertThat(TimelineSlice.fromContext(slice.toContext())).isEqualTo(slice);
        }
    }
}
