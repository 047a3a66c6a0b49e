package dev.backchannel.api.commands;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The table of commands handed to the broker, so that a retry gets the answer the first try got.
 * Bounded by {@code backchannel.api.accepted-retention} (pruned by {@link AcceptedCommandsPruner}):
 * a retry later than that is taken as a new command, and the processor still applies it once.
 */
@ApplicationScoped
public class AcceptedCommands {

    private final AgroalDataSource dataSource;

    AcceptedCommands(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<AcceptedCommand> find(String commandId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT command_id, user_id, body_hash, accepted_at FROM accepted_commands WHERE command_id = ?")) {
            select.setString(1, commandId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new AcceptedCommand(row.getString(1), row.getString(2), row.getString(3),
                                row.getTimestamp(4).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read accepted command " + commandId, e);
        }
    }

    /** Deletes up to {@code limit} records accepted before {@code before}; returns how many. */
    int pruneBefore(Instant before, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM accepted_commands WHERE command_id IN"
                        + " (SELECT command_id FROM accepted_commands WHERE accepted_at < ? FETCH FIRST ? ROWS ONLY)")) {
            delete.setTimestamp(1, Timestamp.from(before));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune accepted commands", e);
        }
    }

    /** Records {@code command} unless its id is there already; answers what is recorded now. */
    AcceptedCommand remember(AcceptedCommand command) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO accepted_commands (command_id, user_id, body_hash, accepted_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, command.commandId());
            insert.setString(2, command.userId());
            insert.setString(3, command.bodyHash());
            insert.setTimestamp(4, Timestamp.from(command.acceptedAt()));
            insert.executeUpdate();
            return command;
        } catch (SQLIntegrityConstraintViolationException raced) {
            return find(command.commandId()).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record accepted command " + command.commandId(), e);
        }
    }
}
