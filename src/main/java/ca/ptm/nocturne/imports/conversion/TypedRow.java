package ca.ptm.nocturne.imports.conversion;

import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.mapping.ColumnMapping;
import ca.ptm.nocturne.imports.mapping.FileMapping;
import ca.ptm.nocturne.imports.parsing.AmountParser;
import ca.ptm.nocturne.imports.parsing.BooleanParser;
import ca.ptm.nocturne.imports.parsing.ClockTimeParser;
import ca.ptm.nocturne.imports.parsing.LegacyDate;
import ca.ptm.nocturne.imports.parsing.LegacyDateParser;
import ca.ptm.nocturne.imports.parsing.LegacyDateTimeParser;
import ca.ptm.nocturne.imports.parsing.PitchParser;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import ca.ptm.nocturne.imports.parsing.ValueParseException;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one row, by logical column name, read with the types the mapping file declares. Every cell is read
 * before the row is judged, so a rejected row lists all its problems at once. A bad pitch or clock time is only a
 * warning: the business keeps those rows with the value left empty.
 */
public final class TypedRow {

    private final InboxFile file;
    private final int line;
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final List<FieldProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Integer seasonYear;

    TypedRow(InboxFile file, FileMapping mapping, List<String> cells, int line, Integer seasonYear) {
        this.file = file;
        this.line = line;
        this.seasonYear = seasonYear;
        for (ColumnMapping column : mapping.columns()) {
            Integer position = file.columnIndex().get(column.name());
            String raw = position == null || position >= cells.size() ? null : cells.get(position).strip();
            if (TextNormalizer.isBlank(raw) || column.isNullMarker(raw)) {
                raw = null;
            }
            texts.put(column.name(), raw);
            if (raw == null) {
                if (column.required()) {
                    problems.add(new FieldProblem(column.name(), null, RejectCode.MISSING_REQUIRED,
                            "Champ obligatoire vide : « " + column.aliases().get(0) + " »"));
                }
                continue;
            }
            read(column, raw);
        }
    }

    private void read(ColumnMapping column, String raw) {
        try {
            values.put(column.name(), switch (column.type()) {
                case TEXT -> raw;
                case DATE -> LegacyDateParser.parse(raw);
                case DATETIME -> LegacyDateTimeParser.parseInstant(raw, BusinessTime.ZONE);
                case TIME -> ClockTimeParser.parse(raw);
                case AMOUNT -> AmountParser.parse(raw);
                case DECIMAL -> AmountParser.parseDecimal(raw);
                case INTEGER -> AmountParser.parseInteger(raw);
                case BOOLEAN -> BooleanParser.parse(raw);
                case PITCH -> PitchParser.parse(raw);
            });
        } catch (ValueParseException e) {
            if (column.type() == ca.ptm.nocturne.imports.mapping.ColumnType.PITCH
                    || column.type() == ca.ptm.nocturne.imports.mapping.ColumnType.TIME) {
                warn("BAD_" + column.type().name(), e.getMessage());
            } else {
                problems.add(new FieldProblem(column.name(), raw, e.rejectCode(), e.getMessage()));
            }
        }
    }

    List<FieldProblem> problems() {
        return problems;
    }

    public InboxFile file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The season year given to the job ({@code --year}), the last source for yearless dates. */
    public Integer seasonYear() {
        return seasonYear;
    }

    /** The cell's text, trimmed; null when blank or a null marker ("?", "None", "à suivre"). */
    public String text(String column) {
        return texts.get(column);
    }

    public LegacyDate date(String column) {
        return (LegacyDate) values.get(column);
    }

    public Instant instant(String column) {
        return (Instant) values.get(column);
    }

    public LocalTime time(String column) {
        return (LocalTime) values.get(column);
    }

    public BigDecimal decimal(String column) {
        return (BigDecimal) values.get(column);
    }

    public Integer integer(String column) {
        return (Integer) values.get(column);
    }

    public Boolean bool(String column) {
        return (Boolean) values.get(column);
    }

    /** A note kept with the written row, as "CODE: message". */
    public void warn(String code, String message) {
        warnings.add(code + ": " + message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public RowRejectedException reject(String column, RejectCode code, String message) {
        return new RowRejectedException(column, text(column), code, message);
    }
}
