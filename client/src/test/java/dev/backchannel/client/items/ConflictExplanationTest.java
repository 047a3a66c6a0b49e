package dev.backchannel.client.items;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConflictExplanationTest {

    @Test
    void saysWhoChangedWhatTheCommandWanted() {
        Item now = new Item("9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c", "Buy oat milk", ItemStatus.DOING, 4, "bob",
                Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(ConflictExplanation.of(now, new ItemFields("Buy milk", null), null))
                .isEqualTo("bob changed the title to 'Buy oat milk' first (now version 4)");
        assertThat(ConflictExplanation.of(now, new ItemFields(null, ItemStatus.DONE), null))
                .isEqualTo("bob changed the status to doing first (now version 4)");
        assertThat(ConflictExplanation.of(null, null, "carol")).isEqualTo("carol deleted this item first");
    }
}
