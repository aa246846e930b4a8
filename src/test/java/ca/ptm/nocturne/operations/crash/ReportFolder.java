package ca.ptm.nocturne.operations.crash;

import ca.ptm.nocturne.shared.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The files of a night's report folder, for comparing two nights: a CSV byte for byte; a PDF by its page count and
 * its text with the generation time (« Généré le … ») masked, since its bytes (compressed streams, creation date)
 * change with that time. A leftover {@code .part} file is listed like any other, so it shows.
 */
final class ReportFolder {

    private ReportFolder() {
    }

    static Map<String, String> of(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".pdf")) {
                    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                        String text = new PDFTextStripper().getText(pdf).replaceAll("Généré le [^\\n]*", "Généré le <heure>");
                        files.put(name, pdf.getNumberOfPages() + " page(s), text " + Sha256.hex(text));
                    }
                } else {
                    files.put(name, Files.size(file) + " bytes " + Sha256.hex(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }
}
