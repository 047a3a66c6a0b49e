package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.ChaosFlags;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The flow view during a chaos run: API errors at 0.5 and processor crashes at 0.3, six commands
 * sent from the page. Every lane must reach its outcome with every hop done, and the faults must
 * show as failed (red) hops. The view is photographed into {@code e2e-tests/target/screenshots/};
 * {@code -Dbackchannel.docs.screenshot=true} writes it to {@code docs/flow-view-chaos.png} instead.
 */
@ExtendWith(BrowserChromium.class)
class BrowserFlowViewTest {

    private static final List<String> HOPS = List.of("api", "queue", "processor", "outbox", "gateway", "client");
    private static final ChaosFlags STORM = new ChaosFlags(0.5, ChaosSwitch.CALM.queueDelayMs(), 0, 0.3, 0, 0);
    private static final int COMMANDS = 6;
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final RunningSystem system = RunningSystem.get();
    private final ChaosSwitch chaos = new ChaosSwitch(system);
    private BrowserPage page;

    @AfterEach
    void calmAndClose() {
        try {
            chaos.calm();
        } finally {
            if (page != null) {
                page.close();
            }
        }
    }

    @Test
    void shouldShowEveryCommandThroughEveryHopWithTheFaultsInRed() throws IOException {
        page = BrowserPage.signIn(system.url(Service.SOCKET_GATEWAY, "/"), "flow-" + UUID.randomUUID().toString()
                .substring(0, 8), 1280, 1000);
        WebElement view = page.openFlowView();
        assertThat(page.byTestId("flow-toggle").getDomAttribute("aria-expanded")).isEqualTo("true");
        chaos.set(STORM);

        List<String> titles = IntStream.rangeClosed(1, COMMANDS).mapToObj(i -> "Chaos errand " + i).toList();
        titles.forEach(page::create);

        page.waiting().withMessage(() -> "expected " + COMMANDS + " lanes, saw " + page.flowLanes().size())
                .until(d -> page.flowLanes().size() == COMMANDS);
        page.waiting(SETTLE).withMessage(() -> "lanes not done: " + describe(page.flowLanes()))
                .until(d -> page.flowLanes().stream().allMatch(BrowserFlowViewTest::done));

        List<WebElement> lanes = page.flowLanes();
        List<String> failedHops = new ArrayList<>();
        for (WebElement lane : lanes) {
            String commandId = lane.getDomAttribute("data-command-id");
            assertThat(text(lane, "flow-command-id")).isEqualTo(commandId.substring(0, 8));
            assertThat(text(lane, "flow-title")).startsWith("create 'Chaos errand ");
            assertThat(lane.getDomAttribute("data-state")).as("lane %s", commandId).isIn("succeeded", "failed");
            assertThat(text(lane, "flow-trace")).as("short trace id of %s", commandId).matches("[0-9a-f]{8}");
            for (String hop : HOPS) {
                WebElement cell = lane.findElement(By.cssSelector("[data-testid='flow-hop-" + hop + "']"));
                String state = cell.getDomAttribute("data-state");
                assertThat(state).as("hop %s of %s", hop, commandId).isIn("ok", "failed");
                assertThat(cell.getText()).as("hop %s of %s says its state in words", hop, commandId).contains(state);
                if (state.equals("failed")) {
                    failedHops.add(hop);
                }
            }
        }
        assertThat(lanes.stream().map(lane -> text(lane, "flow-title")))
                .containsExactlyInAnyOrderElementsOf(titles.stream().map(t -> "create '" + t + "'").toList());
        assertThat(failedHops).as("red hops after API errors at 0.5 and crashes at 0.3").isNotEmpty();
        System.out.printf("flow view: %d lanes, failed hops %s, api faults fired %.0f, crashes fired %.0f%n",
                lanes.size(), failedHops, chaos.faults(Service.API_COMMAND, "apiErrorRate"),
                chaos.faults(Service.PROCESSOR, "processorCrashRate"));

        page.dismissToasts();
        page.waiting().until(d -> page.toasts().isEmpty());
        Path root = Path.of(System.getProperty("backchannel.root", ".."));
        Path target = Boolean.getBoolean("backchannel.docs.screenshot") ? root.resolve("docs/flow-view-chaos.png")
                : root.resolve("e2e-tests/target/screenshots/flow-view-chaos.png");
        Files.createDirectories(target.getParent());
        Files.write(target, page.screenshot());
        assertThat(view.isDisplayed()).isTrue();
        assertThat(Files.size(target)).isPositive();
    }

    private static boolean done(WebElement lane) {
        return "true".equals(lane.getDomAttribute("data-settled"))
                && Set.of("succeeded", "failed").contains(lane.getDomAttribute("data-state"))
                && HOPS.stream().allMatch(hop -> Set.of("ok", "failed").contains(
                        lane.findElement(By.cssSelector("[data-testid='flow-hop-" + hop + "']")).getDomAttribute("data-state")));
    }

    private static String text(WebElement lane, String testId) {
        return lane.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText();
    }

    private static List<String> describe(List<WebElement> lanes) {
        return lanes.stream().map(lane -> lane.getDomAttribute("data-command-id") + " " + lane.getDomAttribute("data-state")
                + " " + HOPS.stream().map(hop -> hop + "=" + lane.findElement(
                        By.cssSelector("[data-testid='flow-hop-" + hop + "']")).getDomAttribute("data-state")).toList())
                .toList();
    }
}
