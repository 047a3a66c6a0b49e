package dev.backchannel.api.commands;

import dev.backchannel.service.identity.Caller;
import dev.backchannel.api.RequestBodies;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.CommandAccepted;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code POST /api/commands}: 202 once the broker holds the command durably. {@code GET
 * /api/commands/{id}} (where the 202's {@code Location} points): the caller's accepted command, as
 * {@code 303 See Other} to its outcome on the query side ({@code backchannel.api.query-url}), with
 * the acceptance in the body; a client that follows it gets 404 there until it is processed.
 */
@Path("/api/commands")
@Authenticated
public class CommandResource {

    private final CommandIntake intake;
    private final AcceptedCommands accepted;
    private final ApiConfig config;
    private final Caller caller;

    CommandResource(CommandIntake intake, AcceptedCommands accepted, ApiConfig config, Caller caller) {
        this.intake = intake;
        this.accepted = accepted;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("traceparent") String traceparent) {
        CommandAccepted answer = intake.accept(caller.userId(), RequestBodies.text(body, contentType),
                idempotencyKey, traceparent);
        // Relative, as the contract says; GET on it here points on to the query side.
        return Response.accepted(answer).header(HttpHeaders.LOCATION, "/api/commands/" + answer.commandId()).build();
    }

    @GET
    @Path("/{commandId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("commandId") String commandId) {
        AcceptedCommand command = accepted.find(commandId).filter(found -> found.userId().equals(caller.userId()))
                .orElseThrow(() -> ApiProblem.notFound("No command " + commandId + " of yours was accepted here."));
        URI outcome = URI.create(config.queryUrl().replaceAll("/+$", "") + "/api/commands/" + commandId);
        return Response.seeOther(outcome).entity(CommandAccepted.of(command.commandId(), command.acceptedAt())).build();
    }
}
