package dev.backchannel.processor.query;

import dev.backchannel.service.identity.Caller;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The shared list, read from the database the commands write. */
@Path("/api/items")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private final ItemRepository items;
    private final OutboxRepository outbox;
    private final Caller caller;

    public ItemResource(ItemRepository items, OutboxRepository outbox, Caller caller) {
        this.items = items;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * One page of the items, most recently changed first: {@code limit} items (1 to {@value #MAX_LIMIT},
     * default {@value #DEFAULT_LIMIT}) from {@code cursor} (the previous page's {@code next}).
     * {@code lastEventId} is the last event up to which every event had been published when the
     * listing began, read before its first page and carried by the cursor: the listing reflects at
     * least every event up to it, and every later event is replayed after a resume from it or is still
     * on its way, so a client that reloads may see a change again (same version), never miss one.
     */
    @GET
    public ItemList list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.userId();
        int size = pageSize(limit);
        ItemsCursor from = cursor == null ? null : ItemsCursor.decode(cursor);
        long lastSeq = from == null ? outbox.lastPublishedPrefix() : from.lastSeq();
        List<Item> page = from == null ? items.page(null, null, size + 1)
                : items.page(from.updatedAt(), from.id(), size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            Item last = page.get(size - 1);
            next = new ItemsCursor(last.updatedAt(), last.id(), lastSeq).encode();
        }
        return new ItemList(List.copyOf(page), lastSeq == 0 ? null : EventIds.of(lastSeq), next);
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadQueryProblem("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    @GET
    @Path("/{id}")
    public Item one(@PathParam("id") String id) {
        caller.userId();
        return items.find(id).orElseThrow(() -> new NotFoundProblem("No item " + id));
    }
}
