package dev.backchannel.client.http;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.Json;
import io.github.resilience4j.retry.Retry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Sends a command with {@code POST /api/commands} until it is accepted, retrying as
 * {@link CommandRetryPolicy} says. Every attempt carries the same {@code commandId}, the same
 * bytes and {@code Idempotency-Key: commandId}, so the server processes it once however often it
 * arrives. Waits go through the {@link Scheduler}; nothing blocks a thread.
 */
public final class CommandSender {

    private final HttpClient http;
    private final URI commandsUri;
    private final TokenSource tokens;
    private final CommandRetryPolicy policy;
    private final Scheduler scheduler;
    private final Duration requestTimeout;
    private final List<CommandListener> listeners = new CopyOnWriteArrayList<>();

    public CommandSender(HttpClient http, URI apiUrl, TokenSource tokens, CommandRetryPolicy policy,
            Scheduler scheduler, Duration requestTimeout) {
        this.http = http;
        this.commandsUri = Endpoints.at(apiUrl, Endpoints.COMMANDS);
        this.tokens = tokens;
        this.policy = policy;
        this.scheduler = scheduler;
        this.requestTimeout = requestTimeout;
    }

    public void addListener(CommandListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CommandListener listener) {
        listeners.remove(listener);
    }

    /**
     * Completes with the {@code 202} answer; fails with {@link CommandRejectedException} on a
     * 4xx other than 429, or {@link RetriesExhaustedException} when no attempt was accepted.
     */
    public CompletableFuture<CommandAccepted> send(Command command) {
        Objects.requireNonNull(command.commandId(), "commandId");
        Call call = new Call(command.commandId(), Json.write(command), policy.newContext(command.commandId()),
                new CompletableFuture<>());
        attempt(call, 1);
        return call.result;
    }

    private void attempt(Call call, int number) {
        tokens.token()
                .thenCompose(token -> http.sendAsync(request(call, token), HttpResponse.BodyHandlers.ofString()))
                .whenComplete((response, error) -> answered(call, number, response, error));
    }

    private HttpRequest request(Call call, String token) {
        return HttpRequest.newBuilder(commandsUri).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", call.commandId)
                .POST(HttpRequest.BodyPublishers.ofString(call.body))
                .build();
    }

    private void answered(Call call, int number, HttpResponse<String> response, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            notify(l -> l.onAttempt(new Attempt(call.commandId, number, policy.maxAttempts(), 0, cause)));
            retryOrGiveUp(call, number, call.context.onError(cause), 0, cause);
            return;
        }
        int status = response.statusCode();
        notify(l -> l.onAttempt(new Attempt(call.commandId, number, policy.maxAttempts(), status, null)));
        if (status == 202) {
            call.context.onComplete();
            CommandAccepted accepted = acceptedOf(call.commandId, response);
            notify(l -> l.onAccepted(accepted, number));
            call.result.complete(accepted);
        } else if (CommandRetryPolicy.isRetryable(status)) {
            retryOrGiveUp(call, number, call.context.onResult(response), status, null);
        } else {
            CommandRejectedException rejected = new CommandRejectedException(call.commandId,
                    ProblemException.problemOf(response));
            notify(l -> l.onRejected(call.commandId, rejected.problem()));
            call.result.completeExceptionally(rejected);
        }
    }

    private void retryOrGiveUp(Call call, int number, long waitMillis, int status, Throwable cause) {
        if (waitMillis < 0) {
            notify(l -> l.onGaveUp(call.commandId, number, cause));
            call.result.completeExceptionally(new RetriesExhaustedException(call.commandId, number, status, cause));
            return;
        }
        Duration delay = Duration.ofMillis(waitMillis);
        notify(l -> l.onRetryScheduled(call.commandId, delay, number + 1, policy.maxAttempts()));
        scheduler.schedule(delay, () -> attempt(call, number + 1));
    }

    private CommandAccepted acceptedOf(String commandId, HttpResponse<String> response) {
        try {
            return Json.read(response.body(), CommandAccepted.class);
        } catch (RuntimeException unreadable) {
            return CommandAccepted.of(commandId, scheduler.now());
        }
    }

    private void notify(Consumer<CommandListener> event) {
        for (CommandListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                System.getLogger(CommandSender.class.getName()).log(System.Logger.Level.WARNING,
                        "command listener failed", e);
            }
        }
    }

    private record Call(String commandId, String body, Retry.AsyncContext<HttpResponse<String>> context,
            CompletableFuture<CommandAccepted> result) {
    }
}
