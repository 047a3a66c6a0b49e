package dev.backchannel.desktop.items;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.items.ItemsListener;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live items of one window and the commands on them. The client library's {@link
 * dev.backchannel.client.items.ItemsView} is the truth; this mirrors it on the FX thread and
 * highlights each change for {@code highlightFor}. Edits carry the row's version, so an edit of a
 * stale row fails with a conflict for real.
 */
public final class ItemsViewModel {

    // Properties
    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList();
    private final StringProperty newTitle = new SimpleStringProperty("");
    private final ObjectProperty<ItemStatus> newStatus = new SimpleObjectProperty<>(ItemStatus.TODO);
    private final BooleanBinding canCreate = Bindings.createBooleanBinding(
            () -> newTitle.get() != null && !newTitle.get().isBlank(), newTitle);
    private final ObjectProperty<ItemRow> selected = new SimpleObjectProperty<>();
    private final StringProperty editTitle = new SimpleStringProperty("");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final BooleanProperty editingTitle = new SimpleBooleanProperty();

    private final Map<String, ItemRow> byId = new HashMap<>();
    private final BackchannelClient client;
    private final String me;
    private final Executor ui;
    private final Scheduler scheduler;
    private final Duration highlightFor;

    public ItemsViewModel(BackchannelClient client, String me, Executor ui, Scheduler scheduler, Duration highlightFor) {
        this.client = client;
        this.me = me;
        this.ui = ui;
        this.scheduler = scheduler;
        this.highlightFor = highlightFor;
        selected.addListener((obs, old, row) -> editTitle.set(row == null ? "" : row.title()));
        client.items().addListener(new ItemsListener() {
            @Override
            public void onReloaded(List<Item> items) {
                ui.execute(() -> reload(items));
            }

            @Override
            public void onUpserted(Item item) {
                ui.execute(() -> upsert(item));
            }

            @Override
            public void onRemoved(String itemId) {
                ui.execute(() -> remove(itemId, null));
            }
        });
        client.socket().addFrameListener(frame -> {
            if (frame instanceof Frame.EntityChanged changed && changed.data() == null) {
                ui.execute(() -> remove(changed.entityId(), changed.changedBy()));
            }
        });
        List<Item> loaded = client.items().items();
        ui.execute(() -> reload(loaded));
    }

    // Commands

    /** Creates an item from {@link #newTitleProperty()} and {@link #newStatusProperty()}; returns its commandId. */
    public Optional<String> create() {
        if (!canCreate.get()) {
            return Optional.empty();
        }
        String title = newTitle.get().trim();
        newTitle.set("");
        return Optional.of(client.submit(Command.create(null, UUID.randomUUID().toString(), title, newStatus.get()))
                .commandId());
    }

    /** Renames the {@link #selectedProperty() selected} row to {@link #editTitleProperty()}. */
    public Optional<String> renameSelected() {
        return rename(selected.get(), editTitle.get());
    }

    /** Changes the status of the {@link #selectedProperty() selected} row. */
    public Optional<String> changeSelectedStatus(ItemStatus status) {
        return changeStatus(selected.get(), status);
    }

    /** Deletes the {@link #selectedProperty() selected} row. */
    public Optional<String> deleteSelected() {
        return delete(selected.get());
    }

    public Optional<String> rename(ItemRow row, String title) {
        if (row == null || title == null || title.isBlank() || title.trim().equals(row.title())) {
            return Optional.empty();
        }
        return Optional.of(update(row, new ItemFields(title.trim(), null)));
    }

    public Optional<String> changeStatus(ItemRow row, ItemStatus status) {
        if (row == null || status == null || status == row.status()) {
            return Optional.empty();
        }
        return Optional.of(update(row, new ItemFields(null, status)));
    }

    public Optional<String> delete(ItemRow row) {
        if (row == null || row.deletedProperty().get()) {
            return Optional.empty();
        }
        return Optional.of(client.submit(Command.delete(null, row.id(), row.version())).commandId());
    }

    private String update(ItemRow row, ItemFields fields) {
        return client.submit(Command.update(null, row.id(), row.version(), fields)).commandId();
    }

    // Mirroring the library's view (FX thread)

    private void reload(List<Item> items) {
        rows.clear();
        byId.clear();
        items.forEach(item -> {
            ItemRow row = new ItemRow(item);
            byId.put(item.id(), row);
            rows.add(row);
        });
    }

    private void upsert(Item item) {
        ItemRow row = byId.get(item.id());
        String change;
        if (row == null) {
            row = new ItemRow(item);
            byId.put(item.id(), row);
            rows.add(row);
            change = ItemChange.describe(null, item, me);
        } else {
            change = ItemChange.describe(snapshot(row), item, me);
            row.show(item);
        }
        highlight(row, change, false);
    }

    private void remove(String itemId, String by) {
        ItemRow row = byId.get(itemId);
        if (row == null) {
            return;
        }
        row.deletedProperty().set(true);
        highlight(row, by == null ? "deleted" : ItemChange.deleted(by, me), true);
    }

    private void highlight(ItemRow row, String change, boolean thenRemove) {
        int generation = row.highlight(change);
        scheduler.schedule(highlightFor, () -> ui.execute(() -> {
            if (row.fade(generation) && thenRemove && byId.remove(row.id(), row)) {
                rows.remove(row);
            }
        }));
    }

    private static Item snapshot(ItemRow row) {
        return new Item(row.id(), row.title(), row.status(), row.version(), row.updatedByProperty().get(),
                row.updatedAtProperty().get());
    }

    public ObservableList<ItemRow> rows() {
        return rows;
    }

    public StringProperty newTitleProperty() {
        return newTitle;
    }

    public ObjectProperty<ItemStatus> newStatusProperty() {
        return newStatus;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** The row the edits apply to; the view binds it to its table's selection. */
    public ObjectProperty<ItemRow> selectedProperty() {
        return selected;
    }

    /** The new title for the selected row; set to its title whenever the selection changes. */
    public StringProperty editTitleProperty() {
        return editTitle;
    }

    /** Whether the person is in the selected row's title field (the view binds it to the field's focus). */
    public BooleanProperty editingTitleProperty() {
        return editingTitle;
    }

    /** Whether a row is selected, so the edits have something to apply to. */
    public BooleanBinding hasSelectionProperty() {
        return hasSelection;
    }
}
