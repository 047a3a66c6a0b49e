package dev.backchannel.broker;

import static dev.backchannel.schemas.Addresses.CHAOS;
import static dev.backchannel.schemas.Addresses.COMMANDS;
import static dev.backchannel.schemas.Addresses.COMMANDS_DLQ;
import static dev.backchannel.schemas.Addresses.PRESENCE;
import static dev.backchannel.schemas.Addresses.GATEWAY_NODES;
import static dev.backchannel.schemas.Addresses.STATUS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/** Translates {@link BrokerSettings} into Artemis's programmatic configuration (no XML). */
final class BrokerConfiguration {

    static final String ROLE = "backchannel-all";
    static final String ACCEPTOR = "amqp";
    static final String CLUSTER_ACCEPTOR = "cluster";
    static final String CLUSTER_CONNECTION = "backchannel-cluster";
    static final long CLUSTER_RETRY_INTERVAL_MS = 500;
    static final long GLOBAL_MAX_SIZE_BYTES = 256L * 1024 * 1024;
    static final int DUPLICATE_ID_CACHE_SIZE = 100_000;

    private BrokerConfiguration() {
    }

    static Configuration of(BrokerSettings settings) throws Exception {
        String dir = settings.dataDir().toAbsolutePath().toString();
        Configuration config = new ConfigurationImpl()
                .setName(settings.nodeName())
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir + "/journal")
                .setBindingsDirectory(dir + "/bindings")
                .setPagingDirectory(dir + "/paging")
                .setLargeMessagesDirectory(dir + "/large-messages")
                .setNodeManagerLockDirectory(dir)
                .setSecurityEnabled(true)
                .setClusterPassword(settings.password())
                .setJMXManagementEnabled(false)
                .setGlobalMaxSize(GLOBAL_MAX_SIZE_BYTES)
                .setMaxDiskUsage(-1)
                .setIDCacheSize(DUPLICATE_ID_CACHE_SIZE)
                .setPersistIDCache(true)
                .setMessageExpiryScanPeriod(expiryScanPeriod(settings));
        config.addAcceptorConfiguration(amqpAcceptor(settings));
        config.putSecurityRoles("#", Set.of(allPermissions()));
        if (settings.cluster().isPresent()) {
            addCluster(config, settings, settings.cluster().get());
        }
        addAddressSettings(config, settings);
        addAddresses(config);
        return config;
    }

    /**
     * The one AMQP acceptor on {@code host:port}: plain AMQP, or AMQPS only when TLS is configured (the
     * key store is passed as parameters, not in a URL, so a password may hold any character).
     */
    static TransportConfiguration amqpAcceptor(BrokerSettings settings) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, settings.host());
        params.put(TransportConstants.PORT_PROP_NAME, settings.port());
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "AMQP");
        settings.tls().ifPresent(tls -> {
            params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, tls.keyStore().toAbsolutePath().toString());
            params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keyStorePassword());
            params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, "PKCS12");
        });
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, ACCEPTOR);
    }

    /**
     * A CORE acceptor for the other brokers' cluster bridges and a cluster connection to each of them
     * (static connectors). ON_DEMAND: a message goes to a broker only if that broker has a consumer
     * for it (a processor on {@code commands}, a gateway node's subscription on {@code status}); and
     * messages left on a broker whose consumers went away are redistributed to one that has some.
     */
    private static void addCluster(Configuration config, BrokerSettings settings, ClusterSettings cluster)
            throws Exception {
        config.addAcceptorConfiguration(CLUSTER_ACCEPTOR, cluster.acceptorUrl() + "?protocols=CORE");
        config.addConnectorConfiguration(CLUSTER_ACCEPTOR, cluster.acceptorUrl());
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < cluster.peers().size(); i++) {
            String name = "peer-" + (i + 1);
            config.addConnectorConfiguration(name, "tcp://" + cluster.peers().get(i));
            peers.add(name);
        }
        config.setClusterUser(settings.user());
        config.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName(CLUSTER_CONNECTION)
                .setConnectorName(CLUSTER_ACCEPTOR)
                .setStaticConnectors(peers)
                .setMessageLoadBalancingType(MessageLoadBalancingType.ON_DEMAND)
                .setMaxHops(1)
                .setDuplicateDetection(true)
                .setRetryInterval(CLUSTER_RETRY_INTERVAL_MS)
                .setReconnectAttempts(-1));
    }

    static ActiveMQJAASSecurityManager securityManager(BrokerSettings settings) {
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(settings.user(), settings.password());
        users.addRole(settings.user(), ROLE);
        // No default user: anonymous connections are refused.
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
    }

    private static Role allPermissions() {
        // send, consume, create/delete durable, create/delete non-durable, manage, browse,
        // create/delete address, view, edit
        return new Role(ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    private static void addAddressSettings(Configuration config, BrokerSettings settings) {
        // Empty dead-letter/expiry address = none (such messages are dropped, as with no setting at all),
        // but it stops Artemis warning AMQ222165/AMQ222166 for every queue it creates.
        config.addAddressSetting("#", new AddressSettings()
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setDeadLetterAddress(SimpleString.of(""))
                .setExpiryAddress(SimpleString.of("")));
        config.addAddressSetting(COMMANDS, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(COMMANDS_DLQ))
                .setMaxDeliveryAttempts(settings.maxDeliveryAttempts())
                .setRedeliveryDelay(settings.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(BrokerSettings.REDELIVERY_MULTIPLIER)
                .setMaxRedeliveryDelay(BrokerSettings.MAX_REDELIVERY_DELAY.toMillis())
                // in a cluster: commands waiting on a broker without processors move to one with some
                .setRedistributionDelay(0));
        config.addAddressSetting(CHAOS, new AddressSettings().setRetroactiveMessageCount(1));
        // Every gateway node's durable subscription outlives the node (a restart gets what it missed), but
        // a status event that waited statusTtl expires (and is dropped: no expiry address), so a node that
        // never returns leaves an empty queue behind, not an ever-growing one. Expiry rather than
        // auto-delete-queues: Artemis creates AMQP subscription queues as not auto-created, so
        // auto-delete settings do not apply to them.
        config.addAddressSetting(STATUS, new AddressSettings().setExpiryDelay(settings.statusTtl().toMillis()));
    }

    /** Expired messages are removed by a periodic scan: often enough for the status TTL. */
    static long expiryScanPeriod(BrokerSettings settings) {
        return Math.max(100, Math.min(30_000, settings.statusTtl().toMillis() / 2));
    }

    private static void addAddresses(Configuration config) {
        config.addAddressConfiguration(anycastQueue(COMMANDS));
        config.addAddressConfiguration(anycastQueue(COMMANDS_DLQ));
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(STATUS).addRoutingType(RoutingType.MULTICAST));
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(CHAOS).addRoutingType(RoutingType.MULTICAST));
        // presence between gateway nodes: non-durable messages, one non-durable subscription per node
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(PRESENCE).addRoutingType(RoutingType.MULTICAST));
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(GATEWAY_NODES).addRoutingType(RoutingType.MULTICAST));
    }

    private static CoreAddressConfiguration anycastQueue(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name)
                        .setAddress(name)
                        .setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true));
    }
}
