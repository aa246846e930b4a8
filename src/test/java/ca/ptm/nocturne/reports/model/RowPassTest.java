package ca.ptm.nocturne.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.reports.ReportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one reading both writers share: one row ahead, totals on the last row of their section and of the report. */
class RowPassTest {

    record Entry(String place, String text, int amount) {
    }

    static final List<Column<Entry>> COLUMNS = List.of(
            Column.of("text", "col.description", Entry::text),
            Column.of("amount", "col.amount", e -> String.valueOf(e.amount())));

    /** Number of rows and sum of amounts. */
    static final class Sum implements Tally<Entry> {
        int rows;
        int amount;

        @Override
        public void add(Entry row) {
            rows++;
            amount += row.amount();
        }

        @Override
        public List<Total> totals() {
            return List.of(new Total("Lignes", String.valueOf(rows)), new Total("Somme", String.valueOf(amount)));
        }
    }

    static ReportDocument<Entry> document(ReportRows.Source<Entry> rows) {
        return new ReportDocument<>(ReportKind.ENTRETIEN, "test", "Titre", "Période", "col.institution", COLUMNS,
                e -> e.amount() > 10, rows);
    }

    static final List<Entry> ENTRIES = List.of(new Entry("École", "a", 1), new Entry("École", "b", 20),
            new Entry("Place", "c", 3), new Entry("Place", "d", 4), new Entry("Place", "e", 5));

    /** What the consumer sees on each row: section, cells, highlight, section end, last. */
    static List<String> walk(RowPass<Entry> pass) {
        List<String> seen = new ArrayList<>();
        while (pass.advance()) {
            SectionTotals end = pass.sectionEnd();
            seen.add(pass.section() + "|" + String.join(",", pass.cells()) + "|" + pass.highlight() + "|"
                    + (end == null ? "-" : end.totals()) + "|" + pass.isLast());
        }
        return seen;
    }

    @Test
    void streamedRowsCarryTheirSectionTotalsOnTheLastRowOfEachSectionAndTheGrandTotalsOnTheLast() {
        AtomicBoolean closed = new AtomicBoolean();
        ReportRows<Entry> rows = new StreamedRows<>(ENTRIES.stream().onClose(() -> closed.set(true)), Entry::place,
                Sum::new, ReportSummary.none());
        List<String> written = new ArrayList<>();
        RowPass<Entry> pass = new RowPass<>(document(() -> rows), rows, (section, cells) -> written.add(section + ":" + cells[0]));

        assertThat(pass.isEmpty()).isFalse();
        assertThat(walk(pass)).containsExactly(
                "École|a,1|false|-|false",
                "École|b,20|true|[Total[label=Lignes, value=2], Total[label=Somme, value=21]]|false",
                "Place|c,3|false|-|false",
                "Place|d,4|false|-|false",
                "Place|e,5|false|[Total[label=Lignes, value=3], Total[label=Somme, value=12]]|true");
        assertThat(pass.grandTotals()).containsExactly(new Total("Lignes", "5"), new Total("Somme", "33"));
        assertThat(written).containsExactly("École:a", "École:b", "Place:c", "Place:d", "Place:e");
        assertThat(pass.rowCount()).isEqualTo(5);
        assertThat(pass.sections()).extracting(SectionTotals::section).containsExactly("École", "Place");
        rows.close();
        assertThat(closed).isTrue();
    }

    @Test
    void aSingleStreamedSectionHasNoGrandTotalsThatWouldRepeatIt() {
        ReportRows<Entry> rows = new StreamedRows<>(ENTRIES.stream().filter(e -> e.place().equals("Place")), Entry::place,
                Sum::new, ReportSummary.none());
        RowPass<Entry> pass = new RowPass<>(document(() -> rows), rows, (section, cells) -> { });
        pass.drain();

        assertThat(pass.sections()).hasSize(1);
        assertThat(pass.grandTotals()).isEmpty();
    }

    @Test
    void summaryFieldsAreComputedFromEveryRow() {
        ReportSummary<Entry> longest = new ReportSummary<>() {
            String text = "";

            @Override
            public void add(Entry row) {
                text = row.amount() > 10 ? row.text() : text;
            }

            @Override
            public Map<String, Object> fields() {
                return Map.of("big", text);
            }
        };
        ReportRows<Entry> rows = new StreamedRows<>(ENTRIES.stream(), Entry::place, Sum::new, longest);
        RowPass<Entry> pass = new RowPass<>(document(() -> rows), rows, (section, cells) -> { });
        pass.drain();

        assertThat(pass.summaryFields()).containsEntry("big", "b");
    }

    @Test
    void listedRowsGiveTheTotalsTheirBuilderComputed() {
        List<Section<Entry>> sections = List.of(
                new Section<>("École", ENTRIES.subList(0, 2), List.of(new Total("Pianos", "2")), List.of("Attention")),
                new Section<>("Place", ENTRIES.subList(2, 5), List.of(new Total("Pianos", "3"))));
        ReportRows.Source<Entry> source = ListedRows.of(sections, List.of(new Total("Pianos", "5")));
        ReportRows<Entry> rows = source.open();
        RowPass<Entry> pass = new RowPass<>(document(source), rows, (section, cells) -> { });

        assertThat(walk(pass)).containsExactly(
                "École|a,1|false|-|false",
                "École|b,20|true|[Total[label=Pianos, value=2]]|false",
                "Place|c,3|false|-|false",
                "Place|d,4|false|-|false",
                "Place|e,5|false|[Total[label=Pianos, value=3]]|true");
        assertThat(pass.sections().get(0).notes()).containsExactly("Attention");
        assertThat(pass.grandTotals()).containsExactly(new Total("Pianos", "5"));
        assertThat(walk(new RowPass<>(document(source), source.open(), (section, cells) -> { })))
                .as("a listed source opens again from the start").hasSize(5);
    }

    @Test
    void anEmptyReportIsKnownBeforeTheFirstRow() {
        ReportRows<Entry> rows = new StreamedRows<>(Stream.empty(), Entry::place, Sum::new, ReportSummary.none());
        RowPass<Entry> pass = new RowPass<>(document(() -> rows), rows, (section, cells) -> { });

        assertThat(pass.isEmpty()).isTrue();
        assertThat(pass.advance()).isFalse();
        assertThat(pass.rowCount()).isZero();
        assertThat(pass.sections()).isEmpty();
        assertThat(pass.grandTotals()).isEmpty();
    }
}
