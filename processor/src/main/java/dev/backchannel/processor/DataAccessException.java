package dev.backchannel.processor;

import java.sql.SQLException;

/**
 * A database statement failed; the transaction rolls back. Transient failures (the database away, a
 * lock timeout, a race on a new item's key) are worth another delivery; {@linkplain #permanent()
 * permanent} ones (the database refuses the data itself) fail the same way every time.
 */
public class DataAccessException extends RuntimeException {

    /** SQLSTATE of a unique violation: two creates of one item raced; a redelivery sees the winner. */
    private static final String UNIQUE_VIOLATION = "23505";

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the database refused the data itself: SQLSTATE class 22 (data exception: too long, out
     * of range, bad encoding) or 23 (integrity) but a unique violation. Such a command is failed at
     * once instead of being redelivered until it is dead-lettered.
     */
    public boolean permanent() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.startsWith("23") && !state.equals(UNIQUE_VIOLATION);
            }
        }
        return false;
    }

    /** The database's own words, for the log and the outcome's detail (no values, no stack). */
    public String reason() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "SQLSTATE " + sql.getSQLState() + " (" + sql.getClass().getSimpleName() + ")";
            }
        }
        return getMessage();
    }
}
