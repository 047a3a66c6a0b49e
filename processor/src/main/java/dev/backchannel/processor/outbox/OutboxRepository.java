package dev.backchannel.processor.outbox;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code outbox} table and its counter, in plain JDBC. Callers bring the transaction. */
@ApplicationScoped
public class OutboxRepository {

    private final AgroalDataSource dataSource;

    public OutboxRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the next {@code count} sequence numbers and returns the first. The counter row stays
     * locked until the caller's transaction ends: call this last, just before commit.
     */
    public long reserve(int count) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement bump = connection.prepareStatement(
                    "UPDATE outbox_sequence SET last_seq = last_seq + ? WHERE id = 1")) {
                bump.setInt(1, count);
                bump.executeUpdate();
            }
            return readLastSeq(connection) - count + 1;
        } catch (SQLException e) {
            throw new DataAccessException("cannot reserve outbox sequence numbers", e);
        }
    }

    /** Highest committed sequence number; 0 before the first event. */
    public long lastCommittedSeq() {
        try (Connection connection = dataSource.getConnection()) {
            return readLastSeq(connection);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the outbox sequence", e);
        }
    }

    /** Appends {@code event} as entry {@code seq}, with the trace context of the span that wrote it (or null). */
    public void append(long seq, StatusEvent event, String traceparent) {
        try (Connection connection = dataSource.getConnection();
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

    /** Unpublished entries after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<OutboxEntry> pendingAfter(long afterSeq, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT seq, event_id, user_id, topic, payload_json, occurred_at, attempts, traceparent"
                                + " FROM outbox"
                                + " WHERE seq > ? AND published_at IS NULL ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MIN(seq) FROM outbox WHERE published_at IS NULL");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            long oldest = rows.getLong(1);
            return rows.wasNull() ? readLastSeq(connection) : oldest - 1;
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
        try (Connection connection = dataSource.getConnection();
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

    private static long readLastSeq(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seq FROM outbox_sequence WHERE id = 1");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
