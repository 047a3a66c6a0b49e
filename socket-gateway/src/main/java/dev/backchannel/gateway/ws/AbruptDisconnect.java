package dev.backchannel.gateway.ws;

import java.io.IOException;

/**
 * Recognises the failures of a connection the client (or the network) dropped without a close
 * frame: connection reset, broken pipe, closed channel. They are ordinary, so they are logged as
 * one line at debug level, never with a stack trace.
 */
final class AbruptDisconnect {

    private AbruptDisconnect() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.contains("Connection was closed")) {
                return true;
            }
        }
        return false;
    }

    /** One line for the log: the failure's type and message, no stack. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
