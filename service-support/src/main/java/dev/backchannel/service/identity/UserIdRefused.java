package dev.backchannel.service.identity;

/** A verified token whose user claim is missing or not a valid user id: answered 403 at the edge. */
public final class UserIdRefused extends RuntimeException {

    private final String claim;

    public UserIdRefused(String claim) {
        super("the token's " + claim + " claim is not a valid user id", null, false, false);
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
