package dev.backchannel.desktop;

/**
 * Main class of the jar: starting a JavaFX {@code Application} subclass straight from the class
 * path makes the JDK's launcher insist on JavaFX modules; a plain main class does not.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        DesktopApp.main(args);
    }
}
