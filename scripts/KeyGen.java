import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * First-run secrets for the demo: an RSA key pair that signs and verifies session tokens, and a
 * random broker password. Run as a single-file program: {@code java scripts/KeyGen.java DIR}.
 * Writes nothing that exists already, so re-running keeps the tokens and broker data valid.
 */
public class KeyGen {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data");
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Path privateKey = keys.resolve("private.pem");
        Path publicKey = keys.resolve("public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            privateKey.toFile().setReadable(false, false);
            privateKey.toFile().setReadable(true, true);
            System.out.println("made a token signing key pair in " + keys);
        }
        Path password = secrets.resolve("broker-password");
        if (!Files.exists(password)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Files.writeString(password, HexFormat.of().formatHex(random));
            password.toFile().setReadable(false, false);
            password.toFile().setReadable(true, true);
            System.out.println("made a broker password in " + password);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }
}
