package dev.backchannel.desktop.chaos;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One fault rate of the chaos flags as a switch and a slider: the rate sent is the slider's level
 * (0 to 1) while the switch is on, and 0 while it is off. Turning it off keeps the level for later.
 */
public final class FaultSwitch {

    private static final double DEFAULT_LEVEL = 0.2;

    private final String key;
    private final String label;
    private final String explanation;
    private final BooleanProperty on = new SimpleBooleanProperty();
    private final DoubleProperty level = new SimpleDoubleProperty(DEFAULT_LEVEL);

    FaultSwitch(String key, String label, String explanation) {
        this.key = key;
        this.label = label;
        this.explanation = explanation;
    }

    /** The rate to send. */
    public double rate() {
        return on.get() ? Math.max(0, Math.min(1, level.get())) : 0;
    }

    /** Shows a rate loaded from the server. */
    void show(double rate) {
        on.set(rate > 0);
        if (rate > 0) {
            level.set(rate);
        }
    }

    /** The flag's name in the chaos document, such as {@code apiErrorRate}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    public BooleanProperty onProperty() {
        return on;
    }

    public DoubleProperty levelProperty() {
        return level;
    }
}
