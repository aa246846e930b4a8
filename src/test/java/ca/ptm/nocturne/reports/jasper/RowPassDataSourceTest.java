package ca.ptm.nocturne.reports.jasper;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.reports.ReportKind;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.ReportRows;
import ca.ptm.nocturne.reports.model.ReportSummary;
import ca.ptm.nocturne.reports.model.RowPass;
import ca.ptm.nocturne.reports.model.StreamedRows;
import ca.ptm.nocturne.reports.model.Tally;
import ca.ptm.nocturne.reports.model.Total;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.design.JRDesignField;
import org.junit.jupiter.api.Test;

/** What the template reads on each row: cells, section, and the totals only where its bands print them. */
class RowPassDataSourceTest {

    record Visit(String institution, String piano) {
    }

    static final List<Column<Visit>> COLUMNS = List.of(Column.of("piano", "col.piano", Visit::piano));

    static final class Count implements Tally<Visit> {
        int visits;

        @Override
        public void add(Visit row) {
            visits++;
        }

        @Override
        public List<Total> totals() {
            return List.of(new Total("Services", String.valueOf(visits)), new Total("Mesures", "0"));
        }
    }

    static JRField field(String name) {
        JRDesignField field = new JRDesignField();
        field.setName(name);
        return field;
    }

    @Test
    void sectionTotalsOnTheLastRowOfTheirSectionAndGrandTotalsAndSummaryFieldsOnTheLastRow() {
        ReportSummary<Visit> chart = new ReportSummary<>() {
            @Override
            public void add(Visit row) {
            }

            @Override
            public Map<String, Object> fields() {
                return Map.of("chart", new byte[] {1, 2});
            }
        };
        ReportRows<Visit> rows = new StreamedRows<>(Stream.of(new Visit("École", "Kawai"), new Visit("École", "Yamaha"),
                new Visit("Place", "Steinway")), Visit::institution, Count::new, chart);
        ReportDocument<Visit> document = new ReportDocument<>(ReportKind.ENTRETIEN, "e", "T", "P", "col.institution",
                COLUMNS, v -> v.piano().startsWith("S"), () -> rows);
        RowPassDataSource source = new RowPassDataSource(new RowPass<>(document, rows, (s, c) -> { }), COLUMNS);
        List<String> names = List.of("section", "piano", "highlight", "sectionLabels", "sectionValues", "sectionNotes",
                "grandLabels", "grandValues", "chart");

        List<List<Object>> seen = new ArrayList<>();
        while (source.next()) {
            List<Object> values = new ArrayList<>();
            for (String name : names) {
                Object value = source.getFieldValue(field(name));
                values.add(value instanceof byte[] bytes ? "png:" + bytes.length : value);
            }
            seen.add(values);
        }

        assertThat(seen).containsExactly(
                java.util.Arrays.asList("École", "Kawai", false, null, null, null, null, null, null),
                java.util.Arrays.asList("École", "Yamaha", false, "Services\nMesures", "2\n0", null, null, null, null),
                java.util.Arrays.asList("Place", "Steinway", true, "Services\nMesures", "1\n0", null, "Services\nMesures",
                        "3\n0", "png:2"));
    }
}
