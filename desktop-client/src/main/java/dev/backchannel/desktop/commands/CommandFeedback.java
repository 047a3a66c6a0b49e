package dev.backchannel.desktop.commands;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.http.CommandListener;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.desktop.toast.Toasts;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Turns what happens to this window's commands into toasts: green when processed, red with the
 * reason when refused or failed (a lost conflict says who changed what), neutral while retrying or when the outcome is late. Commands sent
 * from another window of the same user are left to that window.
 */
public final class CommandFeedback {

    private final BackchannelClient client;
    private final Toasts toasts;
    private final Executor ui;

    public CommandFeedback(BackchannelClient client, Toasts toasts, Executor ui) {
        this.client = client;
        this.toasts = toasts;
        this.ui = ui;
        client.receipts().addListener((receipt, previous) -> {
            if (receipt.command() != null) {
                ui.execute(() -> announce(receipt));
            }
        });
        client.addCommandListener(new CommandListener() {
            @Override
            public void onRetryScheduled(String commandId, Duration delay, int nextAttempt, int maxAttempts) {
                ui.execute(() -> toasts.info(CommandWording.retrying(delay, nextAttempt, maxAttempts)));
            }
        });
    }

    private void announce(Receipt receipt) {
        ReceiptState state = receipt.state();
        if (state == ReceiptState.SUCCEEDED) {
            toasts.success(receipt.message());
        } else if (state == ReceiptState.FAILED) {
            toasts.failure(CommandWording.failure(receipt, client.items().get(receipt.command().entityId())));
        } else if (state == ReceiptState.REJECTED) {
            toasts.failure(CommandWording.failure(receipt));
        } else if (state == ReceiptState.UNKNOWN) {
            toasts.info(CommandWording.failure(receipt));
        }
    }
}
