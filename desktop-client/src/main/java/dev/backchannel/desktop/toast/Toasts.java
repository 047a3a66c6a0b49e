package dev.backchannel.desktop.toast;

/**
 * Short messages that pop up top-right and close by themselves. Called on the FX thread (view
 * models hop there through {@link dev.backchannel.desktop.fx.FxThread} first).
 */
public interface Toasts {

    /** Green: the backend confirmed something. */
    void success(String message);

    /** Red: something was refused or failed, with the reason in plain words. */
    void failure(String message);

    /** Neutral: something is under way, such as a retry. */
    void info(String message);
}
