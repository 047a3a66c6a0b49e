package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.GatewayMetrics;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.Delivery;
import dev.backchannel.gateway.routing.FrameText;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.Frame;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The browser socket. The upgrade is authenticated (bearer token in the {@code Authorization}
 * header, or in the {@code quarkus-http-upgrade#Authorization#Bearer%20<token>} subprotocol a
 * browser offers next to {@code backchannel.v1}); without a valid token it is refused with 401.
 */
@Authenticated
@WebSocket(path = "/ws")
public class GatewayWebSocket {

    private static final Logger LOG = Logger.getLogger(GatewayWebSocket.class);

    @Inject
    SecurityIdentity identity;
    @Inject
    LocalSockets sockets;
    @Inject
    ClientRequestHandler requests;
    @Inject
    GatewayMetrics metrics;
    @Inject
    GatewayConfig config;

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        // the principal is the verified JsonWebToken; its name is the upn claim, the user id
        String userId = identity.getPrincipal().getName();
        ClientSocket socket = new ClientSocket(connection.id(), userId, new ConnectionOutput(connection),
                config.maxPendingFrames());
        // welcome first, then register: every frame pushed to this socket comes after its welcome
        socket.offer(FrameText.of(new Frame.Welcome(connection.id(), userId, false)));
        sockets.open(socket);
    }

    @OnTextMessage
    @NonBlocking
    public void onTextMessage(String message, WebSocketConnection connection) {
        sockets.find(connection.id()).ifPresent(socket -> requests.handle(socket, message).ifPresent(reply -> {
            if (reply instanceof Frame.Error error) {
                metrics.badRequest(error.code());
            }
            send(socket, reply);
        }));
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        sockets.remove(connection.id());
    }

    @OnError
    @NonBlocking
    public void onError(WebSocketConnection connection, Throwable failure) {
        if (OversizedMessage.isCause(failure)) {
            metrics.badRequest("too_big");
            connection.close(new CloseReason(CloseCodes.TOO_BIG,
                    "message larger than " + config.maxMessageBytes() + " bytes")).subscribe().with(done -> {
                    }, ignored -> {
                    });
        } else {
            LOG.warnf(failure, "socket %s failed: closing it", connection.id());
            connection.close(CloseReason.INTERNAL_SERVER_ERROR).subscribe().with(done -> {
            }, ignored -> {
            });
        }
        sockets.remove(connection.id());
    }

    private void send(ClientSocket socket, Frame frame) {
        if (socket.offer(FrameText.of(frame)) == Delivery.CLOSED_TOO_SLOW) {
            sockets.remove(socket.id());
            metrics.slowConsumerClosed();
        }
    }
}
