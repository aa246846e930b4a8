package ca.ptm.nocturne.imports.reading;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.imports.parsing.RejectCode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordReaderTest {

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndingGivesTheSameRecordsWithTheirLineNumbers(String eol) throws IOException {
        String text = String.join(eol, "id,name", "1,Alpha", "2,Beta", "3,Gamma") + eol;

        List<LogicalRecord> records = readAll(text, ',');

        assertThat(records).extracting(LogicalRecord::firstLine).containsExactly(1, 2, 3, 4);
        assertThat(records).extracting(LogicalRecord::cells).containsExactly(
                List.of("id", "name"), List.of("1", "Alpha"), List.of("2", "Beta"), List.of("3", "Gamma"));
        assertThat(records).allMatch(LogicalRecord::isReadable);
    }

    @Test
    void aFileWithoutAFinalLineBreakStillGivesItsLastRecord() throws IOException {
        assertThat(readAll("a,b\r\nc,d", ',')).extracting(LogicalRecord::cells)
                .containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void blankLinesAreSkippedButCountedAsConsumed() throws IOException {
        RecordReader reader = new RecordReader(new StringReader("h1,h2\n\n   \n1,2\n\n"), ',');

        LogicalRecord header = reader.next();
        assertThat(header.firstLine()).isEqualTo(1);
        assertThat(reader.linesConsumed()).isEqualTo(1);

        LogicalRecord row = reader.next();
        assertThat(row.firstLine()).isEqualTo(4);
        assertThat(row.cells()).containsExactly("1", "2");
        assertThat(reader.linesConsumed()).isEqualTo(4);

        assertThat(reader.next()).isNull();
        assertThat(reader.linesConsumed()).as("the trailing blank line is consumed too").isEqualTo(5);
    }

    @Test
    void aQuotedFieldSpanningTwoLinesIsOneRecordStartingOnItsFirstLine() throws IOException {
        RecordReader reader = new RecordReader(new StringReader("id,notes\n1,\"first part\nsecond part\",end\n2,plain\n"), ',');

        assertThat(reader.next().firstLine()).isEqualTo(1);
        LogicalRecord multiline = reader.next();
        assertThat(multiline.isReadable()).isTrue();
        assertThat(multiline.firstLine()).isEqualTo(2);
        assertThat(multiline.cells()).containsExactly("1", "first part\nsecond part", "end");
        assertThat(reader.linesConsumed()).isEqualTo(3);

        LogicalRecord after = reader.next();
        assertThat(after.firstLine()).isEqualTo(4);
        assertThat(after.cells()).containsExactly("2", "plain");
    }

    @Test
    void doubledQuotesInsideAQuotedFieldAreOneQuote() throws IOException {
        LogicalRecord record = readAll("1,\"Entrée des artistes, quai \"\"B\"\"\",x\n", ',').get(0);

        assertThat(record.cells()).containsExactly("1", "Entrée des artistes, quai \"B\"", "x");
    }

    @Test
    void semicolonAndTabDelimitersSplitTheirOwnCellsOnly() throws IOException {
        assertThat(readAll("a;b,c;d\n", ';').get(0).cells()).containsExactly("a", "b,c", "d");
        assertThat(readAll("a\tb;c\t\td\n", '\t').get(0).cells()).containsExactly("a", "b;c", "", "d");
    }

    @Test
    void anUnbalancedQuoteIsOneBadRecordAndTheLinesAfterItAreStillRead() throws IOException {
        String text = "id,name\n2,\"never closed\n3,Gamma\n4,Delta\n5,Epsilon\n";
        RecordReader reader = new RecordReader(new StringReader(text), ',');

        assertThat(reader.next().cells()).containsExactly("id", "name");

        LogicalRecord bad = reader.next();
        assertThat(bad.isReadable()).isFalse();
        assertThat(bad.problem()).isEqualTo(RejectCode.BAD_QUOTING);
        assertThat(bad.firstLine()).isEqualTo(2);
        assertThat(bad.text()).isEqualTo("2,\"never closed");
        assertThat(bad.cells()).isEmpty();
        assertThat(bad.problemMessage()).isNotBlank();
        assertThat(reader.linesConsumed()).as("only the bad line is consumed").isEqualTo(2);

        List<LogicalRecord> rest = new ArrayList<>();
        for (LogicalRecord r = reader.next(); r != null; r = reader.next()) {
            rest.add(r);
        }
        assertThat(rest).extracting(LogicalRecord::firstLine).containsExactly(3, 4, 5);
        assertThat(rest).extracting(LogicalRecord::cells)
                .containsExactly(List.of("3", "Gamma"), List.of("4", "Delta"), List.of("5", "Epsilon"));
        assertThat(reader.linesConsumed()).isEqualTo(5);
    }

    @Test
    void skipLinesThenNextResumesOnTheFollowingLine() throws IOException {
        RecordReader reader = new RecordReader(new StringReader("h\n1\n2\n3\n4\n"), ',');

        reader.skipLines(3);

        assertThat(reader.linesConsumed()).isEqualTo(3);
        LogicalRecord record = reader.next();
        assertThat(record.firstLine()).isEqualTo(4);
        assertThat(record.cells()).containsExactly("3");
        assertThat(reader.linesConsumed()).isEqualTo(4);
    }

    @Test
    void skippingPastTheEndLeavesNothingToRead() throws IOException {
        RecordReader reader = new RecordReader(new StringReader("h\n1\n"), ',');

        reader.skipLines(10);

        assertThat(reader.linesConsumed()).isEqualTo(2);
        assertThat(reader.next()).isNull();
    }

    @Test
    void aByteOrderMarkInTheMiddleOfALineIsRemovedFromTheCells() throws IOException {
        LogicalRecord record = readAll("1,Stein\uFEFFway,x\uFEFF\n", ',').get(0);

        assertThat(record.cells()).containsExactly("1", "Steinway", "x");
    }

    @Test
    void aLineLongerThanTheLimitIsABadValueRecordAndTheNextLineIsStillRead() throws IOException {
        String huge = "1," + "x".repeat(RecordReader.MAX_LINE_CHARS + 10);
        RecordReader reader = new RecordReader(new StringReader(huge + "\n2,ok\n"), ',');

        LogicalRecord tooLong = reader.next();
        assertThat(tooLong.problem()).isEqualTo(RejectCode.BAD_VALUE);
        assertThat(tooLong.firstLine()).isEqualTo(1);
        assertThat(tooLong.cells()).isEmpty();
        assertThat(tooLong.text().length()).as("only a prefix is kept for the reject table").isLessThanOrEqualTo(2000);
        assertThat(reader.linesConsumed()).isEqualTo(1);

        LogicalRecord next = reader.next();
        assertThat(next.firstLine()).isEqualTo(2);
        assertThat(next.cells()).containsExactly("2", "ok");
        assertThat(reader.next()).isNull();
    }

    /** A complete row of the test files below: three cells, a number in the first. */
    private static final RowShape THREE_CELLS = cells -> cells.size() == 3 && cells.get(0).matches("\\d+");

    @Test
    void aStrayQuoteThatSwallowsFullRowsRejectsItsOwnLineAndTheSwallowedRowsAreReadAgain() throws IOException {
        RecordReader reader = new RecordReader(new StringReader("id,name,notes\n1,a,\"open\n2,b,x\n3,c,y\"\n4,d,z\n"), ',',
                THREE_CELLS);
        reader.next();

        LogicalRecord stray = reader.next();
        assertThat(stray.problem()).isEqualTo(RejectCode.BAD_QUOTING);
        assertThat(stray.firstLine()).isEqualTo(2);
        assertThat(stray.lastLine()).isEqualTo(2);
        assertThat(stray.text()).isEqualTo("1,a,\"open");
        assertThat(stray.problemMessage()).contains("ligne 4").contains("la ligne 3 en est une");
        assertThat(reader.linesConsumed()).isEqualTo(2);

        List<LogicalRecord> rest = new ArrayList<>();
        for (LogicalRecord r = reader.next(); r != null; r = reader.next()) {
            rest.add(r);
        }
        assertThat(rest).extracting(LogicalRecord::firstLine).containsExactly(3, 4, 5);
        assertThat(rest).extracting(LogicalRecord::cells)
                .containsExactly(List.of("2", "b", "x"), List.of("3", "c", "y\""), List.of("4", "d", "z"));
        assertThat(reader.linesConsumed()).isEqualTo(5);
    }

    @Test
    void aQuoteClosingInTheMiddleOfAFieldAfterSwallowingRowsRejectsOnlyItsLine() throws IOException {
        List<LogicalRecord> records = readAll(new RecordReader(new StringReader(
                "id,name,notes\n1,a,\"open\n2,b,x\n3,c,voir note\" urgente\n"), ',', THREE_CELLS));

        assertThat(records).extracting(r -> r.firstLine() + " " + (r.isReadable() ? r.cells() : r.problem()))
                .containsExactly("1 [id, name, notes]", "2 BAD_QUOTING", "3 [2, b, x]", "4 [3, c, voir note\" urgente]");
    }

    @Test
    void aQuotedFieldWhoseLinesAreNotRowsStaysOneRecordWithItsLastLine() throws IOException {
        List<LogicalRecord> records = readAll(new RecordReader(new StringReader(
                "id,name,notes\n1,a,\"first line\nsecond, still notes\nthird\"\n2,b,c\n"), ',', THREE_CELLS));

        assertThat(records).hasSize(3);
        assertThat(records.get(1).cells()).containsExactly("1", "a", "first line\nsecond, still notes\nthird");
        assertThat(records.get(1).firstLine()).isEqualTo(2);
        assertThat(records.get(1).lastLine()).isEqualTo(4);
        assertThat(records.get(1).lineCount()).isEqualTo(3);
        assertThat(records.get(2).firstLine()).isEqualTo(5);
    }

    @Test
    void blankLinesAreCountedApartFromRecords() throws IOException {
        RecordReader reader = new RecordReader(new StringReader("h\n\n1\n \n\n2\n\n"), ',');
        List<LogicalRecord> records = readAll(reader);

        assertThat(records).extracting(LogicalRecord::firstLine).containsExactly(1, 3, 6);
        assertThat(reader.blankLines()).isEqualTo(4);
        assertThat(reader.linesConsumed()).isEqualTo(7);
    }

    private static List<LogicalRecord> readAll(RecordReader reader) throws IOException {
        List<LogicalRecord> records = new ArrayList<>();
        for (LogicalRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    private static List<LogicalRecord> readAll(String text, char delimiter) throws IOException {
        List<LogicalRecord> records = new ArrayList<>();
        try (RecordReader reader = new RecordReader(new StringReader(text), delimiter)) {
            for (LogicalRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }
}
