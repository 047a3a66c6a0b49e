package dev.backchannel.desktop.session;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.http.TokenSupplier;
import dev.backchannel.client.socket.SocketConnector;
import dev.backchannel.client.time.Scheduler;

/** Signs a user in and connects; blocks, so callers run it off the FX thread. */
@FunctionalInterface
public interface SessionOpener {

    UserSession open(ClientConfig config);

    /** The real system: the JDK's HTTP client and websocket; every window's waits on {@code scheduler}. */
    static SessionOpener real(Scheduler scheduler) {
        return using(null, scheduler);
    }

    /** As {@link #real}, with a socket connector of one's own (tests play the gateway with it). */
    static SessionOpener using(SocketConnector connector, Scheduler scheduler) {
        return config -> {
            BackchannelClient client = BackchannelClient.connect(config, scheduler, connector);
            return new UserSession(config, client, client.chaos());
        };
    }

    /**
     * Connects with the application's token instead of the demo sign-in ({@link GivenToken}); the
     * name typed at sign-in is only the window's label, the services take the user from the token.
     */
    static SessionOpener withToken(TokenSupplier tokens, SocketConnector connector, Scheduler scheduler) {
        return config -> {
            BackchannelClient client = BackchannelClient.connect(config, scheduler, connector, tokens);
            return new UserSession(config, client, client.chaos());
        };
    }
}
