package dev.backchannel.processor.items;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.processor.database.Database;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
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
import java.util.Locale;
import java.util.Optional;

/** The {@code items} table, in plain JDBC. Callers bring the transaction. */
@ApplicationScoped
public class ItemRepository {

    private static final String COLUMNS = "id, title, status, version, updated_by, updated_at";

    private final Database database;

    public ItemRepository(Database database) {
        this.database = database;
    }

    /** The item, its row locked until the transaction ends so concurrent commands queue up. */
    public Optional<Item> findForUpdate(String id) {
        return findOne("SELECT " + COLUMNS + " FROM items WHERE id = ? FOR UPDATE", id);
    }

    public Optional<Item> find(String id) {
        return findOne("SELECT " + COLUMNS + " FROM items WHERE id = ?", id);
    }

    /**
     * Up to {@code limit} items, most recently changed first (ties by id), after the item
     * ({@code afterUpdatedAt}, {@code afterId}), or from the start when {@code afterId} is null.
     */
    public List<Item> page(Instant afterUpdatedAt, String afterId, int limit) {
        String where = afterId == null ? "" : " WHERE updated_at < ? OR (updated_at = ? AND id > ?)";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM items" + where
                        + " ORDER BY updated_at DESC, id FETCH FIRST ? ROWS ONLY")) {
            int index = 1;
            if (afterId != null) {
                statement.setObject(index++, afterUpdatedAt.atOffset(ZoneOffset.UTC));
                statement.setObject(index++, afterUpdatedAt.atOffset(ZoneOffset.UTC));
                statement.setString(index++, afterId);
            }
            statement.setInt(index, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<Item> items = new ArrayList<>();
                while (rows.next()) {
                    items.add(toItem(rows));
                }
                return items;
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot list items", e);
        }
    }

    public void insert(Item item) {
        execute("INSERT INTO items (title, status, version, updated_by, updated_at, id) VALUES (?, ?, ?, ?, ?, ?)",
                item);
    }

    public void update(Item item) {
        execute("UPDATE items SET title = ?, status = ?, version = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                item);
    }

    public void delete(String id) {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("DELETE FROM items WHERE id = ?")) {
            statement.setString(1, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot delete item " + id, e);
        }
    }

    private void execute(String sql, Item item) {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, item.title());
            statement.setString(2, item.status().wireName());
            statement.setLong(3, item.version());
            statement.setString(4, item.updatedBy());
            statement.setObject(5, item.updatedAt().atOffset(ZoneOffset.UTC));
            statement.setString(6, item.id());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot write item " + item.id(), e);
        }
    }

    private Optional<Item> findOne(String sql, String id) {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(toItem(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read item " + id, e);
        }
    }

    private static Item toItem(ResultSet row) throws SQLException {
        return new Item(row.getString("id"), row.getString("title"),
                ItemStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), row.getLong("version"),
                row.getString("updated_by"), row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
