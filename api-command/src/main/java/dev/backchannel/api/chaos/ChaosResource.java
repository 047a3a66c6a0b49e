package dev.backchannel.api.chaos;

import dev.backchannel.service.identity.Caller;
import dev.backchannel.api.RequestBodies;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET/PUT /api/chaos}: the flags, changed live for every service. 404 unless enabled. */
@Path("/api/chaos")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChaosResource {

    private final ApiChaos chaos;
    private final ChaosBroadcast broadcast;
    private final List<String> editors;
    private final Caller caller;

    ChaosResource(ApiChaos chaos, ChaosBroadcast broadcast, ApiConfig config, Caller caller) {
        this.chaos = chaos;
        this.broadcast = broadcast;
        this.editors = config.chaos().editors().orElse(List.of());
        this.caller = caller;
    }

    @GET
    public ChaosFlags current() {
        requireEnabled();
        caller.userId();
        return chaos.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ChaosFlags change(String body) {
        requireEnabled();
        if (!editors.contains("*") && !editors.contains(caller.userId())) {
            throw new ForbiddenException();
        }
        ChaosFlags flags = RequestBodies.read(body, MessageSchema.CHAOS_FLAGS, ChaosFlags.class);
        if (flags.queueDelayMs().min() > flags.queueDelayMs().max()) {
            throw ApiProblem.invalid("queueDelayMs.min must not exceed queueDelayMs.max.",
                    List.of(new Problem.FieldError("queueDelayMs.min", "must be less than or equal to max")));
        }
        broadcast.publish(flags);
        return flags;
    }

    private void requireEnabled() {
        if (!chaos.enabled()) {
            throw new NotFoundException();
        }
    }
}
