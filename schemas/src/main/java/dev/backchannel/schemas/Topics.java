package dev.backchannel.schemas;

import java.util.regex.Pattern;

/** Public topics a socket may subscribe to: {@code items} and {@code items/<entityId>}. */
public final class Topics {
    /** Every change to any item. */
    public static final String ITEMS = "items";
    /** Prefix of one item's topic: {@code items/<entityId>}. */
    public static final String ITEM_PREFIX = ITEMS + "/";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Topics() {
    }

    /** The topic of one item. */
    public static String item(String entityId) {
        return ITEM_PREFIX + entityId;
    }

    /** Whether this is the topic of one item ({@code items/<uuid>}). */
    public static boolean isItem(String topic) {
        return topic != null && topic.startsWith(ITEM_PREFIX)
                && UUID.matcher(topic.substring(ITEM_PREFIX.length())).matches();
    }

    /** The entity id of an item topic, or null for any other topic. */
    public static String entityIdOf(String topic) {
        return isItem(topic) ? topic.substring(ITEM_PREFIX.length()) : null;
    }

    /** Whether any authenticated user may subscribe to this topic. */
    public static boolean isPublic(String topic) {
        return ITEMS.equals(topic) || isItem(topic);
    }
}
