package dev.backchannel.broker;

/**
 * Defaults for slf4j-simple, the binding of the standalone jar. Set before the first logger is
 * created; any {@code -Dorg.slf4j.simpleLogger.*} given on the command line wins.
 */
final class StandaloneLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private StandaloneLogging() {
    }

    static void configure() {
        setIfAbsent("logFile", "System.out");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("defaultLogLevel", "info");
        // Artemis's own start-up chatter: warnings and errors only.
        setIfAbsent("log.org.apache.activemq", "warn");
        // Audit loggers log every message sent and consumed at INFO: that burns a core under load.
        setIfAbsent("log.org.apache.activemq.audit", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
