package dev.backchannel.client.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.client.testing.FakeScheduler;
import dev.backchannel.client.testing.Frames;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.CommandStatus;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandReceiptsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final Command command = Command.create(Frames.uuid(), Frames.uuid(), "Buy milk", ItemStatus.TODO);
    private CompletableFuture<Optional<CommandStatus>> queryAnswer = CompletableFuture.completedFuture(Optional.empty());
    private CommandReceipts receipts;

    @BeforeEach
    void setUp() {
        receipts = new CommandReceipts(scheduler, TIMEOUT, id -> queryAnswer);
        receipts.addListener((receipt, previous) -> changes.add(previous + "->" + receipt.state()));
    }

    private ReceiptState state() {
        return receipts.get(command.commandId()).orElseThrow().state();
    }

    @Test
    void goesFromSendingToAcceptedToSucceededWithTheOutcomeFrame() {
        Frame.CommandSucceeded outcome = Frames.succeeded(1, command.commandId());

        receipts.track(command);
        receipts.accepted(CommandAccepted.of(command.commandId(), scheduler.now()));
        receipts.onFrame(outcome);

        assertThat(changes).containsExactly("null->SENDING", "SENDING->ACCEPTED", "ACCEPTED->SUCCEEDED");
        assertThat(receipts.get(command.commandId()).orElseThrow().outcome()).isEqualTo(outcome);
        assertThat(receipts.whenSettled(command.commandId())).isCompletedWithValueMatching(
                r -> r.state() == ReceiptState.SUCCEEDED);
    }

    @Test
    void countsTheSameOutcomeOnceWhenTwoWindowsAndAResumeDeliverIt() {
        Frame.CommandFailed outcome = Frames.failed(1, command.commandId());
        receipts.track(command);
        receipts.accepted(CommandAccepted.of(command.commandId(), scheduler.now()));

        assertThat(receipts.onFrame(outcome)).isTrue();
        assertThat(receipts.onFrame(outcome)).isFalse();
        assertThat(receipts.onFrame(outcome)).isFalse();
        assertThat(receipts.onStatus(CommandStatus.of(outcome))).isFalse();

        assertThat(changes).containsExactly("null->SENDING", "SENDING->ACCEPTED", "ACCEPTED->FAILED");
        assertThat(receipts.get(command.commandId()).orElseThrow().message()).isEqualTo("Someone changed this item first");
    }

    @Test
    void ignoresASecondOutcomeOfAnAlreadySettledCommand() {
        receipts.track(command);
        receipts.onFrame(Frames.succeeded(1, command.commandId()));

        assertThat(receipts.onFrame(Frames.failed(2, command.commandId()))).isFalse();
        assertThat(state()).isEqualTo(ReceiptState.SUCCEEDED);
    }

    @Test
    void keepsAnOutcomeThatArrivesBeforeTheAcceptedAnswer() {
        receipts.track(command);
        receipts.onFrame(Frames.succeeded(1, command.commandId()));
        receipts.accepted(CommandAccepted.of(command.commandId(), scheduler.now()));

        assertThat(state()).isEqualTo(ReceiptState.SUCCEEDED);
        assertThat(scheduler.hasPending()).isFalse();
    }

    @Test
    void becomesUnknownWhenNoOutcomeArrivesWithinTheTimeout() {
        receipts.track(command);
        receipts.accepted(CommandAccepted.of(command.commandId(), scheduler.now()));
        CompletableFuture<Receipt> settled = receipts.whenSettled(command.commandId());

        scheduler.advance(TIMEOUT.minusSeconds(1));
        assertThat(state()).isEqualTo(ReceiptState.ACCEPTED);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(state()).isEqualTo(ReceiptState.UNKNOWN);
        assertThat(settled).isCompletedWithValueMatching(r -> r.state() == ReceiptState.UNKNOWN);
    }

    @Test
    void asksTheQuerySideBeforeCallingATimedOutReceiptUnknown() {
        Frame.CommandSucceeded outcome = Frames.succeeded(5, command.commandId());
        queryAnswer = CompletableFuture.completedFuture(Optional.of(CommandStatus.of(outcome)));
        receipts.track(command);
        receipts.accepted(CommandAccepted.of(command.commandId(), scheduler.now()));

        scheduler.advance(TIMEOUT);

        assertThat(state()).isEqualTo(ReceiptState.SUCCEEDED);
        assertThat(changes).doesNotContain("ACCEPTED->UNKNOWN");
    }

    @Test
    void settlesAnUnknownReceiptWhenItsOutcomeArrivesLate() {
        receipts.track(command);
        receipts.gaveUp(command.commandId());

        receipts.onFrame(Frames.succeeded(9, command.commandId()));

        assertThat(changes).containsExactly("null->SENDING", "SENDING->UNKNOWN", "UNKNOWN->SUCCEEDED");
    }

    @Test
    void aRejectedCommandStaysRejectedAndCarriesTheProblem() {
        receipts.track(command);
        receipts.rejected(command.commandId(), Problem.of(422, "Unprocessable", "commandId reused"));

        assertThat(state()).isEqualTo(ReceiptState.REJECTED);
        assertThat(receipts.get(command.commandId()).orElseThrow().message()).isEqualTo("commandId reused");
        assertThat(receipts.whenSettled(command.commandId())).isCompletedWithValueMatching(
                r -> r.state() == ReceiptState.REJECTED);
        assertThat(receipts.unsettled()).isEmpty();
    }

    @Test
    void recordsTheOutcomeOfACommandSentFromAnotherWindowOnce() {
        String elsewhere = Frames.uuid();
        Frame.CommandSucceeded outcome = Frames.succeeded(3, elsewhere);

        receipts.onFrame(outcome);
        receipts.onFrame(outcome);

        assertThat(receipts.get(elsewhere)).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(ReceiptState.SUCCEEDED);
            assertThat(r.command()).isNull();
        });
        assertThat(changes).containsExactly("null->SUCCEEDED");
    }

    @Test
    void listsAcceptedSendingAndUnknownReceiptsAsUnsettled() {
        Command other = Command.create(Frames.uuid(), Frames.uuid(), "Other", ItemStatus.TODO);
        receipts.track(command);
        receipts.track(other);
        receipts.accepted(CommandAccepted.of(other.commandId(), scheduler.now()));

        assertThat(receipts.unsettled()).extracting(Receipt::commandId)
                .containsExactly(command.commandId(), other.commandId());
    }
}
