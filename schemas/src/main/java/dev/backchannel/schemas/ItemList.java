package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Answer of {@code GET /api/items}; {@code lastEventId} is null before the first event. */
public record ItemList(List<Item> items, @JsonInclude(JsonInclude.Include.ALWAYS) String lastEventId) {
}
