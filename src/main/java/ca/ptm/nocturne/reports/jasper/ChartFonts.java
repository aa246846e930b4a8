package ca.ptm.nocturne.reports.jasper;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;

/**
 * DejaVu Sans for the charts, loaded from the jasperreports-fonts jar rather than the system: a server without
 * fonts installed would otherwise draw the accents of "Humidité" with whatever AWT finds.
 */
public final class ChartFonts {

    private static final String REGULAR = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static volatile Font base;

    private ChartFonts() {
    }

    public static Font sans(int style, float size) {
        return base().deriveFont(style, size);
    }

    private static Font base() {
        if (base == null) {
            synchronized (ChartFonts.class) {
                if (base == null) {
                    base = load();
                }
            }
        }
        return base;
    }

    private static Font load() {
        try (InputStream in = ChartFonts.class.getClassLoader().getResourceAsStream(REGULAR)) {
            if (in == null) {
                return new Font(Font.SANS_SERIF, Font.PLAIN, 10);
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        }
    }
}
