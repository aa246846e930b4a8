package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.conversion.LeadingLabelShift;
import ca.ptm.nocturne.imports.mapping.ColumnMapping;
import ca.ptm.nocturne.imports.mapping.ColumnType;
import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.mapping.FileMapping;
import ca.ptm.nocturne.imports.parsing.DelimiterDetector;
import ca.ptm.nocturne.imports.parsing.EncodingDetector;
import ca.ptm.nocturne.imports.parsing.EncodingDetector.DetectedEncoding;
import ca.ptm.nocturne.imports.parsing.LegacyDate;
import ca.ptm.nocturne.imports.parsing.LegacyDateParser;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.imports.parsing.ValueParseException;
import ca.ptm.nocturne.imports.reading.LogicalRecord;
import ca.ptm.nocturne.imports.reading.RecordReader;
import ca.ptm.nocturne.imports.reading.RowShape;
import ca.ptm.nocturne.shared.Printable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises a legacy file: its encoding, its delimiter, which kind of export it is (by its header, or by its
 * layout for a TAB paste without header), and the full dates it holds (the year source of its yearless dates) and its number of data rows.
 * A file it cannot recognise is refused as a whole, with the reason.
 */
final class FileProfiler {

    static final int MAX_HEADER_WARNINGS = 20;
    /** The most a refusal or a warning quotes of a line of the file. */
    static final int MAX_QUOTE = 80;

    private final Map<FileKind, FileMapping> mappings;

    FileProfiler(Map<FileKind, FileMapping> mappings) {
        this.mappings = mappings;
    }

    FileProfile profile(Path file) throws IOException, FileRefusedException {
        return profile(file, true);
    }

    /**
     * @param mayQuote whether a refusal may quote the beginning of the file's first line (at most 80 characters):
     *                 never for a symbolic link, whose bytes belong to another file
     */
    FileProfile profile(Path file, boolean mayQuote) throws IOException, FileRefusedException {
        DetectedEncoding encoding;
        try {
            encoding = EncodingDetector.detect(file);
        } catch (ValueParseException e) {
            throw new FileRefusedException(e.rejectCode(), 0, e.getMessage());
        }
        LogicalRecord first;
        char delimiter;
        try (RecordReader probe = new RecordReader(EncodingDetector.open(file, encoding), ',')) {
            first = probe.next();
        }
        if (first == null) {
            throw new FileRefusedException(RejectCode.EMPTY_FILE, 0, "Fichier vide : aucune ligne à importer");
        }
        delimiter = DelimiterDetector.detect(first.text());
        List<String> cells;
        try (RecordReader reader = new RecordReader(EncodingDetector.open(file, encoding), delimiter)) {
            LogicalRecord header = reader.next();
            if (!header.isReadable()) {
                throw new FileRefusedException(RejectCode.UNKNOWN_FORMAT, header.firstLine(),
                        "Première ligne illisible : " + header.problemMessage());
            }
            cells = header.cells();
            return recognise(file, encoding, delimiter, header.firstLine(), cells, mayQuote ? header.text() : null);
        }
    }

