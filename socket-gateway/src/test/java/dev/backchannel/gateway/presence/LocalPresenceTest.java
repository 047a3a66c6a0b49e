package dev.backchannel.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.PresenceMessage.Entry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One entry per topic and user, however many windows: what a node tells the others. */
class LocalPresenceTest {

    private static final String TOPIC = "items/9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final LocalPresence local = new LocalPresence();

    @Test
    void windowsOfOneUserMakeOneEntryAndTheLastWindowToLeaveEndsIt() {
        Entry first = local.set("s1", "bob", TOPIC, null, NOW).orElseThrow();
        Entry second = local.set("s2", "bob", TOPIC, Json.mapper().createObjectNode().put("editing", "title"), NOW)
                .orElseThrow();

        assertThat(first.windows()).isEqualTo(1);
        assertThat(second.windows()).isEqualTo(2);
        assertThat(second.state().get("editing").asText()).isEqualTo("title");
        assertThat(local.entries()).hasSize(1);
        assertThat(local.set("s2", "bob", TOPIC, Json.mapper().createObjectNode().put("editing", "title"), NOW))
                .isEmpty();

        Entry afterClose = local.removeSocket("s2", "bob", NOW).get(0);
        assertThat(afterClose.windows()).isEqualTo(1);
        assertThat(afterClose.state()).isNull(); // the remaining window's state
        assertThat(local.clear("s1", "bob", TOPIC, NOW).orElseThrow().windows()).isZero();
        assertThat(local.entries()).isEmpty();
        assertThat(local.clear("s1", "bob", TOPIC, NOW)).isEmpty();
    }
}
