package dev.backchannel.client.items;

import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;

/**
 * Says who changed what when a command lost a conflict: the item as it is now (from the
 * {@link ItemsView}, kept current by the same socket) against what the command wanted.
 */
public final class ConflictExplanation {

    private ConflictExplanation() {
    }

    /**
     * "bob changed the title to 'Buy oat milk' first", "bob changed the status to done first",
     * "bob deleted this item first" (current null), or "someone changed this item first".
     */
    public static String of(Item current, ItemFields wanted, String deletedBy) {
        if (current == null) {
            return (deletedBy != null ? deletedBy : "someone") + " deleted this item first";
        }
        String who = current.updatedBy() != null ? current.updatedBy() : "someone";
        StringBuilder what = new StringBuilder();
        if (wanted == null || wanted.title() != null) {
            what.append("the title to '").append(current.title()).append("'");
        }
        if (wanted == null || wanted.status() != null) {
            if (what.length() > 0) {
                what.append(" and ");
            }
            what.append("the status to ").append(current.status().wireName());
        }
        return who + " changed " + what + " first (now version " + current.version() + ")";
    }
}
