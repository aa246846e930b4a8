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
 * The same happens to a quote that does close, lines later, when one of the lines it swallowed reads on its own as
 * a complete row of the file ({@link RowShape}): a stray quote in a comment must not turn the rows below it into
 * that comment. The count of physical lines consumed is the position a restart skips to.
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
    private final RowShape shape;
    private final Deque<PendingLine> pushedBack = new ArrayDeque<>();
    private int linesRead;
    private int linesConsumed;
    private int blankLines;

    public RecordReader(Reader source, char delimiter) {
        this(source, delimiter, RowShape.UNKNOWN);
    }

    /** @param shape what a complete row of this file looks like, to catch stray quotes that swallow rows */
    public RecordReader(Reader source, char delimiter, RowShape shape) {
        this.source = source;
        this.lines = new PhysicalLineReader(source, MAX_LINE_CHARS);
        this.delimiter = delimiter;
        this.parser = new RFC4180ParserBuilder().withSeparator(delimiter).build();
        this.shape = shape;
    }

    /** Blank physical lines skipped so far (not those passed over by {@link #skipLines}). */
    public int blankLines() {
        return blankLines;
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
            blankLines++;
            first = nextLine();
        }
        if (first == null) {
            return null;
        }
        if (first.line().truncated()) {
            linesConsumed++;
            return new LogicalRecord(first.number(), first.line().text().substring(0, 2000), List.of(), RejectCode.BAD_VALUE,
                    "Ligne trop longue (plus de " + MAX_LINE_CHARS + " caractères) : ignorée", first.number());
        }
        StringBuilder text = new StringBuilder(first.line().text());
        Deque<PendingLine> continuation = new ArrayDeque<>();
        while (QuoteState.endsInsideQuotes(text, delimiter)) {
            PendingLine more = nextLine();
            if (more == null || more.line().truncated() || continuation.size() >= MAX_RECORD_LINES) {
                if (more != null) {
                    continuation.addLast(more);
                }
                return strayQuote(first, continuation, "Guillemets non fermés : le champ commencé à cette ligne ne se "
                        + "termine jamais ; les lignes suivantes sont relues comme des lignes à part");
            }
            continuation.addLast(more);
            text.append('\n').append(more.line().text());
        }
        if (!continuation.isEmpty()) {
            PendingLine swallowed = firstFullRow(continuation);
            if (swallowed != null) {
                return strayQuote(first, continuation, "Guillemet isolé : le champ ouvert par un guillemet à cette ligne ne se "
                        + "ferme qu'à la ligne " + continuation.getLast().number() + " et avale des lignes complètes (la ligne "
                        + swallowed.number() + " en est une) ; seule cette ligne est rejetée, les suivantes sont relues comme des "
                        + "lignes à part. Un guillemet dans un champ doit être doublé (\"\") et le champ entouré de guillemets.");
            }
        }
        linesConsumed += 1 + continuation.size();
        int lastLine = continuation.isEmpty() ? first.number() : continuation.getLast().number();
        String record = text.toString().replace("\uFEFF", "");
        int garbage = QuoteState.textAfterClosingQuote(record, delimiter);
        if (garbage > 0) {
            return new LogicalRecord(first.number(), record, List.of(), RejectCode.BAD_QUOTING,
                    "Texte après un champ entre guillemets (caractère " + garbage + ") : le champ est mal délimité", lastLine);
        }
        try {
            return new LogicalRecord(first.number(), record, Arrays.asList(parser.parseLine(record)), null, null, lastLine);
        } catch (IOException | RuntimeException e) {
            return new LogicalRecord(first.number(), record, List.of(), RejectCode.BAD_QUOTING,
                    "Guillemets mal placés : " + e.getMessage(), lastLine);
        }
    }

    /**
     * The first line's quote swallowed lines that are not its own: only that line is a record (rejected); the others
     * go back to be read again as records of their own.
     */
    private LogicalRecord strayQuote(PendingLine first, Deque<PendingLine> continuation, String message) {
        while (!continuation.isEmpty()) {
            pushedBack.addFirst(continuation.removeLast());
        }
        linesConsumed++;
        return new LogicalRecord(first.number(), first.line().text(), List.of(), RejectCode.BAD_QUOTING, message, first.number());
    }

    /**
     * The first swallowed line that, read alone, is a complete row of this file: its quotes balanced and its cells
     * shaped like the header's. Only multi-line records pay for this, and only when the file's shape is known.
     */
    private PendingLine firstFullRow(Deque<PendingLine> continuation) {
        if (shape == RowShape.UNKNOWN) {
            return null;
        }
        for (PendingLine line : continuation) {
            String text = line.line().text();
            if (text.isBlank() || QuoteState.endsInsideQuotes(text, delimiter) || QuoteState.textAfterClosingQuote(text, delimiter) > 0) {
                continue;
            }
            try {
                if (shape.isFullRow(Arrays.asList(parser.parseLine(text.replace("\uFEFF", ""))))) {
                    return line;
                }
            } catch (IOException | RuntimeException notARow) {
                // a line that cannot be split alone is not a row of its own
            }
        }
        return null;
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
