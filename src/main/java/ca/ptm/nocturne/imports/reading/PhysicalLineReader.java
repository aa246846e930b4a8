package ca.ptm.nocturne.imports.reading;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ended by LF, CRLF or a lone CR (old Mac exports), and never holds more than {@code maxChars} of one
 * line in memory: a hostile 1 GB line comes back truncated and flagged, not as an OutOfMemoryError.
 */
final class PhysicalLineReader {

    record Line(String text, boolean truncated) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean pendingCarriageReturn;

    PhysicalLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean truncated = false;
        boolean sawAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                return sawAnything ? new Line(text.toString(), truncated) : null;
            }
            char c = buffer[position++];
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            sawAnything = true;
            if (c == '\n') {
                return new Line(text.toString(), truncated);
            }
            if (c == '\r') {
                pendingCarriageReturn = true;
                return new Line(text.toString(), truncated);
            }
            if (text.length() < maxChars) {
                text.append(c);
            } else {
                truncated = true;
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
