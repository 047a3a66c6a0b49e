package dev.backchannel.testsupport;

/**
 * Remote control of the test broker. Published on the platform MBean server so a test reaches the
 * broker even when Quarkus loaded the test class and the test resource in different class loaders
 * (only JDK types cross the boundary).
 */
public interface BrokerControlMBean {

    /** Stops the broker (simulates an outage). Clients see their connections drop. */
    void stopBroker();

    /** Starts the broker again on the same port and data dir; durable messages are back. */
    void startBroker();

    boolean isRunning();

    /** Ready, in-delivery and scheduled messages in the queue; 0 while stopped or unknown. */
    long messageCount(String queueName);

    /** Scheduled (delayed, not yet deliverable) messages in the queue; 0 while stopped or unknown. */
    long scheduledCount(String queueName);

    String getHost();

    int getPort();

    String getUsername();

    String getPassword();

    /** Whether the broker serves AMQPS only (then clients trust {@link BrokerTestResource#CERTIFICATES}). */
    boolean isTls();
}
