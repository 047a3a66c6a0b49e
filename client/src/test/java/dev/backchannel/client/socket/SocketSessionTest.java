package dev.backchannel.client.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.client.testing.FakeConnector;
import dev.backchannel.client.testing.FakeScheduler;
import dev.backchannel.client.testing.FakeTokens;
import dev.backchannel.client.testing.Frames;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketSessionTest {

    /** Full jitter always picks the top of its range, so delays equal the backoff ceilings. */
    private static final RandomGenerator TOP_OF_RANGE = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private final FakeConnector connector = new FakeConnector();
    private final FakeTokens tokens = new FakeTokens();
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private SocketSession session;

    @BeforeEach
    void setUp() {
        session = new SocketSession(URI.create("ws://gateway.test/ws"), connector, tokens,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0), TOP_OF_RANGE, scheduler);
        session.addStateListener(states::add);
        session.addFrameListener(frames::add);
        session.subscribe("items");
    }

    private static String subscribe() {
        return "{\"type\":\"subscribe\",\"topic\":\"items\"}";
    }

    private static String resume(int event) {
        return "{\"type\":\"resume\",\"lastEventId\":\"" + Frames.eventId(event) + "\"}";
    }

    private void serverSends(String text) {
        connector.last().server.onText(text);
    }

    @Test
    void connectsWithTheTokenSubscribesAndReportsTheWelcome() {
        session.start();
        serverSends(Frames.welcome(false));

        assertThat(connector.last().token).isEqualTo("token-1");
        assertThat(connector.last().sent).containsExactly(subscribe());
        assertThat(session.state()).isEqualTo(new ConnectionState.Connected("conn-1"));
    }

    @Test
    void subscribesAgainThenResumesFromTheLastEventIdAfterADrop() {
        session.start();
        serverSends(Frames.welcome(false));
        serverSends(Frames.json(Frames.changed(5, Frames.item(Frames.uuid(), 1))));
        serverSends(Frames.json(Frames.succeeded(7, Frames.uuid())));

        connector.last().server.onClosed(CloseCodes.CHAOS, "chaos");
        assertThat(session.state()).isEqualTo(
                new ConnectionState.Reconnecting(Duration.ofMillis(100), 1, CloseCodes.CHAOS, "chaos"));
        scheduler.runNext();
        serverSends(Frames.welcome(true));

        assertThat(connector.sockets()).hasSize(2);
        assertThat(connector.last().sent).containsExactly(subscribe(), resume(7));
        assertThat(session.state()).isEqualTo(new ConnectionState.Resumed("conn-1"));
    }

    @Test
    void resumesFromTheEventIdOfTheLastReloadOnTheFirstConnect() {
        session.seenUpTo(Frames.eventId(10));
        session.seenUpTo(Frames.eventId(4));

        session.start();

        assertThat(connector.last().sent).containsExactly(subscribe(), resume(10));
    }

    @Test
    void keepsAResumePointPerSourceSoAnotherProducersIdsNeverHideTheProcessors() {
        session.start();
        serverSends(Frames.welcome(false));
        serverSends(Frames.json(Frames.succeeded(7, Frames.uuid())));
        // another producer's id sorts after every processor id: it must not become the processor's
        serverSends(Frames.json(Frames.fromSource("reports", "01JA000000000000000000000B", Frames.uuid())));

        assertThat(session.lastEventId()).isEqualTo(Frames.eventId(7));
        assertThat(session.resumeCursor()).containsEntry("reports", "01JA000000000000000000000B");

        connector.last().server.onClosed(CloseCodes.CHAOS, "chaos");
        scheduler.runNext();
        assertThat(connector.last().sent).containsExactly(subscribe(), "{\"type\":\"resume\",\"lastEventId\":\""
                + Frames.eventId(7) + "\",\"cursor\":{\"reports\":\"01JA000000000000000000000B\"}}");
        assertThat(SchemaValidator.instance().violations(MessageSchema.CLIENT_REQUEST, connector.last().sent.get(1)))
                .isEmpty();
    }

    @Test
    void onV2EverySourcesResumePointRidesInTheUpgrade() {
        connector.answer("backchannel.v2");
        session.seenUpTo(Frames.eventId(10));
        session.seenUpTo("reports", "01JA000000000000000000000B");
        session.start();

        assertThat(connector.last().url.toString()).isEqualTo("ws://gateway.test/ws?subscribe=items&resume="
                + Frames.eventId(10) + "&resume.reports=01JA000000000000000000000B");
    }

    @Test
    void aResetDropsTheResumePointSoATabFromBeforeADataResetStartsAgainFromTheReload() {
        session.seenUpTo(Frames.eventId(900));
        session.start();
        serverSends(Frames.reset());

        assertThat(session.lastEventId()).isNull();
        session.seenUpTo(Frames.eventId(3)); // the reload's lastEventId, lower than before
        assertThat(session.lastEventId()).isEqualTo(Frames.eventId(3));
    }

    @Test
    void waitsLongerBeforeEachReconnectWhileTheGatewayStaysDownAndStartsAfreshAfterAWelcome() {
        connector.failNext(new IOException("refused"));
        connector.failNext(new IOException("refused"));
        connector.failNext(new IOException("refused"));
        session.start();
        scheduler.runNext();
        scheduler.runNext();
        scheduler.runNext();
        serverSends(Frames.welcome(false));
        connector.last().server.onError(new IOException("reset by peer"));

        assertThat(scheduler.delays()).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 100L);
        assertThat(states).filteredOn(ConnectionState.Connecting.class::isInstance)
                .extracting(s -> ((ConnectionState.Connecting) s).attempt()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void fetchesANewTokenAndReconnectsAfterTheTokenExpired() {
        session.start();
        connector.last().server.onClosed(CloseCodes.TOKEN_EXPIRED, "token expired");
        scheduler.runNext();

        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(connector.last().token).isEqualTo("token-2");
    }

    @Test
    void fetchesANewTokenWhenTheUpgradeIsRefusedWith401() {
        connector.failNext(new HandshakeRefusedException(401, null));
        session.start();
        scheduler.runNext();

        assertThat(connector.sockets()).hasSize(1);
        assertThat(connector.last().token).isEqualTo("token-2");
    }

    @ParameterizedTest
    @ValueSource(ints = {CloseCodes.POLICY_VIOLATION, CloseCodes.TOO_MANY_CONNECTIONS})
    void staysClosedWhenTheGatewayForbidsReconnecting(int code) {
        session.start();
        connector.last().server.onClosed(code, "no");

        assertThat(session.state()).isEqualTo(new ConnectionState.Stopped(code, "no"));
        assertThat(scheduler.hasPending()).isFalse();
    }

    @Test
    void reportsAResetSoTheOwnerReloadsThroughTheQuerySide() {
        session.start();
        serverSends(Frames.reset());

        assertThat(session.state()).isEqualTo(new ConnectionState.Reset("replay window exceeded"));
        assertThat(frames).containsExactly(new Frame.Reset("replay window exceeded"));
    }

    @Test
    void reportsAResetWhenItReconnectsWithNothingToResumeFrom() {
        session.start();
        serverSends(Frames.welcome(false));
        connector.last().server.onClosed(1006, "");
        scheduler.runNext();

        assertThat(connector.last().sent).containsExactly(subscribe());
        assertThat(states).anyMatch(ConnectionState.Reset.class::isInstance);
    }

    @Test
    void ignoresFramesThatBreakTheContract() {
        session.start();
        serverSends("{\"type\":\"entity.changed\",\"eventId\":\"short\"}");
        serverSends("{\"type\":\"mystery\"}");
        serverSends("not json");

        assertThat(frames).isEmpty();
        assertThat(session.lastEventId()).isNull();
    }

    @Test
    void ignoresEverythingFromASupersededSocket() {
        session.start();
        FakeConnector.Socket first = connector.last();
        first.server.onClosed(1006, "");
        scheduler.runNext();

        first.server.onText(Frames.json(Frames.succeeded(3, Frames.uuid())));
        first.server.onClosed(1006, "");

        assertThat(frames).isEmpty();
        assertThat(scheduler.hasPending()).isFalse();
        assertThat(connector.sockets()).hasSize(2);
    }

    @Test
    void sendsOnlyRequestsTheClientRequestSchemaAccepts() {
        session.seenUpTo(Frames.eventId(1));
        session.start();
        session.unsubscribe("items");

        assertThat(connector.last().sent).hasSize(3).allSatisfy(text ->
                assertThat(SchemaValidator.instance().violations(MessageSchema.CLIENT_REQUEST, text)).isEmpty());
    }

    @Test
    void closingClosesTheSocketAndStopsReconnecting() {
        session.start();
        FakeConnector.Socket socket = connector.last();

        session.close();
        socket.server.onClosed(1000, "bye");

        assertThat(socket.closedByClient).isEqualTo(1000);
        assertThat(session.state()).isInstanceOf(ConnectionState.Stopped.class);
        assertThat(scheduler.hasPending()).isFalse();
    }

    @Test
    void onV2TheTopicsAndResumePointRideInTheUpgradeAndPresenceIsSentAgainAfterAReconnect() {
        connector.answer("backchannel.v2");
        session.seenUpTo(Frames.eventId(10));
        session.start();
        serverSends(Frames.welcome(true));
        assertThat(connector.last().url.toString()).isEqualTo("ws://gateway.test/ws?subscribe=items&resume="
                + Frames.eventId(10));
        assertThat(connector.last().sent).isEmpty();

        String item = "items/9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c";
        session.setPresence(item, dev.backchannel.schemas.Json.mapper().createObjectNode().put("editing", "title"));
        String presenceSet = "{\"type\":\"presence.set\",\"topic\":\"" + item + "\",\"state\":{\"editing\":\"title\"}}";
        assertThat(connector.last().sent).containsExactly("{\"type\":\"subscribe\",\"topic\":\"" + item + "\"}",
                presenceSet);

        connector.last().server.onClosed(CloseCodes.CHAOS, "chaos");
        scheduler.runNext();

        assertThat(connector.last().url.toString()).isEqualTo("ws://gateway.test/ws?subscribe=items&subscribe="
                + "items%2F9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c&resume=" + Frames.eventId(10));
        assertThat(connector.last().sent).containsExactly(presenceSet);
    }

    @Test
    void tokenExpiringIsAnsweredWithAFreshTokenOnTheSameSocket() {
        connector.answer("backchannel.v2");
        session.start();
        serverSends(Frames.welcome(false));

        serverSends("{\"type\":\"token.expiring\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}");

        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(connector.last().sent).containsExactly("{\"type\":\"token.refresh\",\"token\":\"token-2\"}");
        assertThat(connector.sockets()).hasSize(1);
    }
}
