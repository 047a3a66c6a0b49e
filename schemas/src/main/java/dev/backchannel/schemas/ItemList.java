package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of {@code GET /api/items}, most recently changed first. {@code lastEventId} is the
 * event up to which the whole listing is complete (the same on every page of one listing; null
 * before the first event); {@code next} is the cursor of the next page ({@code ?cursor=}), absent
 * on the last one.
 */
public record ItemList(List<Item> items, @JsonInclude(JsonInclude.Include.ALWAYS) String lastEventId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String next) {

    /** A listing in one page. */
    public ItemList(List<Item> items, String lastEventId) {
        this(items, lastEventId, null);
    }
}
