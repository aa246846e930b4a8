package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.exports.ExportRow;
import ca.ptm.nocturne.gazelle.exports.ExportRowMapper;
import ca.ptm.nocturne.gazelle.exports.ExportRowResult;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.gazelle.sync.SyncItem;
import ca.ptm.nocturne.imports.parsing.DelimiterDetector;
import ca.ptm.nocturne.imports.parsing.EncodingDetector;
import ca.ptm.nocturne.imports.parsing.EncodingDetector.DetectedEncoding;
import ca.ptm.nocturne.imports.reading.LogicalRecord;
import ca.ptm.nocturne.imports.reading.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads Gazelle's CSV exports of one kind (the files source), one file after the other, with the same record
 * reader as the legacy import (encodings, quotes, line breaks in comments). Its position is saved with each chunk.
 */
public class ExportFileReader implements ItemStreamReader<SyncItem> {

    private static final String FILE_INDEX = "export.fileIndex";
    private static final String LINES = "export.linesConsumed";

    private final List<Path> files;
    private final GazelleEntity entity;
    private final ExportRowMapper mapper;
    private int fileIndex;
    private int resumeLines;
    private long recordsRead;
    private RecordReader current;
    private List<String> header;

    public ExportFileReader(List<Path> files, GazelleEntity entity, ExportRowMapper mapper) {
        this.files = List.copyOf(files);
        this.entity = entity;
        this.mapper = mapper;
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        resumeLines = context.getInt(LINES, 0);
        recordsRead = context.getLong(SyncCounts.SOURCE_READ, 0L);
    }

    @Override
    public SyncItem read() throws IOException {
        while (fileIndex < files.size()) {
            if (current == null) {
                openFile(files.get(fileIndex));
            }
            LogicalRecord record = current.next();
            if (record == null) {
                close();
                fileIndex++;
                resumeLines = 0;
                continue;
            }
            resumeLines = current.linesConsumed();
            recordsRead++;
            return toItem(record);
        }
        return null;
    }

    private SyncItem toItem(LogicalRecord record) {
        String file = files.get(fileIndex).getFileName().toString();
        if (!record.isReadable()) {
            return SyncItem.skipped(entity, new SyncItem.Skip(null, record.firstLine(), record.problem().name(),
                    file + " : " + record.problemMessage(), record.text()));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), i < record.cells().size() ? record.cells().get(i).strip() : "");
        }
        ExportRowResult result = mapper.map(new ExportRow(record.firstLine(), cells));
        if (result instanceof ExportRowResult.Mapped mapped) {
            return SyncItem.of(mapped.record());
        }
        if (result instanceof ExportRowResult.Noise noise) {
            return SyncItem.skipped(entity, new SyncItem.Skip(null, record.firstLine(), "NOISE", noise.reason(), null));
        }
        ExportRowResult.Invalid invalid = (ExportRowResult.Invalid) result;
        return SyncItem.skipped(entity, new SyncItem.Skip(null, record.firstLine(), "INVALID",
                file + ", ligne " + record.firstLine() + ", " + invalid.field() + " : " + invalid.message(), record.text()));
    }

    private void openFile(Path file) throws IOException {
        DetectedEncoding encoding = EncodingDetector.detect(file);
        String firstLine;
        try (RecordReader probe = new RecordReader(EncodingDetector.open(file, encoding), ',')) {
            firstLine = probe.next().text();
        }
        current = new RecordReader(EncodingDetector.open(file, encoding), DelimiterDetector.detect(firstLine));
        LogicalRecord headerRecord = current.next();
        if (headerRecord == null || !headerRecord.isReadable()) {
            throw new ItemStreamException("En-tête illisible dans l'export Gazelle " + file);
        }
        header = headerRecord.cells().stream().map(String::strip).toList();
        if (resumeLines > current.linesConsumed()) {
            current.skipLines(resumeLines - current.linesConsumed());
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putInt(LINES, resumeLines);
        context.putLong(SyncCounts.SOURCE_READ, recordsRead);
    }

    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new ItemStreamException("Cannot close " + files.get(fileIndex), e);
            }
            current = null;
        }
    }
}
