package dev.backchannel.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser client at the gateway's {@code /}, in its own headless Debian Chromium (fresh
 * profile), driven through {@code data-testid}s as a person would: typing, clicking, reading.
 */
final class BrowserPage implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final String userId;

    private BrowserPage(String userId, int width, int height) {
        this.userId = userId;
        try {
            profile = Files.createTempDirectory("backchannel-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(BrowserChromium.BINARY.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserChromium.DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens the page in a new browser and signs {@code userId} in; waits until the socket is connected. */
    static BrowserPage signIn(URI page, String userId, int width, int height) {
        BrowserPage browser = new BrowserPage(userId, width, height);
        try {
            browser.driver.get(page.toString());
            browser.byTestId("sign-in-user").sendKeys(userId);
            browser.byTestId("sign-in-submit").click();
            browser.awaitConnection(Set.of("connected", "reset"));
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /**
     * Opens the page with an external issuer's token in its fragment ({@code #access_token=}), as an
     * identity provider's redirect would, instead of the demo sign-in; waits until the socket is connected.
     */
    static BrowserPage withToken(URI page, String token, String userId, int width, int height) {
        BrowserPage browser = new BrowserPage(userId, width, height);
        try {
            browser.driver.get(page + "#access_token=" + token);
            browser.awaitConnection(Set.of("connected", "reset"));
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** The page's address as the address bar shows it now. */
    String address() {
        return driver.getCurrentUrl();
    }

    String userId() {
        return userId;
    }

    void create(String title) {
        WebElement field = byTestId("create-title");
        field.sendKeys(title);
        byTestId("create-submit").click();
    }

    /** The row showing {@code title}, once there is one. */
    WebElement awaitRow(String title) {
        return waiting().withMessage(() -> "no row titled '" + title + "'").until(d -> rowTitled(title));
    }

    boolean hasRow(String title) {
        return rowTitled(title) != null;
    }

    /** Starts a rename draft on the row (typing only), as someone who has not pressed Rename yet. */
    void startRenaming(WebElement row, String newTitle) {
        WebElement input = row.findElement(By.cssSelector("[data-testid='item-rename-input']"));
        input.clear();
        input.sendKeys(newTitle);
    }

    /** Selects the row (its record is watched from now on) by clicking its title. */
    void select(WebElement row) {
        row.findElement(By.cssSelector("[data-testid='item-title']")).click();
    }

    /** Puts the cursor in the row's title field, as someone about to edit it. */
    void focusRename(WebElement row) {
        row.findElement(By.cssSelector("[data-testid='item-rename-input']")).click();
    }

    /** Waits until the row titled {@code title} says who else is on it with {@code text}; returns the line. */
    String awaitPresence(String title, String text) {
        return waiting().withMessage(() -> "no presence '" + text + "' on '" + title + "'").until(d -> {
            WebElement row = rowTitled(title);
            String line = row == null ? "" : row.findElement(By.cssSelector("[data-testid='item-presence']")).getText();
            return line.contains(text) ? line : null;
        });
    }

    void submitRename(WebElement row) {
        row.findElement(By.cssSelector("[data-testid='item-rename']")).click();
    }

    void rename(WebElement row, String newTitle) {
        startRenaming(row, newTitle);
        submitRename(row);
    }

    /** Waits for a toast of this kind (success, failure, neutral) whose text contains {@code text}. */
    WebElement awaitToast(String kind, String text) {
        return waiting().withMessage(() -> "no " + kind + " toast with '" + text + "' among "
                + toasts().stream().map(t -> t.getDomAttribute("data-kind") + ": " + t.getText()).toList())
                .until(d -> toasts().stream()
                .filter(toast -> kind.equals(toast.getDomAttribute("data-kind")) && toast.getText().contains(text))
                .findFirst().orElse(null));
    }

    /** This page's receipt whose action reads {@code action} ("create 'Buy milk'"), or null. */
    WebElement receiptFor(String action) {
        return driver.findElements(By.cssSelector("[data-testid='receipt']")).stream()
                .filter(receipt -> action.equals(receipt.findElement(By.cssSelector("[data-testid='receipt-action']")).getText()))
                .findFirst().orElse(null);
    }

    /** Dismisses every toast but the newest, with their Dismiss buttons. */
    void dismissOlderToasts() {
        List<WebElement> shown = toasts();
        shown.subList(0, Math.max(0, shown.size() - 1))
                .forEach(toast -> toast.findElement(By.cssSelector("[data-testid='toast-dismiss']")).click());
    }

    List<WebElement> toasts() {
        return driver.findElements(By.cssSelector("[data-testid='toasts'] [data-testid='toast']"));
    }

    /** Waits until the connection indicator is in one of {@code states}; returns the state. */
    String awaitConnection(Set<String> states) {
        return waiting().withMessage(() -> "connection indicator says '" + byTestId("connection-state").getText()
                + "', expected one of " + states).until(d -> {
            String state = byTestId("connection-state").getDomAttribute("data-state");
            return states.contains(state) ? state : null;
        });
    }

    String connectionState() {
        return byTestId("connection-state").getDomAttribute("data-state");
    }

    /** Whether the page exposes its test hooks ({@code window.__backchannel}). */
    boolean hasTestHooks() {
        return Boolean.TRUE.equals(driver.executeScript("return typeof window.__backchannel !== 'undefined'"));
    }

    /** The page's test hooks: dropSocket, holdSocket, releaseSocket. */
    void hook(String name) {
        driver.executeScript("window.__backchannel." + name + "()");
    }

    /** Calls a test hook of the page and returns its answer as text. */
    String ask(String name) {
        return String.valueOf(driver.executeScript("return window.__backchannel." + name + "()"));
    }

    /** The gateway's id for the page's current socket (from its last welcome). */
    String connectionId() {
        return (String) driver.executeScript("return window.__backchannel.connectionId()");
    }

    /** Opens the flow view with its toggle in the header; returns the view. */
    WebElement openFlowView() {
        WebElement view = byTestId("flow-view");
        if (!view.isDisplayed()) {
            byTestId("flow-toggle").click();
        }
        return waiting().until(d -> view.isDisplayed() ? view : null);
    }

    /** The flow view's lanes, newest first. */
    List<WebElement> flowLanes() {
        return driver.findElements(By.cssSelector("[data-testid='flow-view'] [data-testid='flow-lane']"));
    }

    /** Dismisses every toast shown, with their Dismiss buttons. */
    void dismissToasts() {
        for (WebElement toast : toasts()) {
            try {
                toast.findElement(By.cssSelector("[data-testid='toast-dismiss']")).click();
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                // it closed by itself meanwhile
            }
        }
    }

    WebElement byTestId(String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    WebDriverWait waiting() {
        return waiting(WAIT);
    }

    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private WebElement rowTitled(String title) {
        return driver.findElements(By.cssSelector("[data-testid='item-row']")).stream()
                .filter(row -> title.equals(row.findElement(By.cssSelector("[data-testid='item-title']")).getText()))
                .findFirst().orElse(null);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
