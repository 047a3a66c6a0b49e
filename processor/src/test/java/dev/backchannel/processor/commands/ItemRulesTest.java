package dev.backchannel.processor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ItemRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final String ID = "6f1c2a52-8a52-4c8e-9c1e-2b9a3e0f4d11";
    private static final Item MILK = new Item(ID, "Buy milk", ItemStatus.TODO, 3, "bob", NOW.minusSeconds(60));

    @Test
    void createShouldMakeVersionOneTodoItemOfTheUser() {
        Decision decision = ItemRules.decide(Command.create("c1", ID, "Buy milk", null), null, "alice", NOW);

        assertThat(decision).isInstanceOf(Decision.Created.class);
        assertThat(decision.itemAfter()).isEqualTo(new Item(ID, "Buy milk", ItemStatus.TODO, 1, "alice", NOW));
        assertThat(decision.message()).isEqualTo("Created 'Buy milk'");
    }

    @Test
    void createShouldBeRefusedAsValidationWhenTheIdExists() {
        Decision decision = ItemRules.decide(Command.create("c1", ID, "Buy milk", ItemStatus.DOING), MILK, "alice", NOW);

        assertThat(((Decision.Rejected) decision).code()).isEqualTo(ErrorCode.VALIDATION);
    }

    @Test
    void updateShouldRenameAndRaiseVersionWhenExpectedVersionMatches() {
        Decision decision = ItemRules.decide(Command.update("c1", ID, 3, new ItemFields("Buy oat milk", null)), MILK,
                "alice", NOW);

        assertThat(decision.itemAfter()).isEqualTo(new Item(ID, "Buy oat milk", ItemStatus.TODO, 4, "alice", NOW));
        assertThat(decision.message()).isEqualTo("Renamed to 'Buy oat milk'");
    }

    @Test
    void updateShouldSayMarkedAsDoneWhenOnlyStatusChanges() {
        Decision decision = ItemRules.decide(Command.update("c1", ID, 3, new ItemFields(null, ItemStatus.DONE)), MILK,
                "alice", NOW);

        assertThat(decision.message()).isEqualTo("Marked 'Buy milk' as done");
        assertThat(decision.itemAfter().status()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void staleUpdateShouldConflictNamingWhoChangedTheItem() {
        Decision decision = ItemRules.decide(Command.update("c1", ID, 2, new ItemFields("x", null)), MILK, "alice", NOW);

        Decision.Rejected rejected = (Decision.Rejected) decision;
        assertThat(rejected.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(rejected.message()).isEqualTo("bob changed this item first");
        assertThat(rejected.detail()).contains("expected version 2").contains("version 3");
    }

    @Test
    void staleDeleteByTheLastEditorShouldConflictInTheSecondPerson() {
        Decision decision = ItemRules.decide(Command.delete("c1", ID, 1), MILK, "bob", NOW);

        assertThat(decision.message()).isEqualTo("You changed this item elsewhere first");
    }

    @Test
    void updateOfMissingItemShouldBeNotFound() {
        Decision decision = ItemRules.decide(Command.update("c1", ID, 1, new ItemFields("x", null)), null, "alice", NOW);

        assertThat(((Decision.Rejected) decision).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void deleteShouldKeepTheItemAsItWasAndLeaveNoItemAfter() {
        Decision decision = ItemRules.decide(Command.delete("c1", ID, 3), MILK, "alice", NOW);

        assertThat(((Decision.Deleted) decision).before()).isEqualTo(MILK);
        assertThat(decision.itemAfter()).isNull();
        assertThat(decision.message()).isEqualTo("Deleted 'Buy milk'");
    }
}
