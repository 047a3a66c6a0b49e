package dev.backchannel.desktop.chaos;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.property.LongProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** A switch and a slider per fault, and the queue delay range; every change is applied live. */
public final class ChaosView {

    private static final double MAX_DELAY_MS = 10_000;

    private final VBox root = new VBox(10);

    public ChaosView(ChaosViewModel model) {
        Label title = new Label("Chaos");
        title.getStyleClass().add(Styles.TITLE_4);
        Label status = new Label();
        status.setId("chaosStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (FaultSwitch fault : model.switches()) {
            ToggleSwitch toggle = new ToggleSwitch();
            toggle.setId("chaos-" + fault.key());
            Label name = new Label(fault.label());
            name.setLabelFor(toggle);
            name.setOnMouseClicked(event -> toggle.setSelected(!toggle.isSelected()));
            Tooltip.install(name, new Tooltip(fault.explanation()));
            toggle.selectedProperty().bindBidirectional(fault.onProperty());
            toggle.selectedProperty().addListener((obs, old, on) -> model.apply());
            Tooltip.install(toggle, new Tooltip(fault.explanation()));
            Slider level = slider(0, 1, "chaos-" + fault.key() + "-level", model);
            level.valueProperty().bindBidirectional(fault.levelProperty());
            level.disableProperty().bind(fault.onProperty().not());
            Label percent = new Label();
            percent.textProperty().bind(fault.levelProperty().multiply(100).asString("%.0f %%"));
            grid.addRow(row++, toggle, name, level, percent);
        }
        grid.addRow(row++, new Label(), new Label("Queue delay min"), delay("chaos-delayMin", model.delayMinMsProperty(), model),
                delayLabel(model.delayMinMsProperty()));
        grid.addRow(row, new Label(), new Label("Queue delay max"), delay("chaos-delayMax", model.delayMaxMsProperty(), model),
                delayLabel(model.delayMaxMsProperty()));
        grid.disableProperty().bind(model.availableProperty().not());

        root.getChildren().addAll(title, status, grid);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("chaos");
    }

    private static Slider delay(String id, LongProperty value, ChaosViewModel model) {
        Slider slider = slider(0, MAX_DELAY_MS, id, model);
        slider.setBlockIncrement(250);
        slider.valueProperty().bindBidirectional(value);
        return slider;
    }

    private static Label delayLabel(LongProperty value) {
        Label label = new Label();
        label.textProperty().bind(value.asString("%d ms"));
        return label;
    }

    /** Applies when the user lets go of the thumb, or moves it by click or key. */
    private static Slider slider(double min, double max, String id, ChaosViewModel model) {
        Slider slider = new Slider(min, max, min);
        slider.setId(id);
        slider.setPrefWidth(220);
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.apply();
            }
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!slider.isValueChanging() && slider.isFocused()) {
                model.apply();
            }
        });
        return slider;
    }

    public Parent root() {
        return root;
    }
}
