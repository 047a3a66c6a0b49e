package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.presence.PresenceMember;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Per-record topics and presence on the built jars, across the two gateway nodes: members are users
 * with their windows counted over both nodes; a SIGKILLed node's members leave within 15 s.
 */
class PresenceAcrossNodesTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final Duration DEAD_NODE_LEAVES = Duration.ofSeconds(15);

    private final RunningSystem system = RunningSystem.get();

    private static Optional<PresenceMember> member(Window window, String entityId, String userId) {
        return window.client().presence().members(Topics.item(entityId)).stream()
                .filter(member -> member.userId().equals(userId)).findFirst();
    }

    private static void settle(Window window, Command command) {
        assertThat(window.client().submit(command).settled().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join()
                .state()).isEqualTo(ReceiptState.SUCCEEDED);
    }

    @Test
    void shouldRouteARecordsChangesToItsWatchersOnlyOnceEach() {
        String x = Commands.newEntityId();
        String y = Commands.newEntityId();
        try (Window author = Window.open(system, "paula", Service.SOCKET_GATEWAY);
                Window onlyX = Window.open(system, "quinn", Service.SOCKET_GATEWAY_B)) {
            onlyX.client().socket().unsubscribe(Topics.ITEMS);
            onlyX.client().watch(x);
            onlyX.client().socket().subscribe(Topics.item(x)); // again: still one subscription
            await().atMost(SOON).until(() -> member(onlyX, x, "quinn").isPresent());

            settle(author, Commands.create(y, "Not watched"));
            settle(author, Commands.create(x, "Watched"));
            await().atMost(SOON).until(() -> !author.changesOf(x).isEmpty() && !onlyX.changesOf(x).isEmpty());
            settle(author, Commands.rename(x, 1, "Watched, renamed"));

            await().atMost(SOON).until(() -> onlyX.changesOf(x).size() == 2);
            assertThat(onlyX.changesOf(y)).isEmpty();
            assertThat(onlyX.changesOf(x)).extracting(change -> change.data().title())
                    .containsExactly("Watched", "Watched, renamed");
            assertThat(onlyX.schemaViolations()).isEmpty();
        }
    }

    @Test
    void shouldShowWhoIsOnARecordAcrossBothNodesAndLetAKilledNodesMembersLeave() {
        String x = Commands.newEntityId();
        try (Window bob = Window.open(system, "bob-x", Service.SOCKET_GATEWAY);
                Window aliceOnA = Window.open(system, "alice-x", Service.SOCKET_GATEWAY)) {
            bob.client().watch(x);
            await().atMost(SOON).until(() -> member(bob, x, "bob-x").isPresent());

            // join, on the other node
            Window aliceOnB = Window.open(system, "alice-x", Service.SOCKET_GATEWAY_B);
            aliceOnB.client().watch(x);
            await().atMost(SOON).until(() -> member(bob, x, "alice-x").isPresent());

            // two windows of alice, one on each node: one member with two windows
            aliceOnA.client().watch(x);
            await().atMost(SOON).until(() -> member(bob, x, "alice-x").map(PresenceMember::windows).orElse(0) == 2);

            // change
            aliceOnB.client().editing(x, "title");
            await().atMost(SOON).until(() -> member(bob, x, "alice-x").map(PresenceMember::editing).orElse("")
                    .equals("title"));
            assertThat(member(bob, x, "alice-x").orElseThrow().describe())
                    .isEqualTo("alice-x (2 windows) is editing the title");

            // snapshot for a window that arrives later, on node B
            try (Window carol = Window.open(system, "carol-x", Service.SOCKET_GATEWAY_B)) {
                carol.client().watch(x);
                await().atMost(SOON).until(() -> carol.client().presence().others(Topics.item(x), "carol-x").size() == 2);
                assertThat(carol.client().presence().others(Topics.item(x), "carol-x"))
                        .extracting(PresenceMember::userId, PresenceMember::windows)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("alice-x", 2),
                                org.assertj.core.groups.Tuple.tuple("bob-x", 1));
            }
            await().atMost(SOON).until(() -> member(bob, x, "carol-x").isEmpty());

            // leave: one window closes, then the last one stops watching
            aliceOnA.close();
            await().atMost(SOON).until(() -> member(bob, x, "alice-x").map(PresenceMember::windows).orElse(0) == 1);
            aliceOnB.client().unwatch(x);
            await().atMost(SOON).until(() -> member(bob, x, "alice-x").isEmpty());

            // a node killed with SIGKILL: its members leave within 15 s
            Window dora = Window.open(system, "dora-x", Service.SOCKET_GATEWAY_B);
            dora.client().watch(x);
            await().atMost(SOON).until(() -> member(bob, x, "dora-x").isPresent());
            system.kill(Service.SOCKET_GATEWAY_B);
            await().atMost(DEAD_NODE_LEAVES).until(() -> member(bob, x, "dora-x").isEmpty());
            assertThat(member(bob, x, "bob-x")).isPresent();
            assertThat(bob.schemaViolations()).isEmpty();
            dora.close();
            aliceOnB.close();
        } finally {
            system.restart(Service.SOCKET_GATEWAY_B);
        }
    }
}
