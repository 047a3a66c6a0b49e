package dev.backchannel.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario measured, with the sizes it ran at; {@code error} is set when it could not finish. */
public final class ScenarioReport {

    private final String name;
    private final String title;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private String error;

    public ScenarioReport(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public ScenarioReport parameter(String key, Object value) {
        parameters.put(key, value);
        return this;
    }

    public ScenarioReport add(Figure figure) {
        figures.add(figure);
        return this;
    }

    public ScenarioReport detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public void failed(Throwable cause) {
        error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public List<Figure> figures() {
        return figures;
    }

    public Map<String, Object> details() {
        return details;
    }

    public String error() {
        return error;
    }
}
