package dev.backchannel.schemas;

/**
 * The rule for an item's title that JSON Schema cannot say by itself: 1 to {@value #MAX_CODE_POINTS}
 * Unicode code points (not UTF-16 units: an emoji counts once), no lone surrogate (it cannot be
 * encoded as UTF-8, so no message could carry it) and no control character. api-command answers 400
 * for a title that breaks it; the processor refuses one that got past with {@code validation}.
 */
public final class ItemTitles {

    public static final int MAX_CODE_POINTS = 200;

    private ItemTitles() {
    }

    /** Why {@code title} is not a valid title, or null when it is. */
    public static String problem(String title) {
        if (title == null || title.isEmpty()) {
            return "must not be empty";
        }
        int codePoints = 0;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < title.length() && Character.isLowSurrogate(title.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone surrogate (at index " + i + ")";
            } else if (Character.isISOControl(c)) {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at index " + i + ")";
            }
            codePoints++;
        }
        if (codePoints > MAX_CODE_POINTS) {
            return "must be at most " + MAX_CODE_POINTS + " characters, was " + codePoints;
        }
        return null;
    }
}
