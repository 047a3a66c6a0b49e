package dev.backchannel.bench.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole run: how it ran, every scenario's figures, and the charts drawn from them. */
public final class Report {

    private final String mode;
    private final Instant startedAt;
    private final Map<String, Object> environment = new LinkedHashMap<>();
    private final List<ScenarioReport> scenarios = new ArrayList<>();
    private final List<String> charts = new ArrayList<>();
    private double seconds;

    public Report(String mode, Instant startedAt) {
        this.mode = mode;
        this.startedAt = startedAt;
    }

    public String mode() {
        return mode;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Map<String, Object> environment() {
        return environment;
    }

    public List<ScenarioReport> scenarios() {
        return scenarios;
    }

    public List<String> charts() {
        return charts;
    }

    public void chart(String file) {
        if (file != null) {
            charts.add(file);
        }
    }

    public double seconds() {
        return seconds;
    }

    public void finished(double totalSeconds) {
        seconds = totalSeconds;
    }
}
