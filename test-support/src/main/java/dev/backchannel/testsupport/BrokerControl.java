package dev.backchannel.testsupport;

import dev.backchannel.broker.BrokerSettings;
import dev.backchannel.broker.EmbeddedBroker;

/** Owns one {@link EmbeddedBroker} across stops and restarts with the same settings. */
public final class BrokerControl implements BrokerControlMBean, AutoCloseable {

    private final BrokerSettings settings;
    private EmbeddedBroker broker;

    private BrokerControl(BrokerSettings settings) {
        this.settings = settings;
    }

    public static BrokerControl start(BrokerSettings settings) {
        BrokerControl control = new BrokerControl(settings);
        control.startBroker();
        return control;
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** The running broker; throws while it is stopped. */
    public synchronized EmbeddedBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the test broker is stopped");
        }
        return broker;
    }

    @Override
    public synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public synchronized void startBroker() {
        if (broker == null) {
            broker = EmbeddedBroker.start(settings);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return broker != null;
    }

    @Override
    public synchronized long messageCount(String queueName) {
        return broker == null ? 0 : broker.messageCount(queueName);
    }

    @Override
    public synchronized long scheduledCount(String queueName) {
        return broker == null ? 0 : broker.scheduledCount(queueName);
    }

    @Override
    public String getHost() {
        return settings.host();
    }

    @Override
    public boolean isTls() {
        return settings.tls().isPresent();
    }

    @Override
    public int getPort() {
        return settings.port();
    }

    @Override
    public String getUsername() {
        return settings.user();
    }

    @Override
    public String getPassword() {
        return settings.password();
    }

    @Override
    public void close() {
        stopBroker();
    }
}
