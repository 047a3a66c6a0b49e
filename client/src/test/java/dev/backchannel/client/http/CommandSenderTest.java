package dev.backchannel.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.testing.FakeApi;
import dev.backchannel.client.testing.FakeApi.Answer;
import dev.backchannel.client.testing.FakeScheduler;
import dev.backchannel.client.testing.FakeTokens;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandSenderTest {

    /** nextDouble() is 0.5, so the jitter factor is exactly 1 and delays equal the ceilings. */
    private static final RandomGenerator NO_JITTER = () -> Long.MIN_VALUE;
    private static final String COMMANDS = "/api/commands";

    private final FakeApi api = FakeApi.start();
    private final FakeScheduler scheduler = new FakeScheduler();
    private final Command command = Command.create(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
            "Buy milk", ItemStatus.TODO);

    @AfterEach
    void stop() {
        api.close();
    }

    private CommandSender sender(int maxAttempts) {
        return sender(maxAttempts, api.url());
    }

    private CommandSender sender(int maxAttempts, java.net.URI url) {
        CommandRetryPolicy policy = new CommandRetryPolicy(
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(300), 2.0), maxAttempts, NO_JITTER, scheduler::now);
        return new CommandSender(HttpClient.newHttpClient(), url, new FakeTokens(), policy, scheduler,
                Duration.ofSeconds(5));
    }

    private Answer accepted() {
        return Answer.of(202, Json.write(CommandAccepted.of(command.commandId(), scheduler.now())))
                .withHeader("Location", "/api/commands/" + command.commandId());
    }

    /** Waits for the sender to schedule its next attempt, then runs it; returns the wait. */
    private Duration nextRetry() {
        await().atMost(Duration.ofSeconds(5)).until(scheduler::hasPending);
        return scheduler.runNext();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        await().atMost(Duration.ofSeconds(5)).until(future::isDone);
        try {
            future.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void retriesWithTheSameCommandIdAndIdenticalBodyUntilAccepted() throws Exception {
        api.answer("POST", COMMANDS, Answer.of(500), Answer.of(500), accepted());

        CompletableFuture<CommandAccepted> result = sender(6).send(command);
        nextRetry();
        nextRetry();

        assertThat(result.get(5, java.util.concurrent.TimeUnit.SECONDS).commandId()).isEqualTo(command.commandId());
        List<FakeApi.Received> posts = api.received("POST", COMMANDS);
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(FakeApi.Received::body).containsOnly(Json.write(command));
        assertThat(posts).extracting(p -> p.headers().getFirst("Idempotency-Key")).containsOnly(command.commandId());
        assertThat(posts).extracting(p -> p.headers().getFirst("Authorization")).containsOnly("Bearer token-1");
    }

    @Test
    void waitsLongerBeforeEachRetryUntilTheCap() throws Exception {
        api.answer("POST", COMMANDS, Answer.of(500), Answer.of(503), Answer.of(500), Answer.of(500), Answer.of(500),
                accepted());

        CompletableFuture<CommandAccepted> result = sender(6).send(command);
        List<Duration> waits = List.of(nextRetry(), nextRetry(), nextRetry(), nextRetry(), nextRetry());

        assertThat(result.get(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        assertThat(waits).extracting(Duration::toMillis).containsExactly(100L, 200L, 300L, 300L, 300L);
    }

    @Test
    void waitsWhatRetryAfterAsksFor() throws Exception {
        api.answer("POST", COMMANDS, Answer.of(503).withHeader("Retry-After", "7"),
                Answer.of(429).withHeader("Retry-After", "2"), accepted());

        CompletableFuture<CommandAccepted> result = sender(6).send(command);

        assertThat(List.of(nextRetry(), nextRetry())).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(result.get(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 413, 415, 422})
    void neverRetriesAClientError(int status) {
        api.answer("POST", COMMANDS, Answer.of(status,
                "{\"type\":\"about:blank\",\"title\":\"Nope\",\"status\":" + status + ",\"detail\":\"bad\"}"));

        Throwable failure = failureOf(sender(6).send(command));

        assertThat(failure).isInstanceOf(CommandRejectedException.class);
        assertThat(((CommandRejectedException) failure).status()).isEqualTo(status);
        assertThat(((CommandRejectedException) failure).problem().detail()).isEqualTo("bad");
        assertThat(api.received("POST", COMMANDS)).hasSize(1);
        assertThat(scheduler.hasPending()).isFalse();
    }

    @Test
    void givesUpAfterMaxAttemptsOfServerErrors() {
        api.answer("POST", COMMANDS, Answer.of(500));

        CompletableFuture<CommandAccepted> result = sender(3).send(command);
        nextRetry();
        nextRetry();

        Throwable failure = failureOf(result);
        assertThat(failure).isInstanceOf(RetriesExhaustedException.class);
        assertThat(((RetriesExhaustedException) failure).attempts()).isEqualTo(3);
        assertThat(((RetriesExhaustedException) failure).lastStatus()).isEqualTo(500);
        assertThat(api.received("POST", COMMANDS)).hasSize(3);
    }

    @Test
    void retriesNetworkErrorsAndGivesUpAfterMaxAttempts() {
        java.net.URI nobodyListens = api.url();
        api.close();

        CompletableFuture<CommandAccepted> result = sender(3, nobodyListens).send(command);
        nextRetry();
        nextRetry();

        Throwable failure = failureOf(result);
        assertThat(failure).isInstanceOf(RetriesExhaustedException.class);
        assertThat(((RetriesExhaustedException) failure).lastStatus()).isZero();
        assertThat(failure.getCause()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void tellsListenersEveryAttemptAndTheWaitBeforeTheNext() throws Exception {
        api.answer("POST", COMMANDS, Answer.of(500), Answer.of(503), accepted());
        List<String> seen = new CopyOnWriteArrayList<>();
        CommandSender sender = sender(6);
        sender.addListener(new CommandListener() {
            @Override
            public void onAttempt(Attempt attempt) {
                seen.add("attempt " + attempt.number() + " of " + attempt.maxAttempts() + ": " + attempt.status());
            }

            @Override
            public void onRetryScheduled(String commandId, Duration delay, int nextAttempt, int maxAttempts) {
                seen.add("retrying in " + delay.toMillis() + " ms (attempt " + nextAttempt + " of " + maxAttempts + ")");
            }

            @Override
            public void onAccepted(CommandAccepted accepted, int attempts) {
                seen.add("accepted after " + attempts);
            }
        });

        CompletableFuture<CommandAccepted> result = sender.send(command);
        nextRetry();
        nextRetry();
        result.get(5, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(seen).containsExactly("attempt 1 of 6: 500", "retrying in 100 ms (attempt 2 of 6)",
                "attempt 2 of 6: 503", "retrying in 200 ms (attempt 3 of 6)", "attempt 3 of 6: 202",
                "accepted after 3");
    }
}
