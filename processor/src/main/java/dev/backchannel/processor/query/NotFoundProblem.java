package dev.backchannel.processor.query;

/** A resource the caller asked for does not exist (or is not theirs); answered as a 404 problem. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String detail) {
        super(detail);
    }
}
