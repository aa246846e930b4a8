package ca.ptm.nocturne.imports;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param inbox              folder scanned by {@code run import} and the nightly pipeline
 * @param samples            the bundled sample exports, imported by the demonstration run
 * @param mappings           folder of the column mapping files (one YAML file per kind of legacy export)
 * @param chunkSize          rows written per transaction; a restart resumes after the last committed chunk
 * @param skipLimit          rejected rows tolerated in one file before its import fails as "mostly garbage"
 * @param defaultInstitution institution of a piano inventory whose file name names none
 * @param highAmountWarning  a Place des Arts fee above this is imported with a warning (typo or price table)
 * @param allowedRoots       the only folders an import may read (its {@code dir} and every file in it, symbolic links
 *                           resolved), the inbox always among them; default: the inbox, the samples and the working
 *                           directory's {@code jobs/} folder. Never the system's temporary folder: anyone on the machine can write there
 * @param longRecordLines    a record spanning more physical lines than this (a quoted field with line breaks) is
 *                           imported with a warning naming its first and last line
 */
@ConfigurationProperties("nocturne.import")
public record ImportProperties(Path inbox, Path samples, Path mappings, int chunkSize, int skipLimit,
                               String defaultInstitution, BigDecimal highAmountWarning, List<Path> allowedRoots,
                               int longRecordLines) {

    public ImportProperties {
        inbox = inbox == null ? Path.of("jobs/import/inbox") : inbox;
        samples = samples == null ? Path.of("jobs/samples/demonstration/import") : samples;
        mappings = mappings == null ? Path.of("jobs/import/mappings") : mappings;
        chunkSize = chunkSize <= 0 ? 100 : chunkSize;
        skipLimit = skipLimit <= 0 ? 100 : skipLimit;
        defaultInstitution = defaultInstitution == null ? "place-des-arts" : defaultInstitution;
        highAmountWarning = highAmountWarning == null ? new BigDecimal("500.00") : highAmountWarning;
        allowedRoots = allowedRoots == null || allowedRoots.isEmpty()
                ? List.of(inbox, samples, Path.of("jobs"))
                : withInbox(inbox, allowedRoots);
        longRecordLines = longRecordLines <= 0 ? 5 : longRecordLines;
    }

    /** The configured inbox is always readable: setting it is saying so. */
    private static List<Path> withInbox(Path inbox, List<Path> roots) {
        return roots.contains(inbox) ? List.copyOf(roots)
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(inbox), roots.stream()).toList();
    }
}
