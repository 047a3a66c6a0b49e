package dev.backchannel.gateway.replay;

import java.math.BigInteger;

/**
 * Event ids compare as strings in commit order (contract). The processor's ids are zero-padded
 * decimal sequence numbers of one width; for those, "nothing can lie between a and b" is decidable,
 * which lets a node that started with event {@code n} vouch for a client that last saw {@code n-1}.
 */
final class EventIds {

    private EventIds() {
    }

    static boolean after(String eventId, String other) {
        return eventId.compareTo(other) > 0;
    }

    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** Whether no event id can sort strictly between {@code earlier} and {@code later}. */
    static boolean adjacent(String earlier, String later) {
        if (earlier.length() != later.length() || !digits(earlier) || !digits(later)) {
            return false;
        }
        return new BigInteger(earlier).add(BigInteger.ONE).equals(new BigInteger(later));
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
