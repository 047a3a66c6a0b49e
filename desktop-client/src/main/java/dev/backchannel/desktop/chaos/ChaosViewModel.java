package dev.backchannel.desktop.chaos;

import dev.backchannel.client.http.ChaosApi;
import dev.backchannel.client.http.ProblemException;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.toast.Toasts;
import dev.backchannel.schemas.ChaosFlags;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;

/**
 * The chaos flags of the whole system: {@link #load()} reads them ({@code GET /api/chaos}; 404
 * means chaos is off on this server), {@link #apply()} sends the whole document ({@code PUT}).
 * The view calls {@link #apply()} when a switch flips or a slider is let go, so changes are live.
 * {@link #watch} reads them again every few seconds, so a change made in another window, by another
 * user or with curl shows up here too (the client library offers the flags over HTTP only).
 */
public final class ChaosViewModel {

    // Properties
    private final FaultSwitch apiErrors = new FaultSwitch("apiErrorRate", "API errors",
            "POST /api/commands answers 500 (sometimes after enqueueing): the client retries");
    private final FaultSwitch processorFailures = new FaultSwitch("processorFailureRate", "Processing failures",
            "commands fail with processing_failed: you see a red toast");
    private final FaultSwitch processorCrashes = new FaultSwitch("processorCrashRate", "Processor crashes",
            "the processor dies mid-command: the broker redelivers");
    private final FaultSwitch publishFailures = new FaultSwitch("publishFailureRate", "Publish failures",
            "publishing a status event fails: the outbox retries");
    private final FaultSwitch socketDrops = new FaultSwitch("gatewayDisconnectRate", "Socket drops",
            "a push closes the socket: the client reconnects and resumes");
    private final LongProperty delayMinMs = new SimpleLongProperty(0);
    private final LongProperty delayMaxMs = new SimpleLongProperty(0);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading chaos flags…");

    private final ChaosApi api;
    private final Toasts toasts;
    private final Executor ui;
    private boolean showingServerValues;
    private boolean applying;
    private volatile boolean watching;
    private Scheduler.Cancellable nextRead;

    public ChaosViewModel(ChaosApi api, Toasts toasts, Executor ui) {
        this.api = api;
        this.toasts = toasts;
        this.ui = ui;
    }

    // Commands

    public void load() {
        api.current().whenComplete((flags, error) -> ui.execute(() -> loaded(flags, error)));
    }

    /** Reads the flags now and then every {@code every} until {@link #stopWatching()}. */
    public void watch(Scheduler scheduler, Duration every) {
        watching = true;
        readAndReschedule(scheduler, every);
    }

    public void stopWatching() {
        watching = false;
        Scheduler.Cancellable pending = nextRead;
        if (pending != null) {
            pending.cancel();
        }
    }

    private void readAndReschedule(Scheduler scheduler, Duration every) {
        if (!watching) {
            return;
        }
        api.current().whenComplete((flags, error) -> ui.execute(() -> {
            if (!watching) {
                return;
            }
            if (available.get() && error == null && flags.isPresent()) {
                changedElsewhere(flags.get());
            } else {
                loaded(flags, error);
            }
            nextRead = scheduler.schedule(every, () -> readAndReschedule(scheduler, every));
        }));
    }

    /** A periodic read: shows flags that differ from the ones shown, unless this window is applying its own. */
    private void changedElsewhere(ChaosFlags inForce) {
        if (applying || inForce.equals(flags())) {
            return;
        }
        show(inForce);
        status.set("Changed elsewhere: showing the flags in force now");
    }

    /** Sends every flag as shown now. */
    public void apply() {
        if (!available.get() || showingServerValues) {
            return;
        }
        ChaosFlags flags = flags();
        status.set("Applying…");
        applying = true;
        api.change(flags).whenComplete((applied, error) -> ui.execute(() -> {
            applying = false;
            if (applied != null) {
                show(applied);
                status.set("Applied to every service");
            } else {
                String why = describe(unwrap(error));
                status.set(why);
                toasts.failure("Chaos not changed: " + why);
            }
        }));
    }

    /** The flags as shown now; the delay range is put in order when min exceeds max. */
    public ChaosFlags flags() {
        long min = Math.max(0, delayMinMs.get());
        long max = Math.max(min, delayMaxMs.get());
        return new ChaosFlags(apiErrors.rate(), new ChaosFlags.DelayRange(min, max), processorFailures.rate(),
                processorCrashes.rate(), publishFailures.rate(), socketDrops.rate());
    }

    private void loaded(Optional<ChaosFlags> flags, Throwable error) {
        if (error != null) {
            available.set(false);
            status.set("Could not read the chaos flags: " + describe(unwrap(error)));
        } else if (flags.isEmpty()) {
            available.set(false);
            status.set("Chaos is off on this server (GET /api/chaos answered 404)");
        } else {
            show(flags.get());
            available.set(true);
            status.set("Live: changes apply to every service within a second");
        }
    }

    private void show(ChaosFlags flags) {
        showingServerValues = true;
        try {
            showValues(flags);
        } finally {
            showingServerValues = false;
        }
    }

    private void showValues(ChaosFlags flags) {
        apiErrors.show(flags.apiErrorRate());
        processorFailures.show(flags.processorFailureRate());
        processorCrashes.show(flags.processorCrashRate());
        publishFailures.show(flags.publishFailureRate());
        socketDrops.show(flags.gatewayDisconnectRate());
        delayMinMs.set(flags.queueDelayMs().min());
        delayMaxMs.set(flags.queueDelayMs().max());
    }

    private static String describe(Throwable error) {
        if (error instanceof ChaosApi.ChaosDisabledException) {
            return "chaos is off on this server";
        }
        if (error instanceof ProblemException problem) {
            return switch (problem.status()) {
                case 401 -> "your session is not accepted; sign in again";
                case 403 -> "this user may not change chaos";
                default -> problem.problem().detail() != null ? problem.problem().detail() : problem.getMessage();
            };
        }
        return "the API does not answer (" + error.getClass().getSimpleName() + ")";
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Every fault switch, in the order the panel shows them. */
    public List<FaultSwitch> switches() {
        return List.of(apiErrors, processorFailures, processorCrashes, publishFailures, socketDrops);
    }

    public LongProperty delayMinMsProperty() {
        return delayMinMs;
    }

    public LongProperty delayMaxMsProperty() {
        return delayMaxMs;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
