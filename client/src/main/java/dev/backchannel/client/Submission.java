package dev.backchannel.client;

import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.schemas.CommandAccepted;
import java.util.concurrent.CompletableFuture;

/**
 * A command handed to {@link BackchannelClient#submit}.
 *
 * @param commandId the command's id (generated when the command had none)
 * @param accepted  completes with the {@code 202} answer; fails with
 *                  {@link dev.backchannel.client.http.CommandRejectedException} (4xx) or
 *                  {@link dev.backchannel.client.http.RetriesExhaustedException} (no attempt accepted)
 * @param settled   completes with the receipt once it is succeeded, failed, rejected or unknown;
 *                  it never fails
 */
public record Submission(String commandId, CompletableFuture<CommandAccepted> accepted,
        CompletableFuture<Receipt> settled) {
}
