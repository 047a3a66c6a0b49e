package dev.backchannel.processor.outbox;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.processor.database.Database;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * The {@code outbox_entries} table as commands and queries see it, in plain JDBC: commands append
 * their events inside their own transaction, without a place in the publish order (no row or counter
 * shared by every commit); the {@link OutboxLedger} of the relay gives them one.
 */
@ApplicationScoped
public class OutboxRepository {

    private final Database database;

    public OutboxRepository(Database database) {
        this.database = database;
    }

    /**
     * Appends {@code event} (written with {@link EventIds#UNSEQUENCED}) in the caller's transaction.
     * {@code outcomeOf} is the command whose outcome this event is, so that the relay stamps the event
     * id into the stored outcome too; null for any other event. {@code traceparent} may be null.
     */
    public void append(StatusEvent event, String outcomeOf, String traceparent) {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_entries"
                        + " (outcome_of, user_id, topic, payload_json, occurred_at, attempts, traceparent)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            insert.setString(1, outcomeOf);
            insert.setString(2, event.userId());
            insert.setString(3, event.topic());
            insert.setString(4, Json.write(event));
            insert.setObject(5, event.occurredAt().atOffset(ZoneOffset.UTC));
            insert.setString(6, traceparent);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot append a status event to the outbox", e);
        }
    }

    /**
     * The highest sequence number up to which every sequenced event has been published (taken by the
     * broker); 0 before the first. A client that read the items after this and resumes from it misses
     * no outcome: everything later is either replayed or still on its way.
     */
    public long lastPublishedPrefix() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT (SELECT MIN(seq) FROM outbox_entries WHERE seq IS NOT NULL AND published_at IS NULL),"
                                + " (SELECT MAX(seq) FROM outbox_entries)");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            long oldestUnpublished = rows.getLong(1);
            if (!rows.wasNull()) {
                return oldestUnpublished - 1;
            }
            return rows.getLong(2);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the outbox", e);
        }
    }

    /** Entries not published yet, sequenced or not: what the relay still owes the broker. */
    public long unpublished() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM outbox_entries WHERE published_at IS NULL");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the outbox", e);
        }
    }
}
