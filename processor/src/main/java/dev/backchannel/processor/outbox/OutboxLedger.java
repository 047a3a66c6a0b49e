package dev.backchannel.processor.outbox;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.processor.database.Database;
import dev.backchannel.processor.database.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox as the relay works it, on one database connection of its own that holds the <em>outbox
 * lead</em>: only the relay holding it sequences and publishes, so that several processors on one
 * database publish every event once, in one order.
 *
 * <p>On PostgreSQL the lead is a session advisory lock on that connection: it ends with the
 * connection, so a killed processor's lead passes to another within the relay's sweep interval, and a
 * relay whose connection broke can neither sequence nor mark anything any more. On H2 one process owns
 * the file, so its relay always leads.
 *
 * <p>Sequencing gives committed, unsequenced entries consecutive numbers in the order they were
 * written (identity order among the entries visible now): an entry that becomes visible later gets a
 * later number, so the order is the order in which commits became visible, and two commands on the
 * same item (serialised by its row lock) keep theirs. The event id made from the number is stamped into
 * the entry and into its command's stored outcome in the same transaction.
 *
 * <p>Not thread-safe: the relay thread alone calls it.
 */
@ApplicationScoped
public class OutboxLedger {

    /** The advisory lock key of the outbox lead (ASCII "bchnlead"). */
    static final long LEAD_LOCK = 0x6263686e6c656164L;

    private final Database database;
    private final long leadLock;
    private Connection connection;
    private boolean leading;
    private boolean tookLead;
    private long nextSeq;

    @Inject
    public OutboxLedger(Database database) {
        this(database, LEAD_LOCK);
    }

    /** A ledger whose lead is the advisory lock {@code leadLock} (tests compete for one of their own). */
    public OutboxLedger(Database database, long leadLock) {
        this.database = database;
        this.leadLock = leadLock;
    }

    /**
     * Whether this relay holds the lead, taking it if it is free; true once per takeover with
     * {@link #tookLead()} until asked. Throws when the database cannot be reached (the lead, if held,
     * is given up).
     */
    public boolean lead() {
        if (leading) {
            return true;
        }
        try {
            Connection lead = connection();
            if (database.kind() == DatabaseKind.POSTGRESQL) {
                try (PreparedStatement lock = lead.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    lock.setLong(1, leadLock);
                    try (ResultSet rows = lock.executeQuery()) {
                        rows.next();
                        if (!rows.getBoolean(1)) {
                            lead.commit();
                            return false;
                        }
                    }
                }
            }
            nextSeq = highestSeq(lead) + 1;
            lead.commit();
            leading = true;
            tookLead = true;
            return true;
        } catch (SQLException e) {
            giveUp();
            throw new DataAccessException("cannot take the outbox lead", e);
        }
    }

    /** True the first time it is asked after this relay took the lead. */
    public boolean tookLead() {
        boolean took = tookLead;
        tookLead = false;
        return took;
    }

    public boolean leading() {
        return leading;
    }

