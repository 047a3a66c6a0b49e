package dev.backchannel.processor.outbox;

import dev.backchannel.processor.config.ProcessorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Gives committed outbox entries their place in the publish order and publishes them to
 * {@code status} in that order, on one thread, while this processor holds the outbox lead (see
 * {@link OutboxLedger}: one relay leads among all processors on a database; the others only try to
 * take the lead at each sweep). Woken right after each local commit, and by a periodic sweep, which
 * is also how the leader finds the commits of other processors; while the broker is away it retries
 * with exponential backoff, sending one entry at a time, and never sends an entry before an earlier one.
 *
 * <p>Delivery is at least once: a crash (or a failed database update) between the broker's
 * settlement and marking the entry published sends it again. Exactly once towards the gateway is not
 * possible across that gap; the gateway and the client drop repeats by {@code eventId}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxLedger ledger;
    private final StatusPublisher publisher;
    private final OutboxMetrics metrics;
    private final ProcessorConfig.Outbox config;
    private final Backoff backoff;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread relay = new Thread(runnable, "outbox-relay");
        relay.setDaemon(true);
        return relay;
    });

    private volatile boolean backingOff;
    /** Highest sequence number published, with every earlier one; touched on the relay thread only. */
    private long publishedUpTo;
    private int failures;

    public OutboxRelay(OutboxLedger ledger, StatusPublisher publisher, OutboxMetrics metrics,
            ProcessorConfig config) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config.outbox();
        this.backoff = new Backoff(this.config.backoffInitial(), this.config.backoffMax());
    }

    void start(@Observes StartupEvent started) {
        long sweep = config.sweepInterval().toMillis();
        thread.scheduleWithFixedDelay(this::sweep, 0, sweep, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        thread.shutdownNow();
        try {
            if (thread.awaitTermination(5, TimeUnit.SECONDS)) {
                ledger.giveUp(); // another processor takes the lead at once, not when this connection times out
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a drain soon; cheap, never blocks, ignored while backing off from a failure. */
    public void wake() {
        if (!backingOff && drainQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                drainQueued.set(false);
            }
        }
    }

    /**
     * The periodic round, on the relay thread: a drain, or while backing off from a publish failure
     * only the sequencing, so that outcomes get their event ids (and their query answers) meanwhile.
     */
    private void sweep() {
        if (!backingOff) {
            wake();
            return;
        }
        try {
            if (ledger.lead()) { // a lead taken here is still announced to the next drain (tookLead)
                ledger.sequence(config.batchSize());
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Outbox relay cannot sequence while backing off");
        }
    }

    private void drain() {
        drainQueued.set(false);
        if (backingOff) {
            return; // the scheduled retry drains
        }
        try {
            if (!ledger.lead()) {
                keepLinkUp(); // ready to take over
                return;
            }
            if (ledger.tookLead()) {
                publishedUpTo = ledger.publishedPrefix();
                LOG.infof("This processor leads the outbox: it publishes every processor's events from %d on",
                        publishedUpTo + 1);
            }
            while (ledger.sequence(config.batchSize()) == config.batchSize()) {
                // more committed entries may wait
            }
            while (publishBatch()) {
                // next batch
            }
            metrics.pending(ledger.lastSequenced() - publishedUpTo);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay cannot read or update the outbox after event %d", publishedUpTo);
            retryLater();
        }
    }

    /** Publishes one batch; true when a full batch went out and more may wait. */
    private boolean publishBatch() {
        int window = failures == 0 ? config.batchSize() : 1;
        List<OutboxEntry> batch = ledger.pendingAfter(publishedUpTo, window);
        if (batch.isEmpty()) {
            keepLinkUp();
            return false;
        }
        Instant publishedAt = Instant.now();
        int settled = publisher.publish(batch, publishedAt, config.publishTimeout());
        if (settled > 0) {
            long last = batch.get(settled - 1).seq();
            ledger.markPublished(batch.get(0).seq(), last, Instant.now());
            publishedUpTo = last;
            metrics.published(settled);
            metrics.publishLag(batch.subList(0, settled), publishedAt);
        }
        if (settled < batch.size()) {
            ledger.countFailedAttempt(batch.get(settled).seq(), batch.get(batch.size() - 1).seq());
            onFailure(batch.get(settled));
            return false;
        }
        if (failures > 0) {
            LOG.infof("Outbox relay publishes again after %d failed attempts", failures);
            failures = 0;
        }
        return batch.size() == window;
    }

    /** With nothing to publish, reopens a lost link anyway: readiness reports it, the next commit needs it. */
    private void keepLinkUp() {
        if (!publisher.linked() && !publisher.connect(config.publishTimeout())) {
            retryLater();
        }
    }

    private void onFailure(OutboxEntry stuck) {
        metrics.retry();
        if (failures == 0) {
            LOG.warnf("Cannot publish event %s (user %s) to status, retrying with backoff: %s", stuck.eventId(),
                    stuck.userId(), publisher.lastFailure());
        }
        retryLater();
    }

    private void retryLater() {
        failures++;
        backingOff = true;
        Duration delay = backoff.afterFailures(failures);
        thread.schedule(() -> {
            backingOff = false;
            drain();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
