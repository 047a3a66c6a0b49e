package dev.backchannel.client.items;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.client.testing.Frames;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemsViewTest {

    private final ItemsView view = new ItemsView();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final String a = Frames.uuid();
    private final String b = Frames.uuid();

    @BeforeEach
    void listen() {
        view.addListener(new ItemsListener() {
            @Override
            public void onReloaded(List<Item> items) {
                told.add("reloaded " + items.size());
            }

            @Override
            public void onUpserted(Item item) {
                told.add("upserted v" + item.version());
            }

            @Override
            public void onRemoved(String itemId) {
                told.add("removed");
            }
        });
    }

    @Test
    void showsTheItemsLoadedFromTheQuerySide() {
        view.reload(new ItemList(List.of(Frames.item(a, 1), Frames.item(b, 4)), Frames.eventId(10)));

        assertThat(view.items()).extracting(Item::id).containsExactly(a, b);
        assertThat(view.loadedAtEventId()).isEqualTo(Frames.eventId(10));
        assertThat(told).containsExactly("reloaded 2");
    }

    @Test
    void appliesANewerVersionAndIgnoresAnOlderOrRepeatedOne() {
        view.reload(new ItemList(List.of(Frames.item(a, 2)), null));

        assertThat(view.onFrame(Frames.changed(11, Frames.item(a, 3)))).isTrue();
        assertThat(view.onFrame(Frames.changed(12, Frames.item(a, 1)))).isFalse();
        assertThat(view.onFrame(Frames.changed(11, Frames.item(a, 3)))).isFalse();

        assertThat(view.get(a)).hasValueSatisfying(item -> assertThat(item.version()).isEqualTo(3));
        assertThat(told).containsExactly("reloaded 1", "upserted v3");
    }

    @Test
    void addsAnItemCreatedElsewhere() {
        view.onFrame(Frames.changed(1, Frames.item(b, 1)));

        assertThat(view.items()).extracting(Item::id).containsExactly(b);
    }

    @Test
    void removesAnItemWhenTheChangeCarriesNoData() {
        view.reload(new ItemList(List.of(Frames.item(a, 2), Frames.item(b, 1)), null));

        view.onFrame(Frames.deleted(20, a));

        assertThat(view.items()).extracting(Item::id).containsExactly(b);
        assertThat(told).containsExactly("reloaded 2", "removed");
    }

    @Test
    void ignoresALateChangeToAnItemDeletedByALaterEvent() {
        view.reload(new ItemList(List.of(Frames.item(a, 2)), null));
        view.onFrame(Frames.deleted(20, a));

        assertThat(view.onFrame(Frames.changed(19, Frames.item(a, 3)))).isFalse();

        assertThat(view.items()).isEmpty();
    }
}
