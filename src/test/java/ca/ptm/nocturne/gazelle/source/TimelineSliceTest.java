package ca.ptm.nocturne.gazelle.source;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineSliceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");

    @Test
    void theWholeHistoryIsOneSliceAYearInMontrealWithOpenEnds() {
        List<TimelineSlice> slices = TimelineSlice.byYear(null, NOW, BusinessTime.ZONE);

        assertThat(slices).extracting(TimelineSlice::name).containsExactly("2016", "2017", "2018", "2019", "2020", "2021",
                "2022", "2023", "2024", "2025", "2026");
        assertThat(slices.get(0).from()).isNull();
        assertThat(slices.get(0).until()).isEqualTo(Instant.parse("2017-01-01T04:59:59.999Z"));
        assertThat(slices.get(1).from()).isEqualTo(Instant.parse("2017-01-01T05:00:00Z"));
        assertThat(slices.get(10).until()).as("the last slice also reads what comes after now").isNull();
    }

    @Test
    void slicesNeitherOverlapNorLeaveAGap() {
        List<TimelineSlice> slices = TimelineSlice.byYear(Instant.parse("2019-05-03T12:00:00Z"), NOW, BusinessTime.ZONE);

        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i).from()).isEqualTo(slices.get(i - 1).until().plusMillis(1));
        }
        Instant newYearsEveInMontreal = Instant.parse("2021-01-01T04:30:00Z");
        assertThat(slices.stream().filter(s -> s.contains(newYearsEveInMontreal))).extracting(TimelineSlice::name)
                .containsExactly("2020");
        assertThat(slices.get(0).contains(Instant.parse("2019-05-03T11:59:59Z"))).as("before the window").isFalse();
    }

    @Test
    void anIncrementalWindowInsideOneYearIsOneUnboundedSlice() {
        Instant since = Instant.parse("2026-10-31T07:00:00Z");

        List<TimelineSlice> slices = TimelineSlice.byYear(since, NOW, BusinessTime.ZONE);

        assertThat(slices).containsExactly(new TimelineSlice("2026", since, null));
        assertThat(slices.get(0).window()).containsOnlyKeys("occurredAtGet").containsEntry("occurredAtGet", since.toString());
    }

    @Test
    void aSliceTravelsAsTextAndComesBackEqual() {
        for (TimelineSlice slice : TimelineSlice.byYear(null, NOW, BusinessTime.ZONE)) {
            assertThat(TimelineSlice.decoded(slice.encoded())).isEqualTo(slice);
            assertThat(TimelineSlice.fromContext(slice.toContext())).isEqualTo(slice);
        }
    }
}
