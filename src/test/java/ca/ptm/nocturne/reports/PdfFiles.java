package ca.ptm.nocturne.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** What the tests read back from a PDF with PDFBox: its text, its page count, its fonts; and the README images. */
final class PdfFiles {

    private PdfFiles() {
    }

    /** The text of every page, no-break spaces kept (amounts are checked with their U+00A0). */
    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    /** Names of the fonts that are not embedded (should be none: the PDF must print the same everywhere). */
    static List<String> fontsNotEmbedded(Path pdf) throws IOException {
        List<String> missing = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        missing.add(font.getName());
                    }
                }
            }
        }
        return missing;
    }

    static int fontCount(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int count = 0;
            for (PDPage page : document.getPages()) {
                for (COSName ignored : page.getResources().getFontNames()) {
                    count++;
                }
            }
            return count;
        }
    }

    /** First page at 100 dpi: small enough to commit, sharp enough to judge the layout. */
    static void firstPageAsPng(Path pdf, Path png) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100);
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
        }
    }
}
