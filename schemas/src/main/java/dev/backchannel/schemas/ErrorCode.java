package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a command failed. */
public enum ErrorCode {
    /** The item's version was not the {@code expectedVersion}: someone changed it first. */
    CONFLICT,
    /** The command is well-formed but not allowed, for example creating an id that exists. */
    VALIDATION,
    /** The item does not exist (any more). */
    NOT_FOUND,
    /** Processing failed for a reason the user cannot fix. */
    PROCESSING_FAILED,
    /**
     * The command was accepted but could not be processed however often it was delivered: the broker
     * dead-lettered it. Nothing was changed. (contract v2, "Commands that cannot be processed")
     */
    UNDELIVERABLE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
