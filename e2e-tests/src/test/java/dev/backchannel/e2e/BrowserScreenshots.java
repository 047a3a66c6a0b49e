package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes the documentation's screenshot: Alice and Bob side by side in a short session (a few items,
 * a success toast for Alice, Bob's stale edit refused, both on the same record: Bob sees that Alice is
 * editing its title, Alice that Bob is looking). A tool, not part of the test command (its
 * name is not one surefire picks up; BrowserTwoUsersTest covers the same behaviour):
 * {@code mvn -B verify -Dtest=BrowserScreenshots -Dbackchannel.docs.screenshot=true} writes
 * {@code docs/browser-two-users.png}; without the property it goes to {@code target/screenshots/}.
 */
@ExtendWith(BrowserChromium.class)
class BrowserScreenshots {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 900;
    private static final int GAP = 16;

    @Test
    void shouldWriteTheTwoUsersScreenshotIntoDocs() throws IOException {
        URI page = RunningSystem.get().url(Service.SOCKET_GATEWAY, "/");
        try (BrowserPage alice = BrowserPage.signIn(page, "alice", WIDTH, HEIGHT);
                BrowserPage bob = BrowserPage.signIn(page, "bob", WIDTH, HEIGHT)) {
            alice.create("Book train tickets");
            alice.awaitToast("success", "Book train tickets");
            bob.create("Fix the bike light");
            bob.awaitToast("success", "Fix the bike light");
            alice.create("Plan the offsite");
            bob.startRenaming(bob.awaitRow("Plan the offsite"), "Plan the team offsite");
            alice.rename(alice.awaitRow("Plan the offsite"), "Plan the offsite (June)");
            bob.awaitRow("Plan the offsite (June)");
            bob.submitRename(bob.awaitRow("Plan the offsite (June)"));
            bob.awaitToast("failure", "changed this item first");
            alice.create("Buy oat milk");
            alice.awaitToast("success", "Buy oat milk");
            bob.awaitRow("Buy oat milk");

            // both on the same record: Bob looks at it, Alice is in its title field
            bob.select(bob.awaitRow("Plan the offsite (June)"));
            alice.focusRename(alice.awaitRow("Plan the offsite (June)"));
            bob.awaitPresence("Plan the offsite (June)", "alice is editing the title");
            alice.awaitPresence("Plan the offsite (June)", "bob is looking");

            alice.dismissOlderToasts();
            bob.dismissOlderToasts();
            alice.focusRename(alice.awaitRow("Plan the offsite (June)")); // dismissing moved the focus
            bob.awaitPresence("Plan the offsite (June)", "alice is editing the title");
            Path root = Path.of(System.getProperty("backchannel.root", ".."));
            Path target = Boolean.getBoolean("backchannel.docs.screenshot") ? root.resolve("docs/browser-two-users.png")
                    : root.resolve("e2e-tests/target/screenshots/browser-two-users.png");
            writeSideBySide(alice.screenshot(), bob.screenshot(), target);
            assertThat(ImageIO.read(target.toFile()).getWidth()).isGreaterThan(2 * WIDTH);
        }
    }

    private static void writeSideBySide(byte[] left, byte[] right, Path target) throws IOException {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(left));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(right));
        BufferedImage both = new BufferedImage(a.getWidth() + GAP + b.getWidth(),
                Math.max(a.getHeight(), b.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(new Color(0x1d2330));
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth() + GAP, 0, null);
        g.dispose();
        Files.createDirectories(target.getParent());
        ImageIO.write(both, "png", target.toFile());
    }
}
