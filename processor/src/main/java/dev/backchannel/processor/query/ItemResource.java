package dev.backchannel.processor.query;

import dev.backchannel.processor.items.ItemRepository;
import dev.backchannel.processor.outbox.EventIds;
import dev.backchannel.processor.outbox.OutboxRepository;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemList;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The shared list, read from the database the commands write. */
@Path("/api/items")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final ItemRepository items;
    private final OutboxRepository outbox;

    public ItemResource(ItemRepository items, OutboxRepository outbox) {
        this.items = items;
        this.outbox = outbox;
    }

    /**
     * Every item, most recently changed first. {@code lastEventId} is the last event up to which every
     * event has been published, read before the items: the list reflects at least every event up to
     * it, and every later event is replayed after a resume from it or is still on its way, so a client
     * that reloads may see a change again (same version), never miss one.
     */
    @GET
    public ItemList list() {
        long lastSeq = outbox.lastPublishedPrefix();
        List<Item> all = items.listByRecentChange();
        return new ItemList(all, lastSeq == 0 ? null : EventIds.of(lastSeq));
    }

    @GET
    @Path("/{id}")
    public Item one(@PathParam("id") String id) {
        return items.find(id).orElseThrow(() -> new NotFoundProblem("No item " + id));
    }
}
