package dev.backchannel.desktop.items;

import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One item as the table shows it, with what last changed and whether that change is recent
 * enough to be highlighted. {@link #version()} is what edits send as {@code expectedVersion}.
 */
public final class ItemRow {

    private final String id;
    private final StringProperty title = new SimpleStringProperty();
    private final ObjectProperty<ItemStatus> status = new SimpleObjectProperty<>();
    private final LongProperty version = new SimpleLongProperty();
    private final StringProperty updatedBy = new SimpleStringProperty();
    private final ObjectProperty<Instant> updatedAt = new SimpleObjectProperty<>();
    private final StringProperty lastChange = new SimpleStringProperty("");
    private final BooleanProperty highlighted = new SimpleBooleanProperty();
    private final BooleanProperty deleted = new SimpleBooleanProperty();
    private int highlightGeneration;

    ItemRow(Item item) {
        this.id = item.id();
        show(item);
    }

    void show(Item item) {
        title.set(item.title());
        status.set(item.status());
        version.set(item.version());
        updatedBy.set(item.updatedBy());
        updatedAt.set(item.updatedAt());
    }

    /** Marks the row as just changed; returns a token that {@link #fade} needs to end this highlight. */
    int highlight(String change) {
        lastChange.set(change);
        highlighted.set(true);
        return ++highlightGeneration;
    }

    /** Ends the highlight, unless a newer change started another one. */
    boolean fade(int generation) {
        if (generation != highlightGeneration) {
            return false;
        }
        highlighted.set(false);
        return true;
    }

    public String id() {
        return id;
    }

    public long version() {
        return version.get();
    }

    public String title() {
        return title.get();
    }

    public ItemStatus status() {
        return status.get();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<ItemStatus> statusProperty() {
        return status;
    }

    public LongProperty versionProperty() {
        return version;
    }

    public StringProperty updatedByProperty() {
        return updatedBy;
    }

    public ObjectProperty<Instant> updatedAtProperty() {
        return updatedAt;
    }

    /** "bob renamed it", "alice created it", ... */
    public StringProperty lastChangeProperty() {
        return lastChange;
    }

    public BooleanProperty highlightedProperty() {
        return highlighted;
    }

    public BooleanProperty deletedProperty() {
        return deleted;
    }
}
