package dev.backchannel.client.receipts;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.CommandStatus;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Every command this user sent, and where each stands: {@code SENDING} → {@code ACCEPTED} →
 * {@code SUCCEEDED} | {@code FAILED}; {@code REJECTED} on a 4xx; {@code UNKNOWN} when no outcome
 * came within the timeout after acceptance (the query side is asked once first). Fed by the HTTP
 * answers, the socket frames and the query side. The same outcome arriving twice (two windows, a
 * resume replay, the query side after the frame) changes a receipt once: outcomes are deduplicated
 * by {@code eventId}, and a settled receipt ignores any later outcome. Thread-safe; listeners are
 * called outside the lock, on the caller's thread.
 */
public final class CommandReceipts {

    private final Scheduler scheduler;
    private final Duration timeout;
    private final StatusLookup lookup;
    private final Object lock = new Object();
    private final Map<String, Receipt> receipts = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Receipt>> settled = new HashMap<>();
    private final SeenEventIds seenEventIds = new SeenEventIds(10_000);
    private final List<ReceiptListener> listeners = new CopyOnWriteArrayList<>();

    public CommandReceipts(Scheduler scheduler, Duration timeout, StatusLookup lookup) {
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.lookup = lookup;
    }

    public void addListener(ReceiptListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ReceiptListener listener) {
        listeners.remove(listener);
    }

    /** Starts tracking a command about to be sent (it must carry its commandId). */
    public void track(Command command) {
        synchronized (lock) {
            if (receipts.containsKey(command.commandId())) {
                return;
            }
            receipts.put(command.commandId(), Receipt.sending(command, scheduler.now()));
        }
        listeners.forEach(l -> l.onReceiptChanged(get(command.commandId()).orElseThrow(), null));
    }

    /** The {@code 202} answer came; starts the receipt timeout. */
    public void accepted(CommandAccepted answer) {
        if (change(answer.commandId(), r -> r.state() == ReceiptState.SENDING ? r.accepted(answer, scheduler.now()) : r)) {
            scheduler.schedule(timeout, () -> timedOut(answer.commandId()));
        }
    }

    /** The API refused the command with a 4xx. */
    public void rejected(String commandId, Problem problem) {
        change(commandId, r -> r.state() == ReceiptState.SENDING ? r.rejected(problem, scheduler.now()) : r);
    }

    /** Every attempt to send failed: it may or may not have been accepted. */
    public void gaveUp(String commandId) {
        change(commandId, r -> r.state().isPending() ? r.unknown(scheduler.now()) : r);
    }

    /** Applies a {@code command.succeeded} or {@code command.failed} frame; other frames are ignored. */
    public boolean onFrame(Frame frame) {
        if (!(frame instanceof Frame.CommandOutcome outcome) || !seenEventIds.add(outcome.eventId())) {
            return false;
        }
        Receipt elsewhere = Receipt.settledElsewhere(outcome, scheduler.now());
        boolean unseen;
        synchronized (lock) {
            unseen = receipts.putIfAbsent(outcome.commandId(), elsewhere) == null;
        }
        if (unseen) {
            listeners.forEach(l -> l.onReceiptChanged(elsewhere, null));
            return true;
        }
        return change(outcome.commandId(), r -> r.state().isFinal() ? r : r.settled(outcome, scheduler.now()));
    }

    /** Applies an answer of {@code GET /api/commands/{id}}. */
    public boolean onStatus(CommandStatus status) {
        return status.outcome() != null && onFrame(status.outcome());
    }

    public Optional<Receipt> get(String commandId) {
        synchronized (lock) {
            return Optional.ofNullable(receipts.get(commandId));
        }
    }

    /** Every receipt, in the order the commands were first seen. */
    public List<Receipt> all() {
        synchronized (lock) {
            return List.copyOf(receipts.values());
        }
    }

    /** The receipts not settled for good: sending, accepted or unknown. */
    public List<Receipt> unsettled() {
        synchronized (lock) {
            return receipts.values().stream().filter(r -> !r.state().isFinal()).toList();
        }
    }

    /**
     * Completes when the receipt is settled for good, or becomes {@code UNKNOWN}, whichever
     * comes first (a later outcome still updates the receipt and its listeners).
     */
    public CompletableFuture<Receipt> whenSettled(String commandId) {
        synchronized (lock) {
            Receipt receipt = receipts.get(commandId);
            if (receipt != null && !receipt.state().isPending()) {
                return CompletableFuture.completedFuture(receipt);
            }
            return settled.computeIfAbsent(commandId, id -> new CompletableFuture<>());
        }
    }

    private void timedOut(String commandId) {
        if (get(commandId).map(r -> r.state().isPending()).orElse(false)) {
            lookup.commandStatus(commandId).whenComplete((status, error) -> {
                if (status == null || status.isEmpty() || !onStatus(status.get())) {
                    change(commandId, r -> r.state().isPending() ? r.unknown(scheduler.now()) : r);
                }
            });
        }
    }

    /** Applies {@code transition} to a known receipt; tells listeners when its state changed. */
    private boolean change(String commandId, UnaryOperator<Receipt> transition) {
        Receipt before;
        Receipt after;
        CompletableFuture<Receipt> waiting = null;
        synchronized (lock) {
            before = receipts.get(commandId);
            if (before == null) {
                return false;
            }
            after = transition.apply(before);
            if (after.state() == before.state()) {
                return false;
            }
            receipts.put(commandId, after);
            if (!after.state().isPending()) {
                waiting = settled.remove(commandId);
            }
        }
        for (ReceiptListener listener : new ArrayList<>(listeners)) {
            listener.onReceiptChanged(after, before.state());
        }
        if (waiting != null) {
            waiting.complete(after);
        }
        return true;
    }
}
