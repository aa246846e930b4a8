package ca.ptm.nocturne.imports.conversion;

import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.mapping.FileMapping;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import ca.ptm.nocturne.imports.parsing.ValueParseException;
import ca.ptm.nocturne.imports.reading.ImportItem;
import ca.ptm.nocturne.imports.reading.LogicalRecord;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Judges each row on its own: realigns a pasted row shifted by a leading label, checks the column count, reads
 * the cells with their declared types and hands them to the kind's converter. Never filters: every row leaves as
 * accepted or rejected, so the writer can account for all of them.
 */
public class ImportRowProcessor implements ItemProcessor<ImportItem, RowOutcome> {

    private final FileMapping mapping;
    private final RowConverter<?> converter;
    private final Integer seasonYear;
    private final int longRecordLines;

    public ImportRowProcessor(FileMapping mapping, RowConverter<?> converter, Integer seasonYear) {
        this(mapping, converter, seasonYear, Integer.MAX_VALUE);
    }

    /** @param longRecordLines a row over more physical lines than this keeps a LONG_RECORD warning */
    public ImportRowProcessor(FileMapping mapping, RowConverter<?> converter, Integer seasonYear, int longRecordLines) {
        this.longRecordLines = longRecordLines;
        this.mapping = mapping;
        this.converter = converter;
        this.seasonYear = seasonYear;
    }

    @Override
    public RowOutcome process(ImportItem item) {
        RowPosition at = RowPosition.of(item);
        LogicalRecord record = item.record();
        InboxFile file = item.file();
        if (!record.isReadable()) {
            return rejected(at, new FieldProblem("", null, record.problem(), record.problemMessage()));
        }
        List<String> cells = record.cells();
        String shiftedLabel = null;
        if (mapping.leadingLabelShift() && LeadingLabelShift.applies(cells)) {
            shiftedLabel = cells.get(0);
            cells = cells.subList(1, cells.size());
        }
        int filled = lastFilledCell(cells) + 1;
        if (filled > file.cellCount()) {
            return rejected(at, new FieldProblem("", null, RejectCode.COLUMN_COUNT,
                    "Trop de colonnes remplies : " + filled + " pour " + file.cellCount() + " attendues"));
        }
        TypedRow typed = new TypedRow(file, mapping, cells, record.firstLine(), seasonYear);
        if (shiftedLabel != null) {
            typed.warn("SHIFTED_ROW", "Ligne décalée d'une colonne (« " + shiftedLabel + " » en tête) : réalignée");
        }
        if (record.lineCount() > longRecordLines) {
            typed.warn("LONG_RECORD", "Enregistrement sur " + record.lineCount() + " lignes (lignes " + record.firstLine() + " à "
                    + record.lastLine() + ") : un champ entre guillemets contient des sauts de ligne, vérifiez ses guillemets");
        }
        if (!typed.problems().isEmpty()) {
            return new RowOutcome.Rejected(at, typed.problems());
        }
        try {
            return new RowOutcome.Accepted<>(at, converter.convert(typed), typed.warnings());
        } catch (RowRejectedException e) {
            return new RowOutcome.Rejected(at, e.problems());
        } catch (ValueParseException e) {
            return rejected(at, new FieldProblem("", null, e.rejectCode(), e.getMessage()));
        }
    }

    private static RowOutcome rejected(RowPosition at, FieldProblem problem) {
        return new RowOutcome.Rejected(at, List.of(problem));
    }

    private static int lastFilledCell(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!TextNormalizer.isBlank(cells.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
