package dev.backchannel.desktop.items;

import dev.backchannel.schemas.Item;

/** What a change did to an item and who did it, in a few words: "bob renamed it, moved it to done". */
final class ItemChange {

    private ItemChange() {
    }

    static String describe(Item before, Item after, String me) {
        String who = who(after.updatedBy(), me);
        if (before == null) {
            return who + " created it";
        }
        boolean renamed = !before.title().equals(after.title());
        boolean moved = before.status() != after.status();
        String moveText = "moved it to " + after.status().wireName();
        if (renamed && moved) {
            return who + " renamed it, " + moveText;
        }
        if (renamed) {
            return who + " renamed it";
        }
        if (moved) {
            return who + " " + moveText;
        }
        return who + " changed it";
    }

    static String deleted(String by, String me) {
        return who(by, me) + " deleted it";
    }

    static String who(String user, String me) {
        if (user == null) {
            return "someone";
        }
        return user.equals(me) ? "you" : user;
    }
}
