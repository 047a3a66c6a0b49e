package dev.backchannel.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The report's PNG charts (xchart, headless). Each method writes one file and returns its name. */
public final class Charts {

    private static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 100.0);
    private static final List<String> PERCENTILE_NAMES = List.of("p50", "p90", "p99", "p99.9", "max");

    private final Path dir;

    public Charts(Path dir) {
        this.dir = dir;
        System.setProperty("java.awt.headless", "true");
    }

    /** Latency at p50 ... max, one bar group per series, in milliseconds. */
    public String percentiles(String file, String title, Map<String, Histogram> series) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("percentile").yAxisTitle("latency (ms)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        series.forEach((name, histogram) -> {
            if (histogram.getTotalCount() > 0) {
                List<Double> values = new ArrayList<>();
                for (double p : PERCENTILES) {
                    values.add(histogram.getValueAtPercentile(p) / 1000.0);
                }
                chart.addSeries(name, PERCENTILE_NAMES, values);
            }
        });
        return save(chart, file, chart.getSeriesMap().isEmpty());
    }

    /** One bar per entry. */
    public String bars(String file, String title, String yTitle, Map<String, Double> values) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        List<String> names = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!Double.isNaN(value)) {
                names.add(name);
                numbers.add(value);
            }
        });
        if (!names.isEmpty()) {
            chart.addSeries(yTitle, names, numbers);
        }
        return save(chart, file, names.isEmpty());
    }

    /** How many had completed by when: one cumulative line per series (histograms of completion times). */
    public String cumulative(String file, String title, String yTitle, Map<String, Histogram> series) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("ms after the drop")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        series.forEach((name, histogram) -> {
            if (histogram.getTotalCount() > 0) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                xs.add(0.0);
                ys.add(0.0);
                for (HistogramIterationValue value : histogram.recordedValues()) {
                    xs.add(value.getValueIteratedTo() / 1000.0);
                    ys.add((double) value.getTotalCountToThisValue());
                }
                chart.addSeries(name, xs, ys);
            }
        });
        return save(chart, file, chart.getSeriesMap().isEmpty());
    }

    private String save(Chart<?, ?> chart, String file, boolean empty) {
        if (empty) {
            return null;
        }
        try {
            BitmapEncoder.saveBitmap(chart, dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
