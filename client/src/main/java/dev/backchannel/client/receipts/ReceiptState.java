package dev.backchannel.client.receipts;

/** Where one command stands, as far as this client knows. */
public enum ReceiptState {
    /** Being sent, possibly retrying. */
    SENDING,
    /** {@code 202}: the broker has it; the outcome is still to come. */
    ACCEPTED,
    /** Processed: see the {@code command.succeeded} frame. Final. */
    SUCCEEDED,
    /** Processed and refused (conflict, validation, ...): see the {@code command.failed} frame. Final. */
    FAILED,
    /** The API refused it with a 4xx (see the problem): it was never accepted. Final. */
    REJECTED,
    /**
     * No outcome within the receipt timeout, or every attempt to send it failed. Not final: an
     * outcome that arrives later still settles it.
     */
    UNKNOWN;

    /** Succeeded, failed or rejected: nothing will change it any more. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == REJECTED;
    }

    /** Still waiting for an outcome. */
    public boolean isPending() {
        return this == SENDING || this == ACCEPTED;
    }
}