    /** Sequences up to {@code limit} committed entries; returns how many. Only while leading. */
    public int sequence(int limit) {
        requireLead();
        long first = nextSeq;
        try {
            List<long[]> rows = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            List<String> outcomes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, payload_json, outcome_of"
                    + " FROM outbox_entries WHERE seq IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, limit);
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        rows.add(new long[] {found.getLong(1), nextSeq++});
                        payloads.add(found.getString(2));
                        outcomes.add(found.getString(3));
                    }
                }
            }
            if (rows.isEmpty()) {
                connection.commit();
                return 0;
            }
            try (PreparedStatement entry = connection.prepareStatement(
                    "UPDATE outbox_entries SET seq = ?, event_id = ?, payload_json = ? WHERE id = ? AND seq IS NULL");
                    PreparedStatement outcome = connection.prepareStatement("UPDATE processed_commands"
                            + " SET outcome_json = REPLACE(outcome_json, ?, ?) WHERE command_id = ?")) {
                boolean anyOutcome = false;
                for (int i = 0; i < rows.size(); i++) {
                    long seq = rows.get(i)[1];
                    String eventId = EventIds.of(seq);
                    entry.setLong(1, seq);
                    entry.setString(2, eventId);
                    entry.setString(3, EventIds.stamp(payloads.get(i), eventId));
                    entry.setLong(4, rows.get(i)[0]);
                    entry.addBatch();
                    if (outcomes.get(i) != null) {
                        outcome.setString(1, EventIds.UNSEQUENCED);
                        outcome.setString(2, eventId);
                        outcome.setString(3, outcomes.get(i));
                        outcome.addBatch();
                        anyOutcome = true;
                    }
                }
                for (int updated : entry.executeBatch()) {
                    if (updated == 0) {
                        throw new SQLException("an outbox entry was sequenced by someone else: two relays lead");
                    }
                }
                if (anyOutcome) {
                    outcome.executeBatch();
                }
            }
            connection.commit();
            return rows.size();
        } catch (SQLException e) {
            nextSeq = first;
            giveUp();
            throw new DataAccessException("cannot sequence outbox entries from " + first, e);
        }
    }

    /** Sequenced, unpublished entries after {@code afterSeq}, in order, at most {@code limit}. */
    public List<OutboxEntry> pendingAfter(long afterSeq, int limit) {
        requireLead();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, event_id, user_id, topic, payload_json, occurred_at, attempts, traceparent"
                        + " FROM outbox_entries WHERE seq > ? AND published_at IS NULL"
                        + " ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new OutboxEntry(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getInt(7), rows.getString(8)));
                }
            }
            connection.commit();
            return entries;
        } catch (SQLException e) {
            giveUp();
            throw new DataAccessException("cannot read pending outbox entries", e);
        }
    }

    /** Sequence number just before the oldest sequenced, unpublished entry (or the last sequenced one). */
    public long publishedPrefix() {
        requireLead();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MIN(seq) FROM outbox_entries WHERE seq IS NOT NULL AND published_at IS NULL");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            long oldest = rows.getLong(1);
            long prefix = rows.wasNull() ? nextSeq - 1 : oldest - 1;
            connection.commit();
            return prefix;
        } catch (SQLException e) {
            giveUp();
            throw new DataAccessException("cannot read the outbox", e);
        }
    }

    /** The highest number sequenced so far (while leading). */
    public long lastSequenced() {
        return nextSeq - 1;
    }

    /** Marks entries {@code fromSeq..toSeq} published at {@code at}, counting this attempt. */
    public void markPublished(long fromSeq, long toSeq, Instant at) {
        update("UPDATE outbox_entries SET published_at = ?, attempts = attempts + 1 WHERE seq BETWEEN ? AND ?",
                fromSeq, toSeq, at);
    }

    /** Counts a failed attempt on entries {@code fromSeq..toSeq}. */
    public void countFailedAttempt(long fromSeq, long toSeq) {
        update("UPDATE outbox_entries SET attempts = attempts + 1 WHERE seq BETWEEN ? AND ?", fromSeq, toSeq, null);
    }

    /** Gives the lead up (the connection closes); the next {@link #lead()} tries to take it again. */
    public void giveUp() {
        leading = false;
        if (connection == null) {
            return;
        }
        try {
            if (database.kind() == DatabaseKind.POSTGRESQL && !connection.isClosed()) {
                connection.rollback();
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                    unlock.execute();
                }
                connection.commit();
            }
        } catch (SQLException ignored) {
            // a broken connection holds no lock any more
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
        connection = null;
    }

    private void update(String sql, long fromSeq, long toSeq, Instant at) {
        requireLead();
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            if (at != null) {
                update.setObject(index++, at.atOffset(ZoneOffset.UTC));
            }
            update.setLong(index++, fromSeq);
            update.setLong(index, toSeq);
            update.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            giveUp();
            throw new DataAccessException("cannot update outbox entries " + fromSeq + ".." + toSeq, e);
        }
    }

    private void requireLead() {
        if (!leading) {
            throw new IllegalStateException("this relay does not hold the outbox lead");
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = database.connection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private static long highestSeq(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM outbox_entries");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
