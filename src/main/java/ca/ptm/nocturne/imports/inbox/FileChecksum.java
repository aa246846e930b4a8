package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 of a file's bytes: the identity of a legacy export, whatever its name. */
public final class FileChecksum {

    /**
     * One pass over a file's bytes.
     *
     * @param physicalLines  lines ended by LF, CRLF or a lone CR, plus a last line without ending (counted on the bytes,
     *                       independently of the reader, for the line accounting)
     * @param endsWithLineBreak false when the last line has no line ending: the file may still be being written
     */
    public record Digest(String sha256, long size, int physicalLines, boolean endsWithLineBreak) {
    }

    private FileChecksum() {
    }

    /** The hex digest, or an empty string when the file no longer exists. */
    public static String sha256(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return "";
        }
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256, size and physical lines of the bytes read in one pass (a file growing meanwhile is read as it was). */
    public static Digest digest(Path path) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int lines = 0;
        byte last = 0;
        boolean pendingCr = false;
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!pendingCr) {
                            lines++;
                        }
                        pendingCr = false;
                    } else if (b == '\r') {
                        lines++;
                        pendingCr = true;
                    } else {
                        pendingCr = false;
                    }
                }
                last = buffer[n - 1];
            }
        }
        boolean endsWithBreak = size == 0 || last == '\n' || last == '\r';
        if (!endsWithBreak) {
            lines++;
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), size, lines, endsWithBreak);
    }
}
