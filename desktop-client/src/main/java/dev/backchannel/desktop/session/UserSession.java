package dev.backchannel.desktop.session;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.http.ChaosApi;

/**
 * One signed-in user in one window: its own {@link BackchannelClient} (and socket), and the chaos
 * endpoint reached with the same user's token. Closing it closes the socket.
 */
public record UserSession(ClientConfig config, BackchannelClient client, ChaosApi chaos) implements AutoCloseable {

    public String userId() {
        return config.userId();
    }

    @Override
    public void close() {
        client.close();
    }
}
