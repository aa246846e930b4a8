package ca.ptm.nocturne.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A throw-away inbox folder, filled with the bundled samples or with files a test writes byte for byte. */
public final class SampleInbox {

    public static final Path SAMPLES = Path.of("jobs/samples/import");

    private final Path folder;

    private SampleInbox(Path folder) {
        this.folder = folder;
    }

    public static SampleInbox empty(Path parent) {
        try {
            return new SampleInbox(Files.createDirectories(parent.resolve("inbox")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SampleInbox withSamples(Path parent) {
        SampleInbox inbox = empty(parent);
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.folder.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inbox;
    }

    public SampleInbox copySample(String name) {
        return write(name, read(SAMPLES.resolve(name)));
    }

    public SampleInbox write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public SampleInbox write(String name, String text, Charset charset) {
        return write(name, text.getBytes(charset));
    }

    public SampleInbox write(String name, byte[] bytes) {
        try {
            Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path path() {
        return folder;
    }

    public String dir() {
        return folder.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
