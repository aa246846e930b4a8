package ca.ptm.nocturne.imports.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChecksumTest {

    @TempDir
    Path temp;

    @Test
    void physicalLinesAreCountedOnTheBytesWhateverTheLineEnding() throws Exception {
        assertThat(digest("a\nb\r\nc\rd\n").physicalLines()).isEqualTo(4);
        assertThat(digest("a\n\n\r\n").physicalLines()).isEqualTo(3);
        assertThat(digest("").physicalLines()).isZero();
    }

    @Test
    void aLastLineWithoutEndingIsCountedAndFlagged() throws Exception {
        FileChecksum.Digest cut = digest("h\n1,Stein");

        assertThat(cut.physicalLines()).isEqualTo(2);
        assertThat(cut.endsWithLineBreak()).isFalse();
        assertThat(digest("h\r").endsWithLineBreak()).isTrue();
    }

    @Test
    void theDigestIsTheSha256OfTheBytesAndTheirSize() throws Exception {
        Path file = Files.writeString(temp.resolve("f.csv"), "h\n1\n");

        FileChecksum.Digest digest = FileChecksum.digest(file);

        assertThat(digest.sha256()).isEqualTo(FileChecksum.sha256(file));
        assertThat(digest.size()).isEqualTo(4);
    }

    private FileChecksum.Digest digest(String text) throws Exception {
        return FileChecksum.digest(Files.writeString(temp.resolve("x" + text.hashCode() + ".csv"), text));
    }
}
