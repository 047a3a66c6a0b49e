package dev.backchannel.schemas;

import java.time.Instant;

/** A record of the shared list, as the query side and the frames show it. */
public record Item(String id, String title, ItemStatus status, long version, String updatedBy,
        Instant updatedAt) {
}
