package dev.backchannel.desktop.receipts;

import dev.backchannel.client.receipts.ReceiptState;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One command this user sent (or another window of theirs did), as the receipts panel shows it. */
public final class ReceiptRow {

    private final String commandId;
    private final Instant sentAt;
    private final StringProperty action = new SimpleStringProperty();
    private final ObjectProperty<ReceiptState> state = new SimpleObjectProperty<>();
    private final StringProperty timeline = new SimpleStringProperty("");
    private final StringProperty attempts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    ReceiptRow(String commandId, Instant sentAt, String action) {
        this.commandId = commandId;
        this.sentAt = sentAt;
        this.action.set(action);
    }

    public String commandId() {
        return commandId;
    }

    /** When this window sent it; null for a command sent from another window. */
    public Instant sentAt() {
        return sentAt;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public ObjectProperty<ReceiptState> stateProperty() {
        return state;
    }

    public StringProperty timelineProperty() {
        return timeline;
    }

    /** "attempt 3 of 6, retrying in 2 s", "accepted after 3 attempts". */
    public StringProperty attemptsProperty() {
        return attempts;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
