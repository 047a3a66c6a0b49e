package dev.backchannel.processor.query;

/** A query parameter the service cannot use; answered as a 400 problem naming it. */
public class BadQueryProblem extends RuntimeException {

    public BadQueryProblem(String detail) {
        super(detail);
    }
}
