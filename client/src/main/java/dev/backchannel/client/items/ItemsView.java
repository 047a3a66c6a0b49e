package dev.backchannel.client.items;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The current items, framework-free: loaded with {@code GET /api/items} ({@link #reload}), kept up
 * to date by {@code entity.changed} frames ({@link #onFrame}). A frame whose item is not newer than
 * the one held (version) is ignored, and so is a late change to an item deleted by a later event
 * (event ids sort in commit order). A UI only renders it and listens. Thread-safe.
 */
public final class ItemsView {

    private final Object lock = new Object();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, String> deletedAtEvent = new HashMap<>();
    private final List<ItemsListener> listeners = new CopyOnWriteArrayList<>();
    private String lastEventId;

    public void addListener(ItemsListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ItemsListener listener) {
        listeners.remove(listener);
    }

    /** Replaces everything with what the query side answered. */
    public void reload(ItemList list) {
        List<Item> snapshot;
        synchronized (lock) {
            items.clear();
            deletedAtEvent.clear();
            list.items().forEach(item -> items.put(item.id(), item));
            lastEventId = list.lastEventId();
            snapshot = List.copyOf(items.values());
        }
        listeners.forEach(l -> l.onReloaded(snapshot));
    }

    /** Applies an {@code entity.changed} frame; returns whether the view changed. */
    public boolean onFrame(Frame frame) {
        if (!(frame instanceof Frame.EntityChanged changed)) {
            return false;
        }
        Item item = changed.data();
        synchronized (lock) {
            if (item == null) {
                deletedAtEvent.put(changed.entityId(), changed.eventId());
                if (items.remove(changed.entityId()) == null) {
                    return false;
                }
            } else {
                Item held = items.get(item.id());
                String deletedAt = deletedAtEvent.get(item.id());
                boolean stale = held != null ? held.version() >= item.version()
                        : deletedAt != null && deletedAt.compareTo(changed.eventId()) >= 0;
                if (stale) {
                    return false;
                }
                items.put(item.id(), item);
            }
        }
        if (item == null) {
            listeners.forEach(l -> l.onRemoved(changed.entityId()));
        } else {
            listeners.forEach(l -> l.onUpserted(item));
        }
        return true;
    }

    /** The items, in the order they were first seen. */
    public List<Item> items() {
        synchronized (lock) {
            return new ArrayList<>(items.values());
        }
    }

    public Optional<Item> get(String itemId) {
        synchronized (lock) {
            return Optional.ofNullable(items.get(itemId));
        }
    }

    /** The {@code lastEventId} of the last reload, null before it or before the first event. */
    public String loadedAtEventId() {
        synchronized (lock) {
            return lastEventId;
        }
    }
}
