package dev.backchannel.processor.commands;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.processor.database.Database;
import dev.backchannel.processor.outbox.EventIds;
import dev.backchannel.schemas.CommandStatus;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code processed_commands} table: every command handled, with the frame its user got. */
@ApplicationScoped
public class ProcessedCommandRepository {

    private final Database database;

    public ProcessedCommandRepository(Database database) {
        this.database = database;
    }

    public boolean contains(String commandId) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM processed_commands WHERE command_id = ?")) {
            select.setString(1, commandId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot look up command " + commandId, e);
        }
    }

    public void record(String userId, Frame.CommandOutcome outcome, Instant processedAt) {
        CommandStatus status = CommandStatus.of(outcome);
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_commands"
                        + " (command_id, user_id, entity_id, status, outcome_json, processed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, outcome.commandId());
            insert.setString(2, userId);
            insert.setString(3, outcome.entityId());
            insert.setString(4, status.status());
            insert.setString(5, Json.write(outcome));
            insert.setObject(6, processedAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot record command " + outcome.commandId(), e);
        }
    }

    /**
     * The command's status, only when {@code userId} sent it and its outcome has its event id (the relay
     * stamps it right after the commit): until then it is "not processed yet", as for the socket.
     */
    public Optional<CommandStatus> findForUser(String commandId, String userId) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status, outcome_json FROM processed_commands WHERE command_id = ? AND user_id = ?")) {
            select.setString(1, commandId);
            select.setString(2, userId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || EventIds.isUnsequenced(rows.getString("outcome_json"))) {
                    return Optional.empty();
                }
                Frame outcome = Json.read(rows.getString("outcome_json"), Frame.class);
                return Optional.of(new CommandStatus(commandId, rows.getString("status"), outcome));
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read command " + commandId, e);
        }
    }
}
