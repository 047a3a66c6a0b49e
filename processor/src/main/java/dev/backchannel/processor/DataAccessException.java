package dev.backchannel.processor;

/** A database statement failed; the transaction rolls back and the command is delivered again. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
