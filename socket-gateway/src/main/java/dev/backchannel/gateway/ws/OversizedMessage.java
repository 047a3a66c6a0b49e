package dev.backchannel.gateway.ws;

/**
 * Recognises Vert.x's failure for a text message over {@code max-message-size}. Vert.x reports it as
 * an IllegalStateException that WebSockets Next would otherwise answer with close code 1011.
 */
final class OversizedMessage {

    private static final String VERTX_MESSAGE = "overflow max message size";

    private OversizedMessage() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().contains(VERTX_MESSAGE)) {
                return true;
            }
        }
        return false;
    }
}
