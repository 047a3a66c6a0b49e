package dev.backchannel.desktop.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.testing.FakeBackchannel;
import dev.backchannel.desktop.testing.ManualScheduler;
import dev.backchannel.desktop.testing.RecordingToasts;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChaosViewModelTest {

    private final FakeBackchannel system = FakeBackchannel.start();
    private final RecordingToasts toasts = new RecordingToasts();
    private final UserSession alice = SessionOpener.using(system.gateway(), Scheduler.system()).open(system.config("alice"));
    private final ChaosViewModel model = new ChaosViewModel(alice.chaos(), toasts, Runnable::run);

    @AfterEach
    void stop() {
        alice.close();
        system.close();
    }

    @Test
    void loadShowsTheFlagsInForce() {
        model.load();

        await().until(() -> model.availableProperty().get());
        assertThat(model.delayMinMsProperty().get()).isEqualTo(500);
        assertThat(model.delayMaxMsProperty().get()).isEqualTo(2000);
        assertThat(model.switches()).allSatisfy(fault -> assertThat(fault.onProperty().get()).isFalse());
    }

    @Test
    void watchingShowsAChangeMadeByAnotherUser() {
        ManualScheduler scheduler = new ManualScheduler();
        model.watch(scheduler, Duration.ofSeconds(2));
        await().until(() -> model.availableProperty().get() && scheduler.delays().contains(Duration.ofSeconds(2)));
        UserSession bob = SessionOpener.using(system.gateway(), Scheduler.system()).open(system.config("bob"));
        bob.chaos().change(new ChaosFlags(0.0, new ChaosFlags.DelayRange(100, 300), 0.4, 0.0, 0.0, 0.0)).join();

        scheduler.runPending(Duration.ofSeconds(2));

        FaultSwitch processorFailures = model.switches().get(1);
        await().until(() -> processorFailures.onProperty().get());
        assertThat(processorFailures.levelProperty().get()).isEqualTo(0.4);
        assertThat(model.delayMinMsProperty().get()).isEqualTo(100);
        assertThat(model.delayMaxMsProperty().get()).isEqualTo(300);
        assertThat(model.statusProperty().get()).startsWith("Changed elsewhere");
        assertThat(system.chaosPuts()).as("showing them sends nothing back").hasSize(1);
        bob.close();
    }

    @Test
    void notFoundMeansChaosIsOffAndNothingIsSent() {
        system.disableChaos();

        model.load();

        await().until(() -> model.statusProperty().get().startsWith("Chaos is off on this server"));
        model.apply();
        assertThat(model.availableProperty().get()).isFalse();
        assertThat(system.chaosPuts()).isEmpty();
    }

    @Test
    void switchingAFaultOnSendsTheWholeDocumentWithItsRate() {
        model.load();
        await().until(() -> model.availableProperty().get());
        FaultSwitch apiErrors = model.switches().get(0);
        apiErrors.levelProperty().set(0.3);

        apiErrors.onProperty().set(true);
        model.apply();

        await().until(() -> system.chaosPuts().size() == 1);
        assertThat(Json.read(system.chaosPuts().get(0), ChaosFlags.class))
                .isEqualTo(new ChaosFlags(0.3, new ChaosFlags.DelayRange(500, 2000), 0, 0, 0, 0));
        await().until(() -> model.statusProperty().get().equals("Applied to every service"));
    }

    @Test
    void refusedChangeShowsARedToastSayingWhy() {
        system.answerChaosPutsWith(403);
        model.load();
        await().until(() -> model.availableProperty().get());

        model.switches().get(4).onProperty().set(true);
        model.apply();

        await().until(() -> toasts.shown().contains("failure: Chaos not changed: this user may not change chaos"));
    }

    @Test
    void delayRangeIsPutInOrderWhenMinExceedsMax() {
        model.delayMinMsProperty().set(3000);
        model.delayMaxMsProperty().set(1000);

        assertThat(model.flags().queueDelayMs()).isEqualTo(new ChaosFlags.DelayRange(3000, 3000));
    }
}
