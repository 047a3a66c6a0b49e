package dev.backchannel.processor.query;

import dev.backchannel.service.identity.Caller;
import dev.backchannel.processor.commands.ProcessedCommandRepository;
import dev.backchannel.schemas.CommandStatus;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The outcome of one of the caller's commands, once processed. */
@Path("/api/commands")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CommandStatusResource {

    private final ProcessedCommandRepository processed;
    private final Caller caller;

    public CommandStatusResource(ProcessedCommandRepository processed, Caller caller) {
        this.processed = processed;
        this.caller = caller;
    }

    /** 404 while the command is not processed, and for another user's command (same answer, no hint). */
    @GET
    @Path("/{commandId}")
    public CommandStatus status(@PathParam("commandId") String commandId) {
        return processed.findForUser(commandId, caller.userId())
                .orElseThrow(() -> new NotFoundProblem("No processed command " + commandId + " of yours"));
    }
}
