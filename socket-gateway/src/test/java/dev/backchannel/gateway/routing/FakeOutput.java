package dev.backchannel.gateway.routing;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A socket output that records frames and flushes them at once, or only when told (a client that stopped reading). */
final class FakeOutput implements SocketOutput {

    final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<UniEmitter<? super Void>> unflushed = new CopyOnWriteArrayList<>();
    private final boolean flushAtOnce;
    volatile Integer closedWith;

    private FakeOutput(boolean flushAtOnce) {
        this.flushAtOnce = flushAtOnce;
    }

    static FakeOutput reading() {
        return new FakeOutput(true);
    }

    static FakeOutput notReading() {
        return new FakeOutput(false);
    }

    @Override
    public Uni<Void> sendText(String text) {
        return Uni.createFrom().emitter(emitter -> {
            sent.add(text);
            if (flushAtOnce) {
                emitter.complete(null);
            } else {
                unflushed.add(emitter);
            }
        });
    }

    @Override
    public Uni<Void> close(int code, String reason) {
        closedWith = code;
        return Uni.createFrom().voidItem();
    }

    void flushAll() {
        List<UniEmitter<? super Void>> now = List.copyOf(unflushed);
        unflushed.removeAll(now);
        now.forEach(emitter -> emitter.complete(null));
    }

    void failAll() {
        List<UniEmitter<? super Void>> now = List.copyOf(unflushed);
        unflushed.removeAll(now);
        now.forEach(emitter -> emitter.fail(new IllegalStateException("connection reset")));
    }
}
