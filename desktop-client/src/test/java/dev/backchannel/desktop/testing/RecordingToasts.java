package dev.backchannel.desktop.testing;

import dev.backchannel.desktop.toast.Toasts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every toast as "success: ...", "failure: ..." or "info: ...". */
public final class RecordingToasts implements Toasts {

    private final List<String> shown = new CopyOnWriteArrayList<>();

    @Override
    public void success(String message) {
        shown.add("success: " + message);
    }

    @Override
    public void failure(String message) {
        shown.add("failure: " + message);
    }

    @Override
    public void info(String message) {
        shown.add("info: " + message);
    }

    public List<String> shown() {
        return List.copyOf(shown);
    }
}
