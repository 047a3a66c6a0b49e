package dev.backchannel.desktop.items;

import atlantafx.base.theme.Styles;
import dev.backchannel.schemas.ItemStatus;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The shared list: a form to add, the live table (recent changes highlighted), and edits of the selected row. */
public final class ItemsView {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");

    private final BorderPane root = new BorderPane();
    private final TableView<ItemRow> table = new TableView<>();

    public ItemsView(ItemsViewModel model) {
        TextField newTitle = new TextField();
        newTitle.setId("newTitle");
        newTitle.setPromptText("What needs doing?");
        newTitle.textProperty().bindBidirectional(model.newTitleProperty());
        newTitle.setOnAction(event -> model.create());
        HBox.setHgrow(newTitle, Priority.ALWAYS);
        ComboBox<ItemStatus> newStatus = statusBox("newStatus");
        newStatus.valueProperty().bindBidirectional(model.newStatusProperty());
        Button add = new Button("Add");
        add.setId("addItem");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(model.canCreateProperty().not());
        add.setOnAction(event -> model.create());
        add.setMinWidth(Button.USE_PREF_SIZE);
        HBox addBar = new HBox(8, newTitle, newStatus, add);
        addBar.setAlignment(Pos.CENTER_LEFT);

        table.setId("itemsTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No items yet: add one above, or wait for someone else to."));
        table.getStyleClass().addAll(Styles.STRIPED, Styles.BORDERED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("Title", 260, ItemRow::titleProperty));
        table.getColumns().add(column("Last change", 180, ItemRow::lastChangeProperty));
        table.getColumns().add(column("Status", 80, row -> row.statusProperty().map(ItemStatus::wireName)));
        table.getColumns().add(column("Version", 70, ItemRow::versionProperty));
        table.getColumns().forEach(column -> column.setMinWidth(column.getPrefWidth() * 0.7));
        table.setRowFactory(view -> highlightedRow());

        root.setTop(addBar);
        root.setCenter(table);
        root.setBottom(editBar(model));
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        root.getStyleClass().add("items");
    }

    private HBox editBar(ItemsViewModel model) {
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        TextField editTitle = new TextField();
        editTitle.setId("editTitle");
        editTitle.setPromptText("Rename the selected item");
        editTitle.textProperty().bindBidirectional(model.editTitleProperty());
        model.editingTitleProperty().bind(editTitle.focusedProperty());
        HBox.setHgrow(editTitle, Priority.ALWAYS);
        Button rename = action("rename", "Rename", model::renameSelected);
        editTitle.setOnAction(event -> model.renameSelected());
        HBox bar = new HBox(8, editTitle, rename,
                action("markTodo", "To do", () -> model.changeSelectedStatus(ItemStatus.TODO)),
                action("markDoing", "Doing", () -> model.changeSelectedStatus(ItemStatus.DOING)),
                action("markDone", "Done", () -> model.changeSelectedStatus(ItemStatus.DONE)),
                action("deleteItem", "Delete", model::deleteSelected));
        bar.lookup("#deleteItem").getStyleClass().add(Styles.DANGER);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(model.hasSelectionProperty().not());
        return bar;
    }

    private static Button action(String id, String text, Runnable command) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> command.run());
        button.setMinWidth(Button.USE_PREF_SIZE);
        return button;
    }

    private static ComboBox<ItemStatus> statusBox(String id) {
        ComboBox<ItemStatus> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(ItemStatus.values());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ItemStatus status) {
                return status == null ? "" : status.wireName();
            }

            @Override
            public ItemStatus fromString(String text) {
                return ItemStatus.valueOf(text.toUpperCase(java.util.Locale.ROOT));
            }
        });
        box.setMinWidth(ComboBox.USE_PREF_SIZE);
        return box;
    }

    private static <T> TableColumn<ItemRow, T> column(String title, double width,
            Function<ItemRow, ObservableValue<T>> value) {
        TableColumn<ItemRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    private static TableRow<ItemRow> highlightedRow() {
        return new TableRow<>() {
            private final javafx.beans.value.ChangeListener<Boolean> refresh = (obs, old, now) -> restyle();

            @Override
            protected void updateItem(ItemRow row, boolean empty) {
                ItemRow before = getItem();
                if (before != null) {
                    before.highlightedProperty().removeListener(refresh);
                    before.deletedProperty().removeListener(refresh);
                }
                super.updateItem(row, empty);
                if (row != null && !empty) {
                    row.highlightedProperty().addListener(refresh);
                    row.deletedProperty().addListener(refresh);
                }
                restyle();
            }

            private void restyle() {
                ItemRow row = isEmpty() ? null : getItem();
                pseudoClassStateChanged(CHANGED, row != null && row.highlightedProperty().get());
                pseudoClassStateChanged(DELETED, row != null && row.deletedProperty().get());
            }
        };
    }

    public Parent root() {
        return root;
    }
}
