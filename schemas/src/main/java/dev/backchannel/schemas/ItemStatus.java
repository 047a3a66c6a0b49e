package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an item stands. */
public enum ItemStatus {
    TODO, DOING, DONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
