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
    private final Caller caller;

    public ItemResource(ItemRepository items, OutboxRepository outbox, Caller caller) {
        this.items = items;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * Every item, most recently changed first. {@code lastEventId} is read before the items, so the
     * list reflects at least every event up to it: a client that resumes after it may see a change
     * it already has again (same version), never miss one.
     */
    @GET
    public ItemList list() {
        caller.userId();
        long lastSeq = outbox.lastCommittedSeq();
        List<Item> all = items.listByRecentChange();
        return new ItemList(all, lastSeq == 0 ? null : EventIds.of(lastSeq));
    }

    @GET
    @Path("/{id}")
    public Item one(@PathParam("id") String id) {
        caller.userId();
        return items.find(id).orElseThrow(() -> new NotFoundProblem("No item " + id));
    }
}
