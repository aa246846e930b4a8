package ca.ptm.nocturne.shared.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where Nocturne keeps its files, so that the jar runs from any working folder. NOCTURNE_HOME ({@code nocturne.home})
 * is the folder; by default the working folder when it holds {@code jobs/} (a checkout, the container's /app),
 * else {@code ~/.nocturne}. Under it: {@code var/} (embedded PostgreSQL data, reports, outbox), {@code jobs/import/inbox}
 * and {@code jobs/gazelle/exports}.
 *
 * <p>The mapping files, the report templates and the demonstration samples ship inside the jar
 * ({@code nocturne-defaults/}). A folder of the same name under the home ({@code jobs/import/mappings},
 * {@code reports}, {@code jobs/samples/demonstration/import}, {@code jobs/samples/demonstration/gazelle}) overrides them file by file: when it
 * holds every default file it is used as is (a checkout), otherwise the defaults and its files are merged into
 * {@code var/defaults/<name>} (the merge is redone before each use of the mappings, so an added spelling applies to the
 * next run). A property set explicitly (command line, environment, application.yml) always wins.
 */
public class NocturneHome implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "nocturne-defaults/";

    /** A folder the jar ships defaults for: its name in the jar, where it lives under the home, the property it sets. */
    public enum Folder {
        MAPPINGS("mappings", "jobs/import/mappings", "nocturne.import.mappings"),
        REPORT_TEMPLATES("reports", "reports", "nocturne.reports.templates-dir"),
        IMPORT_SAMPLES("samples/demonstration/import", "jobs/samples/demonstration/import", "nocturne.import.samples"),
        GAZELLE_SAMPLES("samples/demonstration/gazelle", "jobs/samples/demonstration/gazelle", "nocturne.gazelle.samples");

        final String inJar;
        final String onDisk;
        final String property;

        Folder(String inJar, String onDisk, String property) {
            this.inJar = inJar;
            this.onDisk = onDisk;
            this.property = property;
        }
    }

    private record Merge(Folder folder, Path disk, Path merged) {
    }

    private static final Map<Path, Merge> MERGES = new ConcurrentHashMap<>();

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml, the environment and the command line are known
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path workingFolder = Path.of("").toAbsolutePath();
        Path home = home(environment.getProperty("nocturne.home"), workingFolder, Path.of(System.getProperty("user.home")));
        boolean atWorkingFolder = home.equals(workingFolder);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("nocturne.home", home.toString());
        if (!atWorkingFolder) {
            put(environment, defaults, "nocturne.embedded.data-dir", home.resolve("var/pgdata"));
            put(environment, defaults, "nocturne.mail.outbox", home.resolve("var/outbox"));
            put(environment, defaults, "nocturne.reports.output-dir", home.resolve("var/reports"));
            put(environment, defaults, "nocturne.import.inbox", createFolder(home.resolve("jobs/import/inbox")));
            put(environment, defaults, "nocturne.gazelle.exports-dir", createFolder(home.resolve("jobs/gazelle/exports")));
        }
        ClassLoader classLoader = application == null ? NocturneHome.class.getClassLoader() : application.getClassLoader();
        for (Folder folder : Folder.values()) {
            if (environment.containsProperty(folder.property)) {
                continue;
            }
            Path located = locate(folder, home, classLoader);
            if (!atWorkingFolder || !located.equals(home.resolve(folder.onDisk))) {
                defaults.put(folder.property, located.toString());
            }
        }
        // last: anything set explicitly anywhere else wins over these defaults
        environment.getPropertySources().addLast(new MapPropertySource("nocturneHome", defaults));
    }

    /** NOCTURNE_HOME if set, else the working folder if it holds jobs/, else ~/.nocturne. */
    static Path home(String configured, Path workingFolder, Path userHome) {
        if (configured != null && !configured.isBlank()) {
            return workingFolder.resolve(configured).normalize();
        }
        if (Files.isDirectory(workingFolder.resolve("jobs"))) {
            return workingFolder;
        }
        return userHome.resolve(".nocturne");
    }

    /**
     * The folder to use: the home's own folder when it holds every file the jar ships for it, else the merge of the
     * jar's files and the home's folder (the home's file wins) in var/defaults.
     */
    static Path locate(Folder folder, Path home, ClassLoader classLoader) {
        Path disk = home.resolve(folder.onDisk);
        Map<String, Resource> shipped = shipped(folder, classLoader);
        if (!shipped.isEmpty() && Files.isDirectory(disk) && shipped.keySet().stream().allMatch(name -> Files.isRegularFile(disk.resolve(name)))) {
            return disk;
        }
        if (shipped.isEmpty()) {
            return disk; // not packaged (an IDE without the build's resources): the folder on disk as before
        }
        Path merged = home.resolve("var/defaults").resolve(folder.inJar);
        Merge merge = new Merge(folder, disk, merged);
        MERGES.put(merged.toAbsolutePath().normalize(), merge);
        merge(merge, shipped);
        return merged;
    }

    /**
     * Redoes the merge of this folder if it is one (an edit under the home applies to the next use); does nothing for
     * a folder used as is.
     */
    public static void refresh(Path folder) {
        Merge merge = MERGES.get(folder.toAbsolutePath().normalize());
        if (merge != null) {
            merge(merge, shipped(merge.folder(), NocturneHome.class.getClassLoader()));
        }
    }

    private static synchronized void merge(Merge merge, Map<String, Resource> shipped) {
        try {
            Files.createDirectories(merge.merged());
            Map<String, byte[]> wanted = new TreeMap<>();
            for (var file : shipped.entrySet()) {
                try (InputStream in = file.getValue().getInputStream()) {
                    wanted.put(file.getKey(), in.readAllBytes());
                }
            }
            if (Files.isDirectory(merge.disk())) {
                try (Stream<Path> files = Files.list(merge.disk())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        wanted.put(file.getFileName().toString(), Files.readAllBytes(file));
                    }
                }
            }
            for (var file : wanted.entrySet()) {
                Path target = merge.merged().resolve(file.getKey());
                if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    Path temporary = Files.createTempFile(merge.merged(), ".merge", ".tmp");
                    Files.write(temporary, file.getValue());
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            try (Stream<Path> files = Files.list(merge.merged())) {
                for (Path stale : files.filter(f -> !wanted.containsKey(f.getFileName().toString())).toList()) {
                    Files.deleteIfExists(stale); // an override removed from the home: back to the jar's file
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + merge.merged() + " from the jar's " + merge.folder().inJar
                    + " and " + merge.disk() + ": " + e.getMessage(), e);
        }
    }

    /** The files the jar ships for this folder, by file name. */
    static Map<String, Resource> shipped(Folder folder, ClassLoader classLoader) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(classLoader)
                    .getResources("classpath*:" + DEFAULTS + folder.inJar + "/*");
            Map<String, Resource> byName = new TreeMap<>();
            for (Resource resource : resources) {
                String name = resource.getFilename();
                if (name != null && !name.isEmpty() && resource.isReadable() && !byName.containsKey(name)) {
                    byName.put(name, resource);
                }
            }
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the jar's " + DEFAULTS + folder.inJar + ": " + e.getMessage(), e);
        }
    }

    private static void put(ConfigurableEnvironment environment, Map<String, Object> defaults, String property, Path value) {
        if (!environment.containsProperty(property)) {
            defaults.put(property, value.toString());
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            return folder; // reported where it is used, in French, with the folder's name
        }
    }
}
