package ca.ptm.nocturne.imports.reading;

import ca.ptm.nocturne.imports.parsing.RejectCode;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Splits a legacy export into records: skips blank lines, joins the lines of a quoted field that spans several,
 * and isolates a record whose quotes never close (it becomes one BAD_QUOTING record for its first line, and the
 * lines it would have swallowed are read again as records of their own, so no good row is lost behind it).
 * The count of physical lines consumed is the position a restart skips to.
 */
public final class RecordReader implements Closeable {

    static final int MAX_LINE_CHARS = 1_000_000;
    static final int MAX_RECORD_LINES = 200;

    private record PendingLine(int number, PhysicalLineReader.Line line) {
    }

    private final Reader source;
    private final PhysicalLineReader lines;
    private final RFC4180Parser parser;
    private final char delimiter;
    private final Deque<PendingLine> pushedBack = new ArrayDeque<>();
    private int linesRead;
    private int linesConsumed;

    public RecordReader(Reader source, char delimiter) {
        this.source = source;
        this.lines = new PhysicalLineReader(source, MAX_LINE_CHARS);
        this.delimiter = delimiter;
        this.parser = new RFC4180ParserBuilder().withSeparator(delimiter).build();
    }

    /** Physical lines fully consumed by the records returned so far, blank lines included. */
    public int linesConsumed() {
        return linesConsumed;
    }

    /** Skips whole physical lines: the restart position saved by an earlier run. */
    public void skipLines(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            if (nextLine() == null) {
                break;
            }
            linesConsumed++;
        }
    }

    /** The next non-blank record, or null at the end of the file. */
    public LogicalRecord next() throws IOException {
        PendingLine first = nextLine();
        while (first != null && first.line().text().isBlank() && !first.line().truncated()) {
            linesConsumed++;
            first = nextLine();
        }
        if (first == null) {
            return null;
        }
        if (first.line().truncated()) {
            linesConsumed++;
            return new LogicalRecord(first.number(), first.line().text().substring(0, 2000), List.of(), RejectCode.BAD_VALUE,
                    "Ligne trop longue (plus de " + MAX_LINE_CHARS + " caractères) : ignorée");
        }
        StringBuilder text = new StringBuilder(first.line().text());
        Deque<PendingLine> continuation = new ArrayDeque<>();
        while (QuoteState.endsInsideQuotes(text, delimiter)) {
            PendingLine more = nextLine();
            if (more == null || more.line().truncated() || continuation.size() >= MAX_RECORD_LINES) {
                if (more != null) {
                    continuation.addLast(more);
                }
                while (!continuation.isEmpty()) {
                    pushedBack.addFirst(continuation.removeLast());
                }
                linesConsumed++;
                return new LogicalRecord(first.number(), first.line().text(), List.of(), RejectCode.BAD_QUOTING,
                        "Guillemets non fermés : le champ commencé à cette ligne ne se termine jamais");
            }
            continuation.addLast(more);
            text.append('\n').append(more.line().text());
        }
        linesConsumed += 1 + continuation.size();
        String record = text.toString().replace("\uFEFF", "");
        int garbage = QuoteState.textAfterClosingQuote(record, delimiter);
        if (garbage > 0) {
            return new LogicalRecord(first.number(), record, List.of(), RejectCode.BAD_QUOTING,
                    "Texte après un champ entre guillemets (caractère " + garbage + ") : le champ est mal délimité");
        }
        try {
            return new LogicalRecord(first.number(), record, Arrays.asList(parser.parseLine(record)), null, null);
        } catch (IOException | RuntimeException e) {
            return new LogicalRecord(first.number(), record, List.of(), RejectCode.BAD_QUOTING,
                    "Guillemets mal placés : " + e.getMessage());
        }
    }

    private PendingLine nextLine() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.removeFirst();
        }
        PhysicalLineReader.Line line = lines.next();
        return line == null ? null : new PendingLine(++linesRead, line);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