    private FileProfile recognise(Path file, DetectedEncoding encoding, char delimiter, int headerLine, List<String> cells,
                                  String quotable) throws IOException, FileRefusedException {
        List<HeaderMatch> fitting = mappings.values().stream()
                .map(m -> HeaderMatch.of(m, cells))
                .filter(HeaderMatch::fits)
                .sorted(Comparator.comparingInt(HeaderMatch::matched).reversed())
                .toList();
        if (!fitting.isEmpty()) {
            HeaderMatch best = fitting.get(0);
            if (fitting.size() > 1 && fitting.get(1).matched() == best.matched()) {
                throw new FileRefusedException(RejectCode.UNKNOWN_FORMAT, headerLine, "En-tête ambigu : il convient à la fois à « "
                        + best.mapping().description() + " » et à « " + fitting.get(1).mapping().description() + " »");
            }
            List<ColumnMapping> missing = best.missingRequired();
            if (!missing.isEmpty()) {
                throw new FileRefusedException(RejectCode.MISSING_REQUIRED, headerLine, "Colonne obligatoire absente : "
                        + missing.stream().map(c -> "« " + c.aliases().get(0) + " »").reduce((a, b) -> a + ", " + b).orElseThrow()
                        + " (" + best.mapping().description() + ")");
            }
            List<String> warnings = new ArrayList<>();
            addCapped(warnings, best.unknownCells(), "Colonne inconnue ignorée : « ", "colonnes inconnues");
            addCapped(warnings, best.repeatedCells(), "Colonne en double, seule la première est lue : « ", "colonnes en double");
            return withDates(file, encoding, delimiter, true, best.mapping(), best.columnIndex(), cells.size(),
                    headerLine + 1, warnings);
        }
        FileMapping headerless = headerlessCandidate(delimiter, cells);
        if (headerless != null) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < headerless.headerlessLayout().size(); i++) {
                index.put(headerless.headerlessLayout().get(i), i);
            }
            return withDates(file, encoding, delimiter, false, headerless, index, headerless.headerlessLayout().size(),
                    headerLine, List.of("Collage sans ligne d'en-tête : colonnes lues dans l'ordre habituel"));
        }
        throw new FileRefusedException(RejectCode.UNKNOWN_FORMAT, headerLine, unknownHeader(cells, quotable));
    }

    /**
     * Why a header was not recognised, in the mapping's own words: the columns recognised for the closest kind and
     * the ones it expects; then at most {@link #MAX_QUOTE} characters of the line itself, when it may be quoted.
     */
    private String unknownHeader(List<String> cells, String quotable) {
        HeaderMatch closest = mappings.values().stream().map(m -> HeaderMatch.of(m, cells))
                .max(Comparator.comparingInt(HeaderMatch::matched)).orElse(null);
        StringBuilder message = new StringBuilder("En-tête non reconnu : aucun format d'export connu ne correspond.");
        if (closest == null || closest.matched() == 0) {
            message.append(" Aucune colonne reconnue ; formats attendus : ").append(String.join(", ",
                    mappings.values().stream().map(FileMapping::description).sorted().toList())).append('.');
        } else {
            FileMapping mapping = closest.mapping();
            message.append(" Le plus proche est « ").append(mapping.description()).append(" » : colonnes reconnues ")
                    .append(names(mapping.columns().stream().filter(c -> closest.columnIndex().containsKey(c.name())).toList()))
                    .append(" (").append(closest.matched()).append(" sur au moins ").append(mapping.minMatchedColumns())
                    .append(" attendues) ; colonnes attendues ").append(names(mapping.columns())).append('.');
        }
        if (quotable != null) {
            message.append(" Début de la ligne : « ").append(Printable.excerpt(quotable, MAX_QUOTE)).append(" »");
        }
        return message.toString();
    }

    private static String names(List<ColumnMapping> columns) {
        return String.join(", ", columns.stream().map(c -> "« " + c.aliases().get(0) + " »").toList());
    }

    /**
     * One warning per cell up to {@link #MAX_HEADER_WARNINGS}, then one line counting the rest: a hostile header of
     * 100,000 unknown columns must not become 100,000 warnings in import_batch (which the dashboard reads).
     */
    private static void addCapped(List<String> warnings, List<String> cells, String prefix, String what) {
        cells.stream().limit(MAX_HEADER_WARNINGS).forEach(c -> warnings.add(prefix + abbreviate(c) + " »"));
        if (cells.size() > MAX_HEADER_WARNINGS) {
            warnings.add("… et " + (cells.size() - MAX_HEADER_WARNINGS) + " autres " + what + " (" + cells.size() + " en tout)");
        }
    }

    /** A TAB paste without header starts with data: a date in its first or second cell. */
    private FileMapping headerlessCandidate(char delimiter, List<String> cells) {
        if (delimiter != '\t') {
            return null;
        }
        return mappings.values().stream()
                .filter(m -> !m.headerlessLayout().isEmpty())
                .filter(m -> cells.size() >= m.headerlessLayout().size() - 2)
                .filter(m -> LeadingLabelShift.isDate(cells.get(0)) || (cells.size() > 1 && LeadingLabelShift.isDate(cells.get(1))))
                .findFirst().orElse(null);
    }

    private FileProfile withDates(Path file, DetectedEncoding encoding, char delimiter, boolean hasHeader, FileMapping mapping,
                                  Map<String, Integer> index, int cellCount, int firstDataLine, List<String> warnings)
            throws IOException {
        List<Integer> dateColumns = mapping.columns().stream()
                .filter(c -> c.type() == ColumnType.DATE && index.containsKey(c.name()))
                .map(c -> index.get(c.name())).toList();
        LocalDate min = null;
        LocalDate max = null;
        int dataRows = 0;
        int headerLines = 0;
        int blankLines;
        RowShape shape = new FullRowShape(cellCount, dateColumns);
        try (RecordReader reader = new RecordReader(EncodingDetector.open(file, encoding), delimiter, shape)) {
            for (LogicalRecord row = reader.next(); row != null; row = reader.next()) {
                if (row.firstLine() < firstDataLine) {
                    headerLines += row.lineCount();
                    continue;
                }
                dataRows++;
                if (!row.isReadable()) {
                    continue;
                }
                for (int position = 0; position < row.cells().size(); position++) {
                    int column = mapping.leadingLabelShift() && LeadingLabelShift.applies(row.cells()) ? position - 1 : position;
                    if (!dateColumns.contains(column)) {
                        continue;
                    }
                    LocalDate full = fullDate(row.cells().get(position));
                    if (full != null) {
                        min = min == null || full.isBefore(min) ? full : min;
                        max = max == null || full.isAfter(max) ? full : max;
                    }
                }
            }
            blankLines = reader.blankLines();
        }
        return new FileProfile(mapping.kind(), encoding, delimiter, hasHeader, index, cellCount, firstDataLine, min, max,
                dataRows, List.copyOf(warnings), dateColumns, headerLines, blankLines);
    }

    private static LocalDate fullDate(String text) {
        try {
            LegacyDate date = LegacyDateParser.parse(text);
            return date != null && date.hasYear() ? date.date() : null;
        } catch (ValueParseException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return Printable.excerpt(text, MAX_QUOTE);
    }
}
