package dev.backchannel.client.testing;

import dev.backchannel.client.http.TokenSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out "token-1"; every refresh makes the next one ("token-2", ...). */
public final class FakeTokens implements TokenSource {

    private final AtomicInteger issued = new AtomicInteger(1);

    @Override
    public CompletableFuture<String> token() {
        return CompletableFuture.completedFuture("token-" + issued.get());
    }

    @Override
    public CompletableFuture<String> refresh() {
        return CompletableFuture.completedFuture("token-" + issued.incrementAndGet());
    }

    public int refreshes() {
        return issued.get() - 1;
    }
}
