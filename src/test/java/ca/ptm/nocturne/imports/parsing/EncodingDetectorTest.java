package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.assertj.core.api.Assertions;

class EncodingDetectorTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path file(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return Files.write(dir.resolve("export.csv"), out.toByteArray());
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String readAll(Path path, EncodingDetector.DetectedEncoding encoding) throws IOException {
        try (Reader reader = EncodingDetector.open(path, encoding)) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }

    @Test
    void utf8WithBom() throws IOException {
        Path path = file(bytes(0xEF, 0xBB, 0xBF), "Salle,Date\nClaude-Léveillée,5 déc.\n".getBytes(StandardCharsets.UTF_8));
        EncodingDetector.DetectedEncoding encoding = EncodingDetector.detect(path);
        assertThat(encoding).isEqualTo(new EncodingDetector.DetectedEncoding(StandardCharsets.UTF_8, "UTF-8 (BOM)", true));
        assertThat(readAll(path, encoding)).isEqualTo("Salle,Date\nClaude-Léveillée,5 déc.\n");
    }

    @Test
    void utf8WithoutBom() throws IOException {
        Path path = file("Théâtre Jean-Duceppe; 1 175,00 $; œuvre « x » 😀\n".getBytes(StandardCharsets.UTF_8));
        EncodingDetector.DetectedEncoding encoding = EncodingDetector.detect(path);
        assertThat(encoding).isEqualTo(new EncodingDetector.DetectedEncoding(StandardCharsets.UTF_8, "UTF-8", false));
        assertThat(readAll(path, encoding)).isEqualTo("Théâtre Jean-Duceppe; 1 175,00 $; œuvre « x » 😀\n");
    }

    @Test
    void pureAsciiIsUtf8() throws IOException {
        assertThat(EncodingDetector.detect(file(ascii("a,b\r\n1,2\r\n"))).name()).isEqualTo("UTF-8");
    }

    @Test
    void windows1252() throws IOException {
        // "Théâtre" with é = 0xE9 and â = 0xE2, then € ’ œ which only exist in cp1252, not in ISO-8859-1.
        Path path = file(ascii("Th"), bytes(0xE9, 0xE2), ascii("tre;"), bytes(0x80, 0x92, 0x9C), ascii("\r\n"));
        EncodingDetector.DetectedEncoding encoding = EncodingDetector.detect(path);
        assertThat(encoding).isEqualTo(new EncodingDetector.DetectedEncoding(CP1252, "windows-1252", false));
        assertThat(readAll(path, encoding)).isEqualTo("Théâtre;€’œ\r\n").doesNotContain("Ã");
    }

    @Test
    void undefinedWindows1252BytesAreFineInsideUtf8() throws IOException {
        // Á is C3 81: 0x81 is undefined in cp1252 but a perfectly valid UTF-8 continuation byte.
        Path path = file("ÁÍ\n".getBytes(StandardCharsets.UTF_8));
        assertThat(EncodingDetector.detect(path).name()).isEqualTo("UTF-8");
    }

    static Stream<Arguments> undefinedBytes() {
        return Stream.of(0x81, 0x8D, 0x8F, 0x90, 0x9D).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("undefinedBytes")
    void bytesUndefinedInWindows1252(int undefined) throws IOException {
        Path path = file(ascii("a\nb\n"), bytes(0xE9, undefined), ascii("\n"));
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_ENCODING, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).isEqualTo(String.format("Octet 0x%02X non défini en Windows-1252 à la ligne 3", undefined));
    }

    @Test
    void mixedEncodingGivesTheLineOfTheFirstInvalidByte() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            lines.append(i == 5 ? "Léveillée" : "ligne " + i).append('\n');
        }
        Path path = file(lines.toString().getBytes(StandardCharsets.UTF_8), ascii("Th"), bytes(0xE9), ascii("atre\n"));
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_ENCODING, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).isEqualTo("Encodage mixte UTF-8 / Windows-1252 à la ligne 12");
    }

    @Test
    void mixedEncodingWhenTheUtf8PartComesLater() throws IOException {
        Path path = file(ascii("a\n"), bytes(0xE9), ascii("\nb\nc\n"), "é\n".getBytes(StandardCharsets.UTF_8));
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_ENCODING, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).endsWith("à la ligne 2");
    }

    @Test
    void bomFollowedByWindows1252IsMixed() throws IOException {
        Path path = file(bytes(0xEF, 0xBB, 0xBF), ascii("Salle\nTh"), bytes(0xE9), ascii("atre\n"));
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_ENCODING, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).endsWith("à la ligne 2");
    }

    @Test
    void lineNumbersStayExactAcrossBuffers() throws IOException {
        // 200 000 lines of 10 bytes: far beyond one 64 KiB buffer.
        byte[] body = ascii("ligne 123\n".repeat(200_000));
        Path path = file("é\n".getBytes(StandardCharsets.UTF_8), body, bytes(0xE9), ascii("\n"));
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_ENCODING, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).endsWith("à la ligne 200002");
    }

    @Test
    void multiByteSequenceSplitBetweenTwoBuffers() throws IOException {
        for (int shift = 0; shift < 4; shift++) {
            Path path = file(ascii("a".repeat(64 * 1024 - shift)), "é€😀".repeat(3).getBytes(StandardCharsets.UTF_8));
            assertThat(EncodingDetector.detect(path).name()).as("shift %d", shift).isEqualTo("UTF-8");
        }
    }

    @Test
    void nulByteMeansBinary() throws IOException {
        Path path = file(ascii("a\nb"), bytes(0x00), ascii("c"));
        ValueParseException e = Rejections.assertRejected(RejectCode.UNREADABLE_FILE, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).contains("fichier binaire").contains("ligne 2");
    }

    @Test
    void utf16WithoutBomHasNulBytes() throws IOException {
        Path path = file("Salle".getBytes(StandardCharsets.UTF_16LE));
        Rejections.assertRejected(RejectCode.UNREADABLE_FILE, () -> EncodingDetector.detect(path));
    }

    @ParameterizedTest
    @MethodSource("utf16Boms")
    void utf16IsRefused(byte[] bom) throws IOException {
        Path path = file(bom, ascii("x"));
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_ENCODING, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).contains("UTF-16 non pris en charge");
    }

    static Stream<Arguments> utf16Boms() {
        return Stream.of(Arguments.of((Object) bytes(0xFF, 0xFE)), Arguments.of((Object) bytes(0xFE, 0xFF)));
    }

    @Test
    void emptyFile() throws IOException {
        Path path = file();
        ValueParseException e = Rejections.assertRejected(RejectCode.EMPTY_FILE, () -> EncodingDetector.detect(path));
        assertThat(e.getMessage()).isEqualTo("Fichier vide");
    }

    @Test
    void bomAloneIsEmpty() throws IOException {
        Path path = file(bytes(0xEF, 0xBB, 0xBF));
        Rejections.assertRejected(RejectCode.EMPTY_FILE, () -> EncodingDetector.detect(path));
    }

    @Test
    void shortFilesWork() throws IOException {
        assertThat(EncodingDetector.detect(file(ascii("a"))).name()).isEqualTo("UTF-8");
        assertThat(EncodingDetector.detect(file(bytes(0xE9))).name()).isEqualTo("windows-1252");
        assertThat(EncodingDetector.detect(file(bytes(0xEF, 0xBB))).name()).isEqualTo("windows-1252");
    }

    @Test
    void openReportsBytesThatDoNotMatchTheDetectedEncoding() throws IOException {
        Path path = file(ascii("a"), bytes(0xE9));
        EncodingDetector.DetectedEncoding utf8 = new EncodingDetector.DetectedEncoding(StandardCharsets.UTF_8, "UTF-8", false);
        Assertions.assertThatThrownBy(() -> readAll(path, utf8)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void openRefusesAMissingBom() throws IOException {
        Path path = file(ascii("abc"));
        EncodingDetector.DetectedEncoding bom = new EncodingDetector.DetectedEncoding(StandardCharsets.UTF_8, "UTF-8 (BOM)", true);
        Assertions.assertThatIOException().isThrownBy(() -> EncodingDetector.open(path, bom));
    }
}
