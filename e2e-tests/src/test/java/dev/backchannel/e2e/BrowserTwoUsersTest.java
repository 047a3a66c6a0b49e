package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Alice and Bob, each in their own headless Chromium, on the page the gateway serves at {@code /},
 * against the built jars. Skipped (with the reason) where Debian's chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserChromium.class)
class BrowserTwoUsersTest {

    private BrowserPage alice;
    private BrowserPage bob;

    @BeforeAll
    void openTwoPages() {
        URI page = RunningSystem.get().url(Service.SOCKET_GATEWAY, "/");
        alice = BrowserPage.signIn(page, "alice", 1000, 820);
        bob = BrowserPage.signIn(page, "bob", 1000, 820);
    }

    @AfterAll
    void closePages() {
        for (BrowserPage page : new BrowserPage[] {alice, bob}) {
            if (page != null) {
                page.close();
            }
        }
    }

    @Test
    void shouldShowTheCreatorASuccessToastAndTheOtherUserTheNewItem() {
        String title = unique("Buy milk");

        alice.create(title);

        alice.awaitToast("success", "Created '" + title + "'");
        WebElement bobsRow = bob.awaitRow(title);
        assertThat(bobsRow.findElement(By.cssSelector("[data-testid='item-meta']")).getText()).contains("v1", "alice");
        WebElement receipt = alice.waiting().until(d -> alice.receiptFor("create '" + title + "'"));
        alice.waiting().until(d -> "succeeded".equals(receipt.getDomAttribute("data-state")));
        List<String> steps = receipt.findElements(By.cssSelector("[data-testid='receipt-timeline'] li.done")).stream()
                .map(step -> step.getDomAttribute("data-step")).toList();
        assertThat(steps).containsExactly("sent", "accepted", "processed", "pushed");
    }

    @Test
    void shouldGiveAFailureToastWithThePlainReasonWhenAnEditStartedOnAnOlderVersion() {
        String title = unique("Plan trip");
        alice.create(title);
        WebElement bobsRow = bob.awaitRow(title);
        bob.startRenaming(bobsRow, title + " by bob");

        String alicesTitle = title + " by alice";
        alice.rename(alice.awaitRow(title), alicesTitle);
        bobsRow = bob.awaitRow(alicesTitle);
        assertThat(bobsRow.findElement(By.cssSelector("[data-testid='item-stale-hint']")).isDisplayed()).isTrue();
        bob.submitRename(bobsRow);

        bob.awaitToast("failure", "alice changed this item first");
        assertThat(bob.awaitRow(alicesTitle).getDomAttribute("data-version")).isEqualTo("2");
        assertThat(alice.awaitRow(alicesTitle).getDomAttribute("data-version")).isEqualTo("2");
        assertThat(alice.toasts()).noneMatch(toast -> "failure".equals(toast.getDomAttribute("data-kind")));
    }

    @Test
    void shouldShowAChangeMadeWhileTheSocketWasDownOnceItIsBack() {
        bob.hook("holdSocket");
        bob.awaitConnection(Set.of("held"));
        String title = unique("Missed while offline");
        alice.create(title);
        alice.awaitToast("success", "Created '" + title + "'");
        assertThat(bob.hasRow(title)).isFalse();

        bob.hook("releaseSocket");

        // resumed from the replay window, or reset and reloaded through the query side: either way it shows
        String state = bob.awaitConnection(Set.of("resumed", "reset"));
        bob.awaitRow(title);
        assertThat(state).isIn("resumed", "reset");
    }

    @Test
    void shouldReconnectByItselfAfterADropAndKeepShowingLiveChanges() {
        String before = bob.connectionId();

        bob.hook("dropSocket");

        // a new socket has been welcomed (it resumed, or was reset when there was nothing to resume from)
        bob.waiting().until(d -> !before.equals(bob.connectionId()));
        assertThat(bob.awaitConnection(Set.of("connected", "resumed", "reset"))).isNotNull();
        String title = unique("After the drop");
        alice.create(title);
        bob.awaitRow(title);
    }

    @Test
    void shouldShowWhoElseIsOnTheSelectedItemAndWhatTheyAreEditing() {
        String title = unique("Shared record");
        alice.create(title);
        bob.select(bob.awaitRow(title));

        alice.focusRename(alice.awaitRow(title));

        assertThat(bob.awaitPresence(title, "alice is editing the title")).doesNotContain("bob");
        assertThat(alice.awaitPresence(title, "bob is looking")).doesNotContain("alice");
        assertThat(alice.ask("protocol")).isEqualTo("backchannel.v2");
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
