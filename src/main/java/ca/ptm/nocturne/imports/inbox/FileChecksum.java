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
}
