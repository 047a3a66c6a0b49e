package dev.backchannel.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Serves the service over HTTPS only, with a certificate for {@code localhost} made by the JDK's
 * {@code keytool} at start: the Quarkus TLS registry's default key store
 * ({@code quarkus.tls.key-store.p12.*}) and {@code quarkus.http.insecure-requests=disabled}, the keys an
 * operator sets. {@link #trusting()} gives a client that trusts that certificate.
 */
public class TlsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final Path KEY_STORE = Path.of("target/tls/server.p12");
    public static final String PASSWORD = "test-only-password";

    @Override
    public Map<String, String> start() {
        makeKeyStore();
        return Map.of(
                "quarkus.tls.key-store.p12.path", KEY_STORE.toAbsolutePath().toString(),
                "quarkus.tls.key-store.p12.password", PASSWORD,
                "quarkus.http.insecure-requests", "disabled",
                "quarkus.http.test-ssl-port", "0");
    }

    @Override
    public void stop() {
        // the key store stays under target/ for the next test class
    }

    /** An SSL context that trusts the test certificate (and nothing else). */
    public static SSLContext trusting() {
        try (InputStream in = Files.newInputStream(KEY_STORE)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void makeKeyStore() {
        if (Files.isRegularFile(KEY_STORE)) {
            return;
        }
        try {
            Files.createDirectories(KEY_STORE.getParent());
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", KEY_STORE.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
