package dev.backchannel.desktop.signin;

import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.http.ProblemException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** Why signing in failed, in words a person can act on. */
final class SignInFailure {

    private SignInFailure() {
    }

    static String describe(Throwable failure, ClientConfig config) {
        Throwable cause = rootOf(failure);
        if (anyInChain(failure, ConnectException.class)) {
            return "Nothing answers at " + config.apiUrl() + " or " + config.queryUrl() + ". Is the system running?";
        }
        if (anyInChain(failure, HttpTimeoutException.class)) {
            return "The server took too long to answer. Try again.";
        }
        if (failure instanceof ProblemException problem) {
            return "The server refused: " + problem.problem().status() + " "
                    + (problem.problem().detail() != null ? problem.problem().detail() : problem.problem().title());
        }
        return "Could not sign in: " + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
    }

    private static boolean anyInChain(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
