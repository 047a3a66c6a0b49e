package dev.backchannel.client.items;

import dev.backchannel.schemas.Item;
import java.util.List;

/** Changes to the {@link ItemsView}, for a UI to render; called on the thread that fed the view. */
public interface ItemsListener {

    /** The whole list was (re)loaded from the query side. */
    default void onReloaded(List<Item> items) {
    }

    /** An item was created or changed. */
    default void onUpserted(Item item) {
    }

    /** An item was deleted. */
    default void onRemoved(String itemId) {
    }
}
