package io.github.drkit.runtime.engine;

/**
 * Cuts a value echoed in a message to a readable length: an error that repeats a 10 MB field, or a whole JSON
 * document given where a name was expected, hides the field it is about.
 */
public final class Cut {
    /** The longest value a message repeats whole. */
    public static final int MAX_CHARS = 80;

    private Cut() {
    }

    /** {@code value}, or its first characters and how many were left out. */
    public static String value(String value) {
        if (value == null || value.length() <= MAX_CHARS) {
            return value;
        }
        // Never split a character outside the basic plane in two.
        int end = Character.isHighSurrogate(value.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return value.substring(0, end) + "... (" + (value.length() - end) + " more characters)";
    }
}
