package ca.ptm.nocturne.imports.reading;

import ca.ptm.nocturne.imports.inbox.FileChecksum;
import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.parsing.EncodingDetector;
import ca.ptm.nocturne.imports.parsing.EncodingDetector.DetectedEncoding;
import ca.ptm.nocturne.imports.inbox.FullRowShape;
import ca.ptm.nocturne.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads, one after the other, the inbox files of one kind. Its position (which file, how many physical lines of
 * it, how many data rows) is saved with every committed chunk, so a restart resumes on the line after the last
 * committed row. A file that changed since the first attempt is not resumed: its new bytes would be read from a
 * position that belongs to the old ones.
 */
public class InboxRowReader implements ItemStreamReader<ImportItem> {

    private static final String FILE_INDEX = "inbox.fileIndex";
    private static final String LINES = "inbox.linesConsumed";
    private static final String ROWS = "inbox.rowsRead";

    private final List<InboxFile> files;
    private int fileIndex;
    private int rowsRead;
    private int resumeLines;
    private RecordReader current;
    private MessageDigest digest;
    private LogicalRecord ahead;
    private int aheadHeaderLines;
    private int aheadBlankLines;

    public InboxRowReader(List<InboxFile> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        resumeLines = context.getInt(LINES, 0);
        rowsRead = context.getInt(ROWS, 0);
    }

    /**
     * Reads one record ahead, so the last record of a file is known to be the last: it travels flagged, and the
     * saved position is the one after the record returned, not after the one looked at.
     */
    @Override
    public ImportItem read() throws Exception {
        while (fileIndex < files.size()) {
            InboxFile file = files.get(fileIndex);
            if (current == null) {
                current = openAt(file, resumeLines);
                ahead = nextDataRecord(file);
            }
            LogicalRecord record = ahead;
            if (record == null) {
                nextFile();
                continue;
            }
            int headerLines = aheadHeaderLines;
            int blankLines = aheadBlankLines;
            resumeLines = current.linesConsumed();
            ahead = nextDataRecord(file);
            rowsRead++;
            String readSha = null;
            if (ahead == null) {
                blankLines += aheadBlankLines;
                readSha = HexFormat.of().formatHex(digest.digest());
            }
            ImportItem item = new ImportItem(file, record, ahead == null, rowsRead, headerLines, blankLines, readSha);
            if (ahead == null) {
                nextFile();
            }
            return item;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putInt(LINES, resumeLines);
        context.putInt(ROWS, rowsRead);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    /** The next data record, noting the header and blank lines passed on the way (the line accounting). */
    private LogicalRecord nextDataRecord(InboxFile file) throws IOException {
        int blankBefore = current.blankLines();
        int header = 0;
        LogicalRecord record = current.next();
        while (record != null && record.firstLine() < file.firstDataLine()) {
            header += record.lineCount();
            record = current.next();
        }
        aheadHeaderLines = header;
        aheadBlankLines = current.blankLines() - blankBefore;
        return record;
    }

    private void nextFile() {
        closeCurrent();
        fileIndex++;
        resumeLines = 0;
        rowsRead = 0;
    }

    private RecordReader openAt(InboxFile file, int lines) throws IOException {
        Path path = Path.of(file.path());
        if (lines > 0 && !file.sha256().equals(FileChecksum.sha256(path))) {
            throw new ItemStreamException("Le fichier " + file.fileName() + " a été modifié ou supprimé depuis le début de son "
                    + "import : remettez la version d'origine pour reprendre, ou abandonnez cette exécution et relancez l'import.");
        }
        DetectedEncoding encoding = new DetectedEncoding(Charset.forName(file.encoding()), file.encoding(), file.hasBom());
        // The digest sees every byte the reader decodes, from the first (a restart re-reads the lines it skips): the
        // SHA-256 recorded for the file is the one of the bytes actually imported.
        digest = Sha256.newDigest();
        InputStream bytes = new DigestInputStream(Files.newInputStream(path), digest);
        RecordReader reader = new RecordReader(EncodingDetector.open(bytes, path.toString(), encoding), file.delimiter(),
                FullRowShape.of(file));
        reader.skipLines(lines);
        return reader;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new ItemStreamException("Cannot close " + files.get(fileIndex).path(), e);
            }
            current = null;
        }
    }
}
