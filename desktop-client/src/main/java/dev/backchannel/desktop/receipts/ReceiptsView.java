package dev.backchannel.desktop.receipts;

import atlantafx.base.theme.Styles;
import dev.backchannel.client.receipts.ReceiptState;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Every command this user sent, newest first: what, state, timeline, attempts, outcome. */
public final class ReceiptsView {

    private final TableView<ReceiptRow> table = new TableView<>();

    public ReceiptsView(ReceiptsViewModel model) {
        table.setId("receiptsTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("Commands you send show up here with their timeline."));
        table.getStyleClass().addAll(Styles.DENSE, Styles.BORDERED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Command", 150, ReceiptRow::actionProperty));
        TableColumn<ReceiptRow, ReceiptState> state = column("State", 85, ReceiptRow::stateProperty);
        state.setCellFactory(column -> new StateCell());
        table.getColumns().add(state);
        table.getColumns().add(column("Timeline", 420, ReceiptRow::timelineProperty));
        table.getColumns().add(column("Attempts", 150, ReceiptRow::attemptsProperty));
        table.getColumns().add(column("Outcome", 200, ReceiptRow::messageProperty));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ReceiptRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(String.join("\n", row.actionProperty().get(),
                        row.timelineProperty().get(), row.attemptsProperty().get(), row.messageProperty().get()).strip()));
            }
        });
    }

    private static <T> TableColumn<ReceiptRow, T> column(String title, double width,
            Function<ReceiptRow, ObservableValue<T>> value) {
        TableColumn<ReceiptRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    /** The state as a coloured word. */
    private static final class StateCell extends TableCell<ReceiptRow, ReceiptState> {
        @Override
        protected void updateItem(ReceiptState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
            if (empty || state == null) {
                setText(null);
                return;
            }
            setText(state.name().toLowerCase(Locale.ROOT));
            getStyleClass().add(switch (state) {
                case SUCCEEDED -> Styles.SUCCESS;
                case FAILED, REJECTED -> Styles.DANGER;
                case UNKNOWN -> Styles.WARNING;
                case SENDING, ACCEPTED -> Styles.ACCENT;
            });
        }
    }

    public Parent root() {
        return table;
    }
}
