package dev.backchannel.client.socket;

import dev.backchannel.schemas.CloseCodes;
import java.util.concurrent.CompletionException;

/** What a {@link SocketSession} does after its socket ends, by close code (see {@link CloseCodes}). */
public enum CloseReaction {
    /** Reconnect with backoff and resume. */
    RECONNECT,
    /** Sign in again for a fresh token, then reconnect with backoff and resume. */
    REFRESH_TOKEN_AND_RECONNECT,
    /** Do not reconnect: trying again as is would be refused again. */
    STOP;

    /** The reaction to a close frame from the server. */
    public static CloseReaction toClose(int code) {
        if (code == CloseCodes.TOKEN_EXPIRED) {
            return REFRESH_TOKEN_AND_RECONNECT;
        }
        return CloseCodes.shouldReconnect(code) ? RECONNECT : STOP;
    }

    /** The reaction to a failed connect: a refused token is refreshed, anything else retried. */
    public static CloseReaction toConnectFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HandshakeRefusedException refused && refused.status() == 401) {
            return REFRESH_TOKEN_AND_RECONNECT;
        }
        return RECONNECT;
    }
}
