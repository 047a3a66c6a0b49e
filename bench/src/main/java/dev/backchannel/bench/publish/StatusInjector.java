package dev.backchannel.bench.publish;

import dev.backchannel.schemas.Addresses;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes status events straight onto the broker's {@code status} address, as the processor does
 * (durable, JSON body, {@code group-id} = user id), following an {@link OpenLoopSchedule}. A 1 ms
 * timer sends every event that is due, as far as the broker's link credit allows; at most
 * {@code maxInFlight} wait for the broker's settlement, so a slow broker delays sending (which the
 * due-time stamps then show as latency, and the publisher lag as such).
 */
public final class StatusInjector implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 4_000;
    /**
     * Every event carries its own time to live, as the outbox relay's do: the broker then does not
     * apply the status address's expiry delay itself, which costs it a re-encoding of every message.
     * The same on both addresses, so the gateway and the broker-fed baseline get the same broker work.
     */
    private static final long TTL_MILLIS = 3_600_000;

    private final Vertx vertx;
    private final AmqpClient client;
    private final AmqpSender sender;
    private final Context context;
    private long nextSequence = BenchEvents.firstSequence();

    private StatusInjector(Vertx vertx, AmqpClient client, AmqpSender sender, Context context) {
        this.vertx = vertx;
        this.client = client;
        this.sender = sender;
        this.context = context;
    }

    public static StatusInjector connect(Vertx vertx, String host, int port, String user, String password) {
        return connect(vertx, Addresses.STATUS, host, port, user, password);
    }

    /** Publishes onto {@code address} instead (a multicast address made like {@code status}). */
    public static StatusInjector connect(Vertx vertx, String address, String host, int port, String user,
            String password) {
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(host).setPort(port)
                .setUsername(user).setPassword(password));
        Context context = vertx.getOrCreateContext();
        CompletableFuture<AmqpSender> sender = new CompletableFuture<>();
        context.runOnContext(ignored -> client.connect()
                .compose(connection -> connection.createSender(address,
                        new AmqpSenderOptions().addCapability("topic")))
                .onSuccess(sender::complete).onFailure(sender::completeExceptionally));
        try {
            return new StatusInjector(vertx, client, sender.get(15, TimeUnit.SECONDS), context);
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("cannot publish onto " + address + " at " + host + ":" + port, e);
        }
    }

    /**
     * Publishes the schedule, starting {@code startIn} from now; completes when the broker settled
     * (or refused) every event, or {@code timeout} after the schedule's end.
     */
    public CompletableFuture<Outcome> publish(OpenLoopSchedule schedule, Duration startIn, Duration timeout) {
        Run run = new Run(schedule, nextSequence, Instant.now().plus(startIn), System.nanoTime() + startIn.toNanos(),
                timeout);
        nextSequence += schedule.count();
        context.runOnContext(ignored -> run.start());
        return run.done;
    }

    /** The event ids the next {@link #publish} of {@code schedule} will carry. */
    public EventRange nextRange(OpenLoopSchedule schedule) {
        return new EventRange(nextSequence, schedule.count());
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing at the end of a run: nothing left to do about it
        }
    }

    /** What publishing achieved: settled and refused events, and how far behind schedule sending fell. */
    public record Outcome(Instant startedAt, int settled, int refused, int unsettled, double maxLagMillis,
            double seconds) {
    }

    private final class Run {
        private final OpenLoopSchedule schedule;
        private final int[] users;
        private final long firstSequence;
        private final Instant startAt;
        private final long startNanos;
        private final long deadlineNanos;
        private final CompletableFuture<Outcome> done = new CompletableFuture<>();
        private int next;
        private int inFlight;
        private int settled;
        private int refused;
        private long maxLagNanos;
        private long timer = -1;
        private long finishedNanos;

        Run(OpenLoopSchedule schedule, long firstSequence, Instant startAt, long startNanos, Duration timeout) {
            this.schedule = schedule;
            this.users = schedule.userIndexes();
            this.firstSequence = firstSequence;
            this.startAt = startAt;
            this.startNanos = startNanos;
            this.deadlineNanos = startNanos + schedule.dueNanos(schedule.count()) + timeout.toNanos();
        }

        void start() {
            timer = vertx.setPeriodic(1, id -> tick());
        }

        private void tick() {
            long now = System.nanoTime();
            // only with link credit: deliveries queued without it make proton walk all of them on every
            // flush (quadratic), and the driver then eats the cores the measured side needs
            while (next < schedule.count() && inFlight < MAX_IN_FLIGHT && sender.remainingCredits() > 0) {
                long due = startNanos + schedule.dueNanos(next);
                if (due > now) {
                    break;
                }
                maxLagNanos = Math.max(maxLagNanos, now - due);
                send(next, startAt.plusNanos(schedule.dueNanos(next)));
                next++;
            }
            if (next == schedule.count() && finishedNanos == 0) {
                finishedNanos = now;
            }
            if ((next == schedule.count() && inFlight == 0) || now > deadlineNanos) {
                vertx.cancelTimer(timer);
                double seconds = ((finishedNanos == 0 ? now : finishedNanos) - startNanos) / 1e9;
                done.complete(new Outcome(startAt, settled, refused, schedule.count() - settled - refused,
                        maxLagNanos / 1e6, seconds));
            }
        }

        private void send(int index, Instant dueAt) {
            String userId = schedule.users().get(users[index]);
            String json = BenchEvents.statusEvent(BenchEvents.eventId(firstSequence + index), userId, dueAt);
            AmqpMessage message = AmqpMessage.create().durable(true).ttl(TTL_MILLIS).groupId(userId)
                    .contentType("application/json")
                    .withBufferAsBody(Buffer.buffer(json)).build();
            inFlight++;
            sender.sendWithAck(message).onComplete(result -> {
                inFlight--;
                if (result.succeeded()) {
                    settled++;
                } else {
                    refused++;
                }
            });
        }
    }
}
