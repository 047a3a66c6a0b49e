package dev.backchannel.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a client trusts for HTTPS and WSS instead of the JVM's default ones: a trust store
 * (PKCS#12 or JKS, with its password) or PEM certificates ({@code .pem}, {@code .crt}, {@code .cer}: a
 * private CA or the server's own self-signed certificate, no password). Host names are still checked.
 */
public record TrustedCertificates(Path path, String password) {

    public TrustedCertificates {
        Objects.requireNonNull(path, "path");
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("trust store: cannot read " + path);
        }
    }

    /** An SSL context that trusts these certificates and nothing else. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trust store " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private KeyStore keyStore() throws IOException, GeneralSecurityException {
        if (isPem()) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(path)) {
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("trusted-" + i++, certificate);
                }
            }
            if (store.size() == 0) {
                throw new GeneralSecurityException("no certificate in the file");
            }
            return store;
        }
        return KeyStore.getInstance(path.toFile(), password == null ? null : password.toCharArray());
    }

    private boolean isPem() {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "TrustedCertificates[" + path + "]";
    }
}
