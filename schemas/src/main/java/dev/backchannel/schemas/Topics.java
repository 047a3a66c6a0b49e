package dev.backchannel.schemas;

/** Public topics a socket may subscribe to. */
public final class Topics {
    /** Every change to any item. */
    public static final String ITEMS = "items";

    private Topics() {
    }

    /** Whether any authenticated user may subscribe to this topic. */
    public static boolean isPublic(String topic) {
        return ITEMS.equals(topic);
    }
}
