package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a command does to an item. */
public enum CommandType {
    CREATE("item.create"),
    UPDATE("item.update"),
    DELETE("item.delete");

    private final String wireName;

    CommandType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
