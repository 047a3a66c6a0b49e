package dev.backchannel.desktop.receipts;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.http.CommandListener;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.desktop.commands.CommandWording;
import dev.backchannel.schemas.CommandAccepted;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every command of this user, newest first, with its state, its timeline and its attempts. Fed by
 * the library's receipts and its command listener, on the FX thread.
 */
public final class ReceiptsViewModel {

    // Properties
    private final ObservableList<ReceiptRow> rows = FXCollections.observableArrayList();

    private final Map<String, ReceiptRow> byId = new HashMap<>();
    private final ZoneId zone;

    public ReceiptsViewModel(BackchannelClient client, Executor ui, ZoneId zone) {
        this.zone = zone;
        client.receipts().addListener((receipt, previous) -> ui.execute(() -> show(receipt)));
        client.addCommandListener(new CommandListener() {
            @Override
            public void onRetryScheduled(String commandId, Duration delay, int nextAttempt, int maxAttempts) {
                String text = CommandWording.retrying(delay, nextAttempt, maxAttempts);
                ui.execute(() -> attempts(commandId, text));
            }

            @Override
            public void onAccepted(CommandAccepted accepted, int attempts) {
                if (attempts > 1) {
                    ui.execute(() -> attempts(accepted.commandId(), "accepted on attempt " + attempts));
                }
            }

            @Override
            public void onGaveUp(String commandId, int attempts, Throwable lastError) {
                ui.execute(() -> attempts(commandId, "gave up after " + attempts + " attempts"));
            }
        });
        client.receipts().all().forEach(receipt -> ui.execute(() -> show(receipt)));
    }

    private void show(Receipt receipt) {
        ReceiptRow row = byId.get(receipt.commandId());
        if (row == null) {
            boolean mine = receipt.command() != null;
            row = new ReceiptRow(receipt.commandId(), mine ? receipt.updatedAt() : null,
                    mine ? CommandWording.action(receipt.command()) : "from another window");
            byId.put(receipt.commandId(), row);
            rows.add(0, row);
        }
        row.stateProperty().set(receipt.state());
        row.timelineProperty().set(ReceiptTimeline.describe(receipt, row.sentAt(), zone));
        row.messageProperty().set(receipt.state() == ReceiptState.SENDING || receipt.state() == ReceiptState.ACCEPTED
                ? "" : receipt.message());
    }

    private void attempts(String commandId, String text) {
        ReceiptRow row = byId.get(commandId);
        if (row != null) {
            row.attemptsProperty().set(text);
        }
    }

    public ObservableList<ReceiptRow> rows() {
        return rows;
    }
}
