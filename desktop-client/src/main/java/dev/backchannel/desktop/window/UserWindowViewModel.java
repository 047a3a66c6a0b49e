package dev.backchannel.desktop.window;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.chaos.ChaosViewModel;
import dev.backchannel.desktop.commands.CommandFeedback;
import dev.backchannel.desktop.connection.ConnectionViewModel;
import dev.backchannel.desktop.items.ItemsViewModel;
import dev.backchannel.desktop.presence.PresenceViewModel;
import dev.backchannel.desktop.presence.RecordPresence;
import dev.backchannel.desktop.receipts.ReceiptsViewModel;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.toast.Toasts;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executor;

/** Everything one signed-in window shows, for one {@link UserSession}; closing it closes the socket. */
public final class UserWindowViewModel implements AutoCloseable {

    /** How often the chaos panel reads the flags again, so a change made elsewhere shows within seconds. */
    static final Duration CHAOS_READ_EVERY = Duration.ofSeconds(2);

    private final UserSession session;
    private final ItemsViewModel items;
    private final ReceiptsViewModel receipts;
    private final ConnectionViewModel connection;
    private final ChaosViewModel chaos;
    private final PresenceViewModel presence;

    public UserWindowViewModel(UserSession session, Toasts toasts, Executor ui, Scheduler scheduler,
            Duration highlightFor) {
        this.session = session;
        this.items = new ItemsViewModel(session.client(), session.userId(), ui, scheduler, highlightFor);
        this.receipts = new ReceiptsViewModel(session.client(), ui, ZoneId.systemDefault());
        this.connection = new ConnectionViewModel(session.client().socket(), ui, scheduler);
        this.chaos = new ChaosViewModel(session.chaos(), toasts, ui);
        this.presence = new PresenceViewModel(RecordPresence.of(session.client()), ui);
        // the selected item is the one this window is on; focus in its title field is editing the title
        items.selectedProperty().addListener((obs, old, row) -> presence.select(row == null ? null : row.id()));
        items.editingTitleProperty().addListener((obs, was, editing) -> presence.editing(editing ? "title" : null));
        new CommandFeedback(session.client(), toasts, ui);
        chaos.watch(scheduler, CHAOS_READ_EVERY);
    }

    public String title() {
        return "Backchannel — " + session.userId();
    }

    public UserSession session() {
        return session;
    }

    public ItemsViewModel items() {
        return items;
    }

    public ReceiptsViewModel receipts() {
        return receipts;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public ChaosViewModel chaos() {
        return chaos;
    }

    public PresenceViewModel presence() {
        return presence;
    }

    @Override
    public void close() {
        chaos.stopWatching();
        session.close();
    }
}
