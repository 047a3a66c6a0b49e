package dev.backchannel.processor.commands;

import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Item;

/** What a command does to an item: one change, or a refusal. {@code message} is shown to people. */
public sealed interface Decision {

    String message();

    /** A new item. */
    record Created(Item item, String message) implements Decision {
    }

    /** The item after the change, its version one higher. */
    record Updated(Item item, String message) implements Decision {
    }

    /** The item as it was before it was deleted. */
    record Deleted(Item before, String message) implements Decision {
    }

    /** Nothing changes; {@code detail} says why in terms a developer can check. */
    record Rejected(ErrorCode code, String message, String detail) implements Decision {
    }

    /** The item after the command; null after a delete or a refusal. */
    default Item itemAfter() {
        if (this instanceof Created created) {
            return created.item();
        }
        return this instanceof Updated updated ? updated.item() : null;
    }

    default boolean applied() {
        return !(this instanceof Rejected);
    }
}
