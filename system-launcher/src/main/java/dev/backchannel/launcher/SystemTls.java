package dev.backchannel.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS on every link of a launched system: {@code keyStore} (PKCS#12, the servers' key and certificate,
 * for the broker's AMQPS acceptor and the services' HTTPS/WSS) and {@code trustStore} (PKCS#12, what
 * the services trust for AMQPS and the launcher's probes trust for HTTPS), both opened with {@code password}.
 */
public record SystemTls(Path keyStore, Path trustStore, String password) {

    public SystemTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(password, "password");
    }

    /** An SSL context that trusts {@link #trustStore()} only. */
    public SSLContext trusting() {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SystemTls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
    }
}
