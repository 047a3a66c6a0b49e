package dev.backchannel.gateway.routing;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A socket output that records frames and flushes them at once, or only when told (a client that stopped reading). */
class FakeOutput implements SocketOutput {

    final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<Runnable> unflushed = new CopyOnWriteArrayList<>();
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
    public void sendText(String text, Runnable whenDone) {
        sent.add(text);
        if (flushAtOnce) {
            whenDone.run();
        } else {
            unflushed.add(whenDone);
        }
    }

    @Override
    public Uni<Void> close(int code, String reason) {
        closedWith = code;
        return Uni.createFrom().voidItem();
    }

    void flushAll() {
        List<Runnable> now = List.copyOf(unflushed);
        unflushed.removeAll(now);
        now.forEach(Runnable::run);
    }

    void failAll() {
        List<Runnable> now = List.copyOf(unflushed);
        unflushed.removeAll(now);
        now.forEach(Runnable::run); // a failed write counts as done too

    }

    /** An output whose writes fail unexpectedly. */
    static final class Broken extends FakeOutput {
        Broken() {
            super(true);
        }

        @Override
        public void sendText(String text, Runnable whenDone) {
            throw new IllegalStateException("broken output");
        }
    }
}
