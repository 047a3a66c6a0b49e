package dev.backchannel.processor.outbox;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.processor.database.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code outbox} table and its sequence numbers, in plain JDBC. Callers bring the transaction. */
@ApplicationScoped
public class OutboxRepository {

    private final Database database;
    private final TransactionSynchronizationRegistry transactions;
    private OutboxSequence sequence;

    public OutboxRepository(Database database, TransactionSynchronizationRegistry transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /**
     * Takes the next {@code count} sequence numbers for the caller's transaction and returns the
     * first. No row is locked: the numbers count as open until that transaction ends, and
     * {@link #pendingAfter} never returns an entry at or above the lowest open number, so entries are
     * published in commit order (see {@link OutboxSequence}).
     */
    public long reserve(int count) {
        OutboxSequence numbers = sequence();
        long first = numbers.reserve(count);
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    numbers.finished(first);
                }
            });
        } catch (RuntimeException noTransaction) {
            numbers.finished(first);
            throw noTransaction;
        }
        return first;
    }

    /** Highest sequence number below which every transaction has ended; 0 before the first event. */
    public long lastCommittedSeq() {
        return sequence().settledBelow() - 1;
    }

    /** Appends {@code event} as entry {@code seq}, with the trace context of the span that wrote it (or null). */
    public void append(long seq, StatusEvent event, String traceparent) {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox"
                        + " (seq, event_id, user_id, topic, payload_json, occurred_at, attempts, traceparent)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, event.eventId());
            insert.setString(3, event.userId());
            insert.setString(4, event.topic());
            insert.setString(5, Json.write(event));
            insert.setObject(6, event.occurredAt().atOffset(ZoneOffset.UTC));
            insert.setString(7, traceparent);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot append event " + event.eventId() + " to the outbox", e);
        }
    }

    /**
     * Unpublished entries after {@code afterSeq}, oldest first, at most {@code limit}; only those below
     * every open transaction's numbers, so that none committed later can come before them.
     */
    public List<OutboxEntry> pendingAfter(long afterSeq, int limit) {
        long settledBelow = sequence().settledBelow();
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT seq, event_id, user_id, topic, payload_json, occurred_at, attempts, traceparent"
                                + " FROM outbox WHERE seq > ? AND seq < ? AND published_at IS NULL"
                                + " ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            select.setLong(1, afterSeq);
            select.setLong(2, settledBelow);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<OutboxEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new OutboxEntry(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getInt(7), rows.getString(8)));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read pending outbox entries", e);
        }
    }

    /** Sequence number just before the oldest unpublished entry (or the last one if none waits). */
    public long lastPublishedPrefix() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MIN(seq) FROM outbox WHERE published_at IS NULL");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            long oldest = rows.getLong(1);
            return rows.wasNull() ? lastCommittedSeq() : oldest - 1;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the outbox", e);
        }
    }

    /** Marks entries {@code fromSeq..toSeq} published at {@code at}, counting this attempt. */
    public void markPublished(long fromSeq, long toSeq, Instant at) {
        update("UPDATE outbox SET published_at = ?, attempts = attempts + 1 WHERE seq BETWEEN ? AND ?",
                fromSeq, toSeq, at);
    }

    /** Counts a failed attempt on entries {@code fromSeq..toSeq}. */
    public void countFailedAttempt(long fromSeq, long toSeq) {
        update("UPDATE outbox SET attempts = attempts + 1 WHERE seq BETWEEN ? AND ?", fromSeq, toSeq, null);
    }

    private void update(String sql, long fromSeq, long toSeq, Instant at) {
        try (Connection connection = database.connection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            if (at != null) {
                update.setObject(index++, at.atOffset(ZoneOffset.UTC));
            }
            update.setLong(index++, fromSeq);
            update.setLong(index, toSeq);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot update outbox entries " + fromSeq + ".." + toSeq, e);
        }
    }

    private synchronized OutboxSequence sequence() {
        if (sequence == null) {
            sequence = new OutboxSequence(highestOnDisk());
        }
        return sequence;
    }

    /** The highest number ever taken: the newest entry, or the old counter row where it is higher. */
    private long highestOnDisk() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM outbox"
                        + " UNION ALL SELECT COALESCE(MAX(last_seq), 0) FROM outbox_sequence");
                ResultSet rows = select.executeQuery()) {
            long highest = 0;
            while (rows.next()) {
                highest = Math.max(highest, rows.getLong(1));
            }
            return highest;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the outbox sequence", e);
        }
    }
}
