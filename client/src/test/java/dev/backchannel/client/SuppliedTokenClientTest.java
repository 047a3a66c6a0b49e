package dev.backchannel.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.client.testing.FakeApi;
import dev.backchannel.client.testing.FakeApi.Answer;
import dev.backchannel.client.testing.FakeConnector;
import dev.backchannel.client.testing.FakeScheduler;
import dev.backchannel.client.testing.Frames;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client started with the application's own token (an external issuer's) instead of the demo sign-in. */
class SuppliedTokenClientTest {

    private final FakeApi api = FakeApi.start();
    private final FakeConnector gateway = new FakeConnector();
    private final FakeScheduler scheduler = new FakeScheduler();
    private final AtomicReference<String> current = new AtomicReference<>("issuer.token.one");
    private BackchannelClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        api.close();
    }

    @Test
    void shouldCarryTheSuppliedTokenOnEveryCallAndNeverSignIn() throws Exception {
        connect();
        Command command = Command.create(Frames.uuid(), Frames.uuid(), "Buy milk", ItemStatus.TODO);
        api.answer("POST", "/api/commands", Answer.of(202, Json.write(CommandAccepted.of(command.commandId(), Frames.AT))));

        client.submit(command).accepted().get(5, TimeUnit.SECONDS);

        assertThat(api.received("POST", "/api/sessions")).isEmpty();
        assertThat(api.received("GET", "/api/items").get(0).headers().getFirst("Authorization"))
                .isEqualTo("Bearer issuer.token.one");
        assertThat(api.received("POST", "/api/commands").get(0).headers().getFirst("Authorization"))
                .isEqualTo("Bearer issuer.token.one");
        assertThat(gateway.last().token).isEqualTo("issuer.token.one");
    }

    @Test
    void shouldAskTheSupplierAgainWhenTheGatewayClosesForAnExpiredToken() {
        connect();
        current.set("issuer.token.two");

        gateway.last().server.onClosed(CloseCodes.TOKEN_EXPIRED, "token expired");
        scheduler.runNext();

        assertThat(gateway.sockets()).hasSize(2);

        assertThat(gateway.last().token).isEqualTo("issuer.token.two");
    }

    private void connect() {
        api.answer("GET", "/api/items", Answer.of(200, Frames.itemList(Frames.eventId(3))));
        ClientConfig config = ClientConfig.forUser("alice").withApiUrl(api.url()).withQueryUrl(api.url())
                .withSocketUrl(URI.create("ws://gateway.test/ws"));
        client = BackchannelClient.connect(config, scheduler, gateway, current::get);
    }
}
