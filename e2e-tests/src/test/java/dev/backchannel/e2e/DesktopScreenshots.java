package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.desktop.items.ItemRow;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Makes the documentation's desktop screenshots against the running system: the sign-in window,
 * and Alice and Bob on the same item (presence line, Bob's stale rename refused with who changed
 * what). A tool, not part of the test command (surefire does not pick up its name; DesktopTwoUsersTest
 * covers the behaviour): {@code mvn -B verify -pl e2e-tests -Dtest=DesktopScreenshots
 * -Dbackchannel.docs.screenshot=true} writes {@code docs/desktop-sign-in.png} and
 * {@code docs/desktop-conflict-two-windows.png}; without the property they go to {@code target/screenshots/}.
 * The windows are drawn by JavaFX's software pipeline in headless Monocle and taken with
 * {@code Scene.snapshot}, so no display is needed.
 */
class DesktopScreenshots {

    private static final int GAP = 16;

    private final RunningSystem system = RunningSystem.get();

    @Test
    void shouldWriteTheDesktopScreenshotsIntoDocs() throws IOException {
        try (DesktopWindows desktop = DesktopWindows.open(system)) {
            await().atMost(DesktopWindows.WAIT).ignoreExceptions()
                    .until(() -> desktop.stage("Backchannel — sign in").isPresent());
            Parent form = desktop.stage("Backchannel — sign in").orElseThrow().getScene().getRoot();
            desktop.robot().interact(() -> ((TextField) desktop.in(form, "#userName")).setText("alice"));
            write(snapshot(desktop, form), "desktop-sign-in.png");
            desktop.robot().interact(() -> ((TextField) desktop.in(form, "#userName")).setText(""));

            Parent alice = desktop.signIn("alice");
            desktop.robot().clickOn(desktop.in(alice, "#newWindow"));
            Parent bob = desktop.signIn("bob");
            desktop.create(alice, "Book train tickets");
            desktop.create(bob, "Fix the bike light");
            desktop.create(alice, "Plan the offsite");
            ItemRow alicesRow = desktop.awaitRow(alice, "Plan the offsite");
            ItemRow bobsRow = desktop.awaitRow(bob, "Plan the offsite");
            desktop.awaitRow(alice, "Fix the bike light");
            desktop.robot().interact(() -> desktop.items(alice).getSelectionModel().select(alicesRow));
            desktop.robot().interact(() -> desktop.items(bob).getSelectionModel().select(bobsRow));
            desktop.focus(bob);
            desktop.robot().clickOn(desktop.in(bob, "#editTitle"));
            await().atMost(DesktopWindows.WAIT)
                    .until(() -> desktop.text(alice, "#presence").equals("Also here: bob is editing the title"));
            desktop.robot().interact(() -> ((TextField) desktop.in(bob, "#editTitle")).setText("Plan the team offsite"));

            // Alice renames first; Bob's window still shows version 1 when he presses Rename (the FX thread is
            // held until Alice's rename is processed), so his edit loses the conflict for real
            desktop.robot().interact(() -> {
                ((TextField) desktop.in(alice, "#editTitle")).setText("Plan the offsite (June)");
                ((Button) desktop.in(alice, "#rename")).fire();
                await().atMost(60, TimeUnit.SECONDS).until(() -> new QuerySideProbe(system, "alice").item(alicesRow.id())
                                .map(item -> item.version() == 2).orElse(false));
                ((Button) desktop.in(bob, "#rename")).fire();
            });
            desktop.awaitToast(bob, "toast-failure", "Alice changed the title to 'Plan the offsite (June)' first");
            desktop.awaitToast(alice, "toast-success", "Plan the offsite (June)");

            BufferedImage left = snapshot(desktop, alice);
            BufferedImage right = snapshot(desktop, bob);
            BufferedImage both = new BufferedImage(left.getWidth() + GAP + right.getWidth(),
                    Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = both.createGraphics();
            g.setColor(new Color(0x1d2330));
            g.fillRect(0, 0, both.getWidth(), both.getHeight());
            g.drawImage(left, 0, 0, null);
            g.drawImage(right, left.getWidth() + GAP, 0, null);
            g.dispose();
            Path written = write(both, "desktop-conflict-two-windows.png");
            assertThat(ImageIO.read(written.toFile()).getWidth()).isGreaterThan(2 * 1000);
        }
    }

    private static BufferedImage snapshot(DesktopWindows desktop, Parent root) {
        WritableImage[] image = new WritableImage[1];
        desktop.robot().interact(() -> image[0] = root.getScene().snapshot(null));
        int width = (int) image[0].getWidth();
        int height = (int) image[0].getHeight();
        PixelReader pixels = image[0].getPixelReader();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return copy;
    }

    private static Path write(BufferedImage image, String name) throws IOException {
        Path root = Path.of(System.getProperty("backchannel.root", ".."));
        Path target = Boolean.getBoolean("backchannel.docs.screenshot") ? root.resolve("docs/" + name)
                : root.resolve("e2e-tests/target/screenshots/" + name);
        Files.createDirectories(target.getParent());
        ImageIO.write(image, "png", target.toFile());
        return target;
    }
}
