package ca.ptm.nocturne.imports.parsing;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Tells whether an export is UTF-8 (with or without BOM) or Windows-1252, the two encodings the
 * legacy tools produced. Anything else is refused rather than guessed, because a wrong guess turns
 * every "é" into "Ã©" in the database. The whole file is scanned, in bounded memory: a single
 * Windows-1252 "é" on the last line is enough to make a file non-UTF-8.
 */
public final class EncodingDetector {

    /** The encoding to read a file with; {@code name} is shown in the import report. */
    public record DetectedEncoding(Charset charset, String name, boolean hasBom) {
        public DetectedEncoding {
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(name, "name");
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BUFFER_SIZE = 64 * 1024;

    private EncodingDetector() {
    }

    /**
     * @throws ValueParseException EMPTY_FILE, UNREADABLE_FILE (binary content) or BAD_ENCODING
     *     (UTF-16, mixed UTF-8 / Windows-1252, bytes undefined in Windows-1252)
     */
    public static DetectedEncoding detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE)) {
            return detect(in);
        }
    }

    /**
     * The same rule applied to the beginning of the file only (at most {@code maxBytes}, cut after its last complete
     * line): enough to read a header without decoding a file of a million rows; its reader checks the rest.
     */
    public static DetectedEncoding detectHead(Path file, int maxBytes) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(maxBytes);
        }
        int end = head.length;
        if (head.length == maxBytes) {
            while (end > 0 && head[end - 1] != '\n') {
                end--;
            }
        }
        return detect(new BufferedInputStream(new ByteArrayInputStream(head, 0, end == 0 ? head.length : end)));
    }

    private static DetectedEncoding detect(InputStream in) throws IOException {
        in.mark(UTF8_BOM.length);
        byte[] head = in.readNBytes(UTF8_BOM.length);
        if (isUtf16Bom(head)) {
            throw new ValueParseException(RejectCode.BAD_ENCODING,
                    "Fichier en UTF-16 non pris en charge\u00A0: enregistrez-le en UTF-8");
        }
        boolean hasBom = Arrays.equals(head, UTF8_BOM);
        if (!hasBom) {
            in.reset();
        }
        Scan scan = new Scan();
        scan.run(in);
        return scan.verdict(hasBom);
    }

    /** Opens the file for reading in the detected encoding, past its BOM if any. */
    public static Reader open(Path file, DetectedEncoding encoding) throws IOException {
        return open(Files.newInputStream(file), file.toString(), encoding);
    }

    /** The same on a stream the caller opened (to see the bytes go by); {@code name} is for the error message. */
    public static Reader open(InputStream raw, String name, DetectedEncoding encoding) throws IOException {
        InputStream in = new BufferedInputStream(raw, BUFFER_SIZE);
        try {
            if (encoding.hasBom() && !Arrays.equals(in.readNBytes(UTF8_BOM.length), UTF8_BOM)) {
                throw new IOException("BOM UTF-8 attendu au début de " + name);
            }
            // REPORT rather than the default REPLACE: a bad byte must fail loudly, not become '?'.
            CharsetDecoder decoder = encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new InputStreamReader(in, decoder), BUFFER_SIZE);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static boolean isUtf16Bom(byte[] head) {
        return head.length >= 2
                && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
    }

    /** One pass over the bytes: raw checks on one side, a strict UTF-8 decoding on the other. */
    private static final class Scan {

        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        private long byteCount;
        private long rawLine = 1;
        private long decodedNewlines;
        private long firstInvalidUtf8Line;
        private boolean sawMultiByteUtf8;
        private long firstUndefinedLine;
        private int firstUndefinedByte;

        void run(InputStream in) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);
            CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
            boolean endOfInput = false;
            while (!endOfInput) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    inspectRaw(bytes.array(), bytes.position(), read);
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                decode(bytes, chars, endOfInput);
                bytes.compact();
            }
            utf8.flush(chars);
            drain(chars);
        }

        private void inspectRaw(byte[] buffer, int offset, int length) {
            byteCount += length;
            for (int i = offset; i < offset + length; i++) {
                int b = buffer[i] & 0xFF;
                if (b == 0) {
                    throw new ValueParseException(RejectCode.UNREADABLE_FILE,
                            "Fichier illisible\u00A0: fichier binaire (octet nul à la ligne " + rawLine + ")");
                }
                if (b == '\n') {
                    rawLine++;
                } else if (firstUndefinedLine == 0 && isUndefinedInWindows1252(b)) {
                    firstUndefinedLine = rawLine;
                    firstUndefinedByte = b;
                }
            }
        }

        private void decode(ByteBuffer bytes, CharBuffer chars, boolean endOfInput) {
            while (true) {
                CoderResult result = utf8.decode(bytes, chars, endOfInput);
                drain(chars);
                if (result.isUnderflow()) {
                    return;
                }
                if (result.isError()) {
                    // Every byte before the error was decoded, so the newlines counted are exact.
                    if (firstInvalidUtf8Line == 0) {
                        firstInvalidUtf8Line = decodedNewlines + 1;
                    }
                    // Skip and go on: a valid UTF-8 "é" further down still makes the file mixed.
                    bytes.position(bytes.position() + result.length());
                }
            }
        }

        private void drain(CharBuffer chars) {
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n') {
                    decodedNewlines++;
                } else if (c >= 0x80) {
                    // Only a multi-byte sequence can decode to a non-ASCII character.
                    sawMultiByteUtf8 = true;
                }
            }
            chars.clear();
        }

        DetectedEncoding verdict(boolean hasBom) {
            if (byteCount == 0) {
                throw new ValueParseException(RejectCode.EMPTY_FILE, RejectCode.EMPTY_FILE.label());
            }
            if (firstInvalidUtf8Line == 0) {
                return new DetectedEncoding(StandardCharsets.UTF_8, hasBom ? "UTF-8 (BOM)" : "UTF-8", hasBom);
            }
            if (hasBom || sawMultiByteUtf8) {
                throw new ValueParseException(RejectCode.BAD_ENCODING,
                        "Encodage mixte UTF-8 / Windows-1252 à la ligne " + firstInvalidUtf8Line);
            }
            if (firstUndefinedLine != 0) {
                throw new ValueParseException(RejectCode.BAD_ENCODING, String.format(Locale.ROOT,
                        "Octet 0x%02X non défini en Windows-1252 à la ligne %d",
                        firstUndefinedByte, firstUndefinedLine));
            }
            return new DetectedEncoding(WINDOWS_1252, "windows-1252", false);
        }

        private static boolean isUndefinedInWindows1252(int b) {
            return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
        }
    }
}
