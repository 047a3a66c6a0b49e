package dev.backchannel.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code report.json} (every figure, machine-readable) and {@code report.md} (the readable table). */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void write(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("report.json").toFile(), toMap(report));
            Files.writeString(dir.resolve("report.md"), markdown(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> toMap(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", report.mode());
        root.put("startedAt", report.startedAt().toString());
        root.put("seconds", round(report.seconds()));
        root.put("environment", report.environment());
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioReport scenario : report.scenarios()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", scenario.name());
            s.put("title", scenario.title());
            s.put("status", scenario.error() == null ? "ok" : "error");
            s.put("error", scenario.error());
            s.put("parameters", scenario.parameters());
            List<Map<String, Object>> figures = new ArrayList<>();
            for (Figure figure : scenario.figures()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", figure.name());
                f.put("value", number(figure.value()));
                f.put("unit", figure.unit());
                f.put("target", figure.target());
                f.put("baseline", number(figure.baseline()));
                f.put("ratioToBaseline", number(figure.ratio()));
                f.put("ceiling", number(figure.ceiling()));
                f.put("ratioToCeiling", number(figure.ceilingRatio()));
                f.put("verdict", figure.verdict().toString());
                f.put("limits", figure.limits());
                figures.add(f);
            }
            s.put("figures", figures);
            s.put("details", scenario.details());
            scenarios.add(s);
        }
        root.put("scenarios", scenarios);
        root.put("charts", report.charts());
        return root;
    }

    /** The readable table: one row per figure. */
    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Backchannel benchmark — ").append(report.mode()).append(" run\n\n");
        md.append("Started ").append(report.startedAt()).append(", took ").append(String.format(Locale.ROOT, "%.0f",
                report.seconds())).append(" s. ");
        md.append(report.environment().getOrDefault("summary", "")).append("\n\n");
        md.append(table(report));
        md.append("\nRatio = our figure / the baseline's under the same load, in the same run (for rates higher is ")
                .append("better, for latency and memory lower is better). The baseline is a plain Vert.x websocket ")
                .append("server writing the same frames to the same sockets; for fan-out it is fed by the same broker ")
                .append("(a durable subscription like the gateway's), and the ceiling is the same server with no ")
                .append("broker, publishing the plan itself. For presence the baseline is the same gateway, in the same ")
                .append("session, without presence churn (the runs before and after the churn).\n");
        for (ScenarioReport scenario : report.scenarios()) {
            if (scenario.error() != null) {
                md.append("\n**").append(scenario.title()).append(" did not finish:** ").append(scenario.error())
                        .append("\n");
            }
        }
        md.append("\n## Sizes\n\n");
        for (ScenarioReport scenario : report.scenarios()) {
            md.append("- **").append(scenario.title()).append("**: ");
            List<String> parts = new ArrayList<>();
            scenario.parameters().forEach((k, v) -> parts.add(k + " " + v));
            md.append(String.join(", ", parts)).append("\n");
        }
        if (!report.charts().isEmpty()) {
            md.append("\n## Charts\n\n");
            for (String chart : report.charts()) {
                md.append("![").append(chart).append("](").append(chart).append(")\n");
            }
        }
        return md.toString();
    }

    public static String table(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | figure | ours | target | baseline | ratio | ceiling | ratio | verdict | what limits us |\n");
        md.append("|---|---|---:|---|---:|---:|---:|---:|---|---|\n");
        for (ScenarioReport scenario : report.scenarios()) {
            for (Figure figure : scenario.figures()) {
                md.append("| ").append(scenario.title()).append(" | ").append(figure.name()).append(" | ")
                        .append(format(figure.value())).append(' ').append(figure.unit()).append(" | ")
                        .append(figure.target() == null ? "" : figure.target()).append(" | ")
                        .append(Double.isNaN(figure.baseline()) ? "" : format(figure.baseline()) + " " + figure.unit())
                        .append(" | ").append(Double.isNaN(figure.ratio()) ? "" : String.format(Locale.ROOT, "%.2f",
                                figure.ratio()))
                        .append(" | ").append(Double.isNaN(figure.ceiling()) ? "" : format(figure.ceiling()) + " "
                                + figure.unit())
                        .append(" | ").append(Double.isNaN(figure.ceilingRatio()) ? "" : String.format(Locale.ROOT,
                                "%.2f", figure.ceilingRatio()))
                        .append(" | ").append(figure.verdict()).append(" | ")
                        .append(figure.limits() == null ? "" : figure.limits()).append(" |\n");
            }
            if (scenario.error() != null) {
                md.append("| ").append(scenario.title()).append(" | did not finish | | | | | | | error | ")
                        .append(scenario.error().replace("|", "/")).append(" |\n");
            }
        }
        return md.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Object number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : round(value);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
