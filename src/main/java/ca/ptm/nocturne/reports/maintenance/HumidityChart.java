package ca.ptm.nocturne.reports.maintenance;

import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.jasper.ChartFonts;
import ca.ptm.nocturne.reports.model.ReportSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import java.text.NumberFormat;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The Entretien chart: the humidity measured on each day of the period, one line per institution (the daily
 * average when several pianos were measured). The readings are added as the log's rows stream by (a sum and a
 * count per institution and day, a few hundred numbers whatever the size of the log) and the chart is drawn once,
 * after the last row. JasperReports 7.0.6 has no charts module on Maven Central, so the chart is drawn with
 * JFreeChart and placed in the template as a PNG image ({@code chart} field), at twice its printed size for sharpness.
 */
public final class HumidityChart implements ReportSummary<MaintenanceRow> {

    static final int WIDTH = 1560;
    static final int HEIGHT = 420;
    /** Template field of the PNG, in the summary band. */
    public static final String FIELD = "chart";

    // hashed while the rows go by (a collator comparison per measurement adds up over a long log), sorted to draw
    private final Map<String, Map<LocalDate, double[]>> byInstitution = new HashMap<>();
    private final double bandMin;
    private final double bandMax;
    private Map<String, Object> fields;

    /** With the default band of the maintenance alerts, 35 to 55 %. */
    public HumidityChart() {
        this(35, 55);
    }

    /** @param bandMin @param bandMax the humidity band the pianos should stay in, drawn behind the lines */
    public HumidityChart(double bandMin, double bandMax) {
        this.bandMin = bandMin;
        this.bandMax = bandMax;
    }

    @Override
    public void add(MaintenanceRow row) {
        if (row.humidity() != null) {
            double[] sumAndCount = byInstitution.computeIfAbsent(row.institution(), k -> new TreeMap<>())
                    .computeIfAbsent(row.date(), k -> new double[2]);
            sumAndCount[0] += row.humidity().doubleValue();
            sumAndCount[1]++;
        }
    }

    /** The PNG under {@link #FIELD}, or nothing when the period holds no humidity reading (no chart is printed). */
    @Override
    public Map<String, Object> fields() {
        if (fields == null) {
            byte[] png = png();
            fields = png == null ? Map.of() : Map.of(FIELD, png);
        }
        return fields;
    }

    /** PNG bytes, or null when no humidity reading was added. */
    byte[] png() {
        if (byInstitution.isEmpty()) {
            return null;
        }
        Map<String, Map<LocalDate, double[]>> inFrenchOrder = new TreeMap<>(Collator.getInstance(FrenchFormat.LOCALE));
        inFrenchOrder.putAll(byInstitution);
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        inFrenchOrder.forEach((institution, days) -> {
            TimeSeries series = new TimeSeries(institution);
            days.forEach((day, sumAndCount) -> series.addOrUpdate(
                    new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), sumAndCount[0] / sumAndCount[1]));
            dataset.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createTimeSeriesChart(Messages.get("entretien.chart.title"), null,
                Messages.get("entretien.chart.axis"), dataset, true, false, false);
        style(chart);
        band(chart.getXYPlot(), dataset);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The target band as a shaded strip with its label, the axis wide enough to show it whole, and the axis numbers
     * in French ("41,5", not "41.5").
     */
    private void band(XYPlot plot, TimeSeriesCollection dataset) {
        IntervalMarker band = new IntervalMarker(bandMin, bandMax, new Color(0x2E, 0x7D, 0x32, 0x30));
        band.setLabel(Messages.get("entretien.chart.band") + " " + FrenchFormat.number(java.math.BigDecimal.valueOf(bandMin))
                + " à " + FrenchFormat.number(java.math.BigDecimal.valueOf(bandMax)) + " %");
        band.setLabelFont(ChartFonts.sans(Font.PLAIN, 18f));
        band.setLabelPaint(new Color(0x1B, 0x5E, 0x20));
        band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(band, Layer.BACKGROUND);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        NumberFormat french = NumberFormat.getNumberInstance(FrenchFormat.LOCALE);
        french.setMaximumFractionDigits(1);
        axis.setNumberFormatOverride(french);
        double low = bandMin;
        double high = bandMax;
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            for (int j = 0; j < dataset.getItemCount(i); j++) {
                double value = dataset.getYValue(i, j);
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        axis.setRange(Math.floor(low - 5), Math.ceil(high + 5));
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(ChartFonts.sans(Font.BOLD, 26f));
        chart.getLegend().setItemFont(ChartFonts.sans(Font.PLAIN, 20f));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.setDomainGridlinePaint(new Color(0xCCCCCC));
        DateAxis dates = (DateAxis) plot.getDomainAxis();
        dates.setDateFormatOverride(new SimpleDateFormat("d MMM", FrenchFormat.LOCALE));
        dates.setTickLabelFont(ChartFonts.sans(Font.PLAIN, 18f));
        plot.getRangeAxis().setTickLabelFont(ChartFonts.sans(Font.PLAIN, 18f));
        plot.getRangeAxis().setLabelFont(ChartFonts.sans(Font.PLAIN, 20f));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(3f));
        }
        plot.setRenderer(renderer);
    }
}
