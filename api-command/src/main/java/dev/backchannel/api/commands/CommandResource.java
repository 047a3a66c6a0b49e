package dev.backchannel.api.commands;

import dev.backchannel.api.session.Caller;
import dev.backchannel.schemas.CommandAccepted;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;

/** {@code POST /api/commands}: 202 once the broker holds the command durably. */
@Path("/api/commands")
@Authenticated
public class CommandResource {

    private final CommandIntake intake;
    private final Caller caller;

    CommandResource(CommandIntake intake, Caller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(String body, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("traceparent") String traceparent) {
        CommandAccepted answer = intake.accept(caller.userId(), body, idempotencyKey, traceparent);
        // Relative, as the contract says: the query side that answers it is the processor.
        return Response.accepted(answer).header(HttpHeaders.LOCATION, "/api/commands/" + answer.commandId()).build();
    }
}
