package dev.backchannel.desktop.presence;

import dev.backchannel.client.presence.PresenceMember;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who else is on the item this window has selected, in words: "bob is editing the title",
 * "carol (2 windows) is looking". Selecting an item watches it (and leaves the one before);
 * {@link #editing} tells the others what this window edits on it.
 */
public final class PresenceViewModel {

    static final String NOTHING_SELECTED = "Select an item to see who else is on it";
    static final String ALONE = "Nobody else is on this item";

    // Properties
    private final ObservableList<String> others = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(NOTHING_SELECTED);

    private final RecordPresence presence;
    private String watched;
    private String editingField;

    public PresenceViewModel(RecordPresence presence, Executor ui) {
        this.presence = presence;
        presence.addListener(() -> ui.execute(this::render));
    }

    // Commands

    /** Watches {@code entityId} (null: nothing selected), leaving the item watched before. */
    public void select(String entityId) {
        if (Objects.equals(entityId, watched)) {
            return;
        }
        if (watched != null) {
            presence.unwatch(watched);
        }
        watched = entityId;
        editingField = null;
        if (entityId != null) {
            presence.watch(entityId);
        }
        render();
    }

    /** This window edits {@code field} ("title") of the selected item, or only looks (null). */
    public void editing(String field) {
        if (watched == null || Objects.equals(field, editingField)) {
            return;
        }
        editingField = field;
        presence.editing(watched, field);
    }

    /** Leaves the selected item (the window closes). */
    public void leave() {
        select(null);
    }

    private void render() {
        if (watched == null) {
            others.clear();
            summary.set(NOTHING_SELECTED);
            return;
        }
        List<String> described = presence.others(watched).stream().map(PresenceMember::describe).toList();
        others.setAll(described);
        summary.set(described.isEmpty() ? ALONE : "Also here: " + String.join(", ", described));
    }

    /** One line per other member of the selected item. */
    public ObservableList<String> others() {
        return FXCollections.unmodifiableObservableList(others);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
