package ca.ptm.nocturne.reports.csv;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.reports.ReportKind;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ListedRows;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.ReportRows;
import ca.ptm.nocturne.reports.model.RowPass;
import ca.ptm.nocturne.reports.model.Section;
import ca.ptm.nocturne.reports.model.Total;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV written while the rows are read: header first, rows as they come, every total after the last row. */
class CsvSheetTest {

    static final List<Column<String[]>> COLUMNS = List.of(
            Column.of("local", "col.local", r -> r[0]), Column.of("todo", "col.todo", r -> r[1]));

    @TempDir
    Path folder;

    String write(String sectionHeaderKey, List<Section<String[]>> sections, List<Total> grand) throws Exception {
        ReportRows.Source<String[]> source = ListedRows.of(sections, grand);
        ReportDocument<String[]> document = new ReportDocument<>(ReportKind.INVENTAIRE, "t", "T", "P", sectionHeaderKey,
                COLUMNS, r -> false, source);
        Path file = folder.resolve("t.csv");
        try (ReportRows<String[]> rows = source.open(); CsvSheet sheet = new CsvReportWriter(';').open(document, file)) {
            RowPass<String[]> pass = new RowPass<>(document, rows, sheet);
            pass.drain();
            sheet.finish(pass);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, StandardCharsets.UTF_8).substring(1);
    }

    @Test
    void rowsInOrderThenTheTotalsOfEachSectionThenTheGrandTotals() throws Exception {
        String csv = write("col.institution", List.of(
                new Section<>("École de musique", List.<String[]>of(new String[] {"Local 2", "=1+1"}),
                        List.of(new Total("Pianos", "1")), List.of("Vérifier; le « local »")),
                new Section<>("Place des Arts", List.<String[]>of(new String[] {"TM", "a \"b\""}, new String[] {"MS", ""}),
                        List.of(new Total("Pianos", "2")))),
                List.of(new Total("Pianos", "3")));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "Institution;Local;À faire",
                "École de musique;Local 2;'=1+1",
                "Place des Arts;TM;\"a \"\"b\"\"\"",
                "Place des Arts;MS;",
                "Total — École de musique;Pianos;1",
                "Total — École de musique;\"Vérifier; le « local »\";",
                "Total — Place des Arts;Pianos;2",
                "Total général;Pianos;3",
                "");
    }

    @Test
    void anUnnamedSectionIsTotalledAsTheWholeReport() throws Exception {
        String csv = write(null, List.of(new Section<>("novembre 2026", List.<String[]>of(new String[] {"TM", "x"}),
                List.of())), List.of(new Total("Total", "175,00 $")));

        assertThat(csv).isEqualTo("Local;À faire\r\nTM;x\r\nTotal général;Total;175,00 $\r\n");
    }

    @Test
    void anEmptyReportSaysSoUnderItsHeader() throws Exception {
        assertThat(write("col.institution", List.of(), List.of()))
                .isEqualTo("Institution;Local;À faire\r\nAucune donnée pour cette période;;\r\n");
    }
}
