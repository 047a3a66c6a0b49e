package dev.backchannel.api.problem;

/**
 * Where {@link ApiProblemMapper} counts an error answer to {@code POST /api/commands}, by reason
 * (implemented by the commands' metrics, so this package needs nothing of theirs).
 */
public interface Refusals {

    /** An error answer to {@code POST /api/commands}; {@code reason} is one of the contract's refusal reasons. */
    void refused(String reason);
}
