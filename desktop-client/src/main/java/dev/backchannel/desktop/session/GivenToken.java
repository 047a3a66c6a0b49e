package dev.backchannel.desktop.session;

import dev.backchannel.client.http.TokenSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A token given to the desktop client instead of the demo sign-in: {@code --token-file=<path>}
 * (or {@code BACKCHANNEL_TOKEN_FILE}), read again every time a token is needed, so a tool that
 * renews the file keeps the windows signed in; or {@code BACKCHANNEL_TOKEN}, the token itself.
 */
public final class GivenToken {

    private GivenToken() {
    }

    /** The token supplier named by the command line's {@code token-file} or the environment, if any. */
    public static Optional<TokenSupplier> from(Map<String, String> named, Map<String, String> environment) {
        String file = named.getOrDefault("token-file", environment.get("BACKCHANNEL_TOKEN_FILE"));
        if (file != null && !file.isBlank()) {
            return Optional.of(inFile(Path.of(file)));
        }
        String token = environment.get("BACKCHANNEL_TOKEN");
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(token::trim);
    }

    /** The token in {@code file}, read at each call. */
    public static TokenSupplier inFile(Path file) {
        return () -> {
            try {
                return Files.readString(file).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the token file " + file, e);
            }
        };
    }
}
