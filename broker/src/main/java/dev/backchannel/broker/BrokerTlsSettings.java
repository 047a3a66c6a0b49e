package dev.backchannel.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The AMQP acceptor's TLS: the broker's key and certificate chain in a PKCS#12 key store. With it
 * the acceptor on {@code BROKER_PORT} speaks AMQPS only; a plain AMQP connection is refused in the
 * TLS handshake, before any credentials are exchanged.
 */
public record BrokerTlsSettings(Path keyStore, String keyStorePassword) {

    public BrokerTlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        if (!Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("BROKER_TLS_KEYSTORE: cannot read " + keyStore);
        }
        if (keyStorePassword == null || keyStorePassword.isEmpty()) {
            throw new IllegalArgumentException("BROKER_TLS_KEYSTORE_PASSWORD is required with BROKER_TLS_KEYSTORE");
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BrokerTlsSettings[keyStore=" + keyStore + "]";
    }
}
