package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * No accepted command without an outcome (contract v2): a command on which the processor crashes at
 * every delivery is dead-lettered by the broker after its maximum delivery attempts, and its user
 * still learns the end of it, on the socket and from the query side: {@code command.failed} with
 * {@code undeliverable}, once.
 */
class UndeliverableCommandTest {

    private static final ChaosFlags CRASH_EVERY_DELIVERY = new ChaosFlags(0, ChaosSwitch.CALM.queueDelayMs(), 0, 1.0,
            0, 0);

    private final RunningSystem system = RunningSystem.get();

    @Test
    void shouldEndACommandThatCrashesOnEveryDeliveryAsUndeliverableOnTheSocketAndTheQuerySide() {
        ChaosSwitch chaos = new ChaosSwitch(system);
        try (Window window = Window.open(system, "uma")) {
            chaos.set(CRASH_EVERY_DELIVERY);
            Command command = Commands.create(Commands.newEntityId(), "Cursed");
            try {
                window.client().submit(command).accepted().join();
                await().atMost(Duration.ofSeconds(60)).until(() -> !window.outcomesOf(command.commandId()).isEmpty());
            } finally {
                chaos.calm();
            }

            Frame.CommandOutcome outcome = window.outcomesOf(command.commandId()).get(0);
            assertThat(outcome).isInstanceOf(Frame.CommandFailed.class);
            assertThat(((Frame.CommandFailed) outcome).error().code()).isEqualTo(ErrorCode.UNDELIVERABLE);
            assertThat(outcome.timing().acceptedAt()).isNotNull();
            QuerySideProbe query = new QuerySideProbe(system, "uma");
            await().atMost(Duration.ofSeconds(10)).until(() -> query.commandStatus(command.commandId()) != null);
            assertThat(query.commandStatus(command.commandId()).status()).isEqualTo("failed");
            assertThat(((Frame.CommandFailed) query.commandStatus(command.commandId()).outcome()).error().code())
                    .isEqualTo(ErrorCode.UNDELIVERABLE);
            assertThat(query.items().items()).noneMatch(item -> item.id().equals(command.entityId()));
            assertThat(window.outcomesOf(command.commandId())).extracting(Frame.CommandOutcome::eventId)
                    .containsOnly(outcome.eventId());
        }
    }
}
