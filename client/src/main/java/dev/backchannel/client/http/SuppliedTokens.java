package dev.backchannel.client.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The {@link TokenSource} of a client started with a token of the application's ({@link TokenSupplier}). */
public final class SuppliedTokens implements TokenSource {

    private final TokenSupplier supplier;

    public SuppliedTokens(TokenSupplier supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    @Override
    public CompletableFuture<String> token() {
        try {
            String token = supplier.token();
            if (token == null || token.isBlank()) {
                return CompletableFuture.failedFuture(new IllegalStateException("the token supplier gave no token"));
            }
            return CompletableFuture.completedFuture(token.trim());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Asks the supplier again: it alone knows how to get a newer token. */
    @Override
    public CompletableFuture<String> refresh() {
        return token();
    }
}
