package dev.backchannel.amqptest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made at test time by the JDK's
 * {@code keytool}: a PKCS#12 key store with the private key (for the server side) and a PKCS#12 trust
 * store with the certificate alone (for the clients), both with {@link #PASSWORD}.
 */
public record TestCertificates(Path keyStore, Path trustStore) {

    public static final String PASSWORD = "test-only-password";

    /** Makes the two stores in {@code dir} (created if missing); an existing pair there is reused. */
    public static synchronized TestCertificates in(Path dir) {
        TestCertificates certificates = new TestCertificates(dir.resolve("server.p12"), dir.resolve("trust.p12"));
        if (Files.isRegularFile(certificates.trustStore())) {
            return certificates;
        }
        try {
            Files.createDirectories(dir);
            Path certificate = dir.resolve("server.crt");
            Files.deleteIfExists(certificates.keyStore());
            keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", certificates.keyStore().toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "server", "-keystore", certificates.keyStore().toString(),
                    "-storepass", PASSWORD, "-file", certificate.toString());
            Path trust = dir.resolve("trust.p12.tmp");
            Files.deleteIfExists(trust);
            keytool("-importcert", "-noprompt", "-alias", "backchannel-test", "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass", PASSWORD);
            Files.move(trust, certificates.trustStore());
            return certificates;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make test certificates in " + dir, e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
    }
}
