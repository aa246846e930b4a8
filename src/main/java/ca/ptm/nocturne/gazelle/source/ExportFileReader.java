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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads Gazelle's CSV exports of one kind (the files source), one file after the other, with the same record
 * reader as the legacy import (encodings, quotes, line breaks in comments). Its position is saved with each chunk.
 *
 * <p>The rows are parsed and mapped on a thread of the reader's own, a bounded queue ahead of the chunk being
 * written: parsing is the JVM's work, writing is PostgreSQL's, and on two cores both run at once. Each row carries
 * the position after it, so what is saved with a chunk is the position of the last row handed out, never of a row
 * parsed ahead.
 */
public class ExportFileReader implements ItemStreamReader<SyncItem> {

    private static final String FILE_INDEX = "export.fileIndex";
    private static final String LINES = "export.linesConsumed";
    private static final int AHEAD = 4096;

    private final List<Path> files;
    private final GazelleEntity entity;
    private final ExportRowMapper mapper;
    private int fileIndex;
    private int resumeLines;
    private long recordsRead;
    private Parser parser;

    public ExportFileReader(List<Path> files, GazelleEntity entity, ExportRowMapper mapper) {
        this.files = List.copyOf(files);
        this.entity = entity;
        this.mapper = mapper;
    }

    /** One parsed row with the position after it; or the end of the files; or what went wrong. */
    private record Parsed(SyncItem item, int fileIndex, int linesConsumed, Throwable failure) {
        static final Parsed END = new Parsed(null, -1, -1, null);
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        resumeLines = context.getInt(LINES, 0);
        recordsRead = context.getLong(SyncCounts.SOURCE_READ, 0L);
    }

    @Override
    public SyncItem read() throws Exception {
        if (parser == null) {
            parser = new Parser(fileIndex, resumeLines);
            parser.start();
        }
        Parsed next = parser.take();
        if (next.failure() instanceof Exception failure) {
            throw failure;
        }
        if (next.failure() instanceof Error error) {
            throw error;
        }
        if (next == Parsed.END) {
            fileIndex = files.size();
            resumeLines = 0;
            return null;
        }
        fileIndex = next.fileIndex();
        resumeLines = next.linesConsumed();
        recordsRead++;
        return next.item();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putInt(LINES, resumeLines);
        context.putLong(SyncCounts.SOURCE_READ, recordsRead);
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.interrupt();
            try {
                parser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            parser = null;
        }
    }

    /** The thread that reads the files from a position and queues their rows. */
    private final class Parser extends Thread {

        private final BlockingQueue<Parsed> queue = new ArrayBlockingQueue<>(AHEAD);
        private final int startFile;
        private final int startLines;

        Parser(int startFile, int startLines) {
            super("export-reader-" + entity.name().toLowerCase());
            setDaemon(true);
            this.startFile = startFile;
            this.startLines = startLines;
        }

        Parsed take() throws InterruptedException {
            return queue.take();
        }

        @Override
        public void run() {
            try {
                for (int index = startFile; index < files.size(); index++) {
                    parse(index, index == startFile ? startLines : 0);
                }
                queue.put(Parsed.END);
            } catch (InterruptedException closed) {
                // the step is over
            } catch (Throwable e) {
                try {
                    queue.put(new Parsed(null, -1, -1, e));
                } catch (InterruptedException closed) {
                    // the step is over
                }
            }
        }

        private void parse(int index, int skipToLine) throws IOException, InterruptedException {
            Path file = files.get(index);
            DetectedEncoding encoding = EncodingDetector.detect(file);
            String firstLine;
            try (RecordReader probe = new RecordReader(EncodingDetector.open(file, encoding), ',')) {
                firstLine = probe.next().text();
            }
            try (RecordReader reader = new RecordReader(EncodingDetector.open(file, encoding), DelimiterDetector.detect(firstLine))) {
                LogicalRecord headerRecord = reader.next();
                if (headerRecord == null || !headerRecord.isReadable()) {
                    throw new ItemStreamException("En-tête illisible dans l'export Gazelle " + file);
                }
                List<String> header = headerRecord.cells().stream().map(String::strip).toList();
                if (skipToLine > reader.linesConsumed()) {
                    reader.skipLines(skipToLine - reader.linesConsumed());
                }
                String name = file.getFileName().toString();
                for (LogicalRecord record = reader.next(); record != null; record = reader.next()) {
                    if (isInterrupted()) {
                        throw new InterruptedException();
                    }
                    queue.put(new Parsed(toItem(name, header, record), index, reader.linesConsumed(), null));
                }
            }
        }
    }

    private SyncItem toItem(String file, List<String> header, LogicalRecord record) {
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
}
