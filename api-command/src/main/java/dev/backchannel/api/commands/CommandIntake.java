package dev.backchannel.api.commands;

import dev.backchannel.api.RequestBodies;
import dev.backchannel.api.chaos.ApiChaos;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.limits.RateLimits;
import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.ItemTitles;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.service.trace.Traceparent;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Takes a command from the HTTP edge to the queue: checks size, rate and schema, answers a retry
 * with the answer of the first try, and refuses a different body under a known commandId.
 */
@ApplicationScoped
public class CommandIntake {

    private final ApiConfig config;
    private final RateLimits rateLimits;
    private final AcceptedCommands accepted;
    private final CommandQueue queue;
    private final DeliveryDelay delay;
    private final ApiChaos chaos;
    private final CommandMetrics metrics;

    CommandIntake(ApiConfig config, RateLimits rateLimits, AcceptedCommands accepted, CommandQueue queue,
            DeliveryDelay delay, ApiChaos chaos, CommandMetrics metrics) {
        this.config = config;
        this.rateLimits = rateLimits;
        this.accepted = accepted;
        this.queue = queue;
        this.delay = delay;
        this.chaos = chaos;
        this.metrics = metrics;
    }

    public CommandAccepted accept(String userId, String body, String idempotencyKey, String traceparent) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > config.maxCommandBytes()) {
            throw ApiProblem.tooLarge(config.maxCommandBytes());
        }
        rateLimits.command(userId);
        Command command = RequestBodies.read(body, MessageSchema.COMMAND, Command.class);
        String titleProblem = command.data() == null || command.data().title() == null ? null
                : ItemTitles.problem(command.data().title());
        if (titleProblem != null) {
            throw ApiProblem.invalid("The body does not match command.schema.json.",
                    List.of(new Problem.FieldError("data.title", titleProblem)));
        }
        if (idempotencyKey != null && !idempotencyKey.equals(command.commandId())) {
            throw ApiProblem.invalid("Idempotency-Key must equal commandId.",
                    List.of(new Problem.FieldError("Idempotency-Key", "must equal commandId")));
        }
        String bodyHash = sha256(Json.write(command));
        // chaos: half of the injected failures happen before the command is queued, half after
        boolean injectFailure = chaos.apiErrorFires();
        boolean failAfterQueueing = injectFailure && ThreadLocalRandom.current().nextBoolean();
        if (injectFailure && !failAfterQueueing) {
            throw ApiProblem.injected();
        }
        Optional<AcceptedCommand> seen = accepted.find(command.commandId());
        CommandAccepted answer;
        if (seen.isPresent()) {
            answer = answerRetry(seen.get(), userId, bodyHash);
        } else {
            Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            queue.enqueue(new QueuedCommand(command, userId, acceptedAt, Traceparent.current(traceparent)),
                    delay.next());
            answer = answerRetry(accepted.remember(
                    new AcceptedCommand(command.commandId(), userId, bodyHash, acceptedAt)), userId, bodyHash);
        }
        if (failAfterQueueing) {
            throw ApiProblem.injected();
        }
        metrics.accepted(seen.isPresent());
        return answer;
    }

    private static CommandAccepted answerRetry(AcceptedCommand seen, String userId, String bodyHash) {
        if (!seen.isRetryOf(userId, bodyHash)) {
            throw ApiProblem.reusedCommandId(seen.commandId());
        }
        return CommandAccepted.of(seen.commandId(), seen.acceptedAt());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
