package io.github.drkit.apps.drill;

/**
 * One thing the drill verified in the emulator, with what it expected and what it found.
 *
 * @param subject what was checked, e.g. {@code fleet shop-app (us-west-2) desired capacity}
 */
public record Check(String subject, String expected, String actual, boolean passed) {
    public static Check of(String subject, Object expected, Object actual) {
        return new Check(subject, String.valueOf(expected), String.valueOf(actual), String.valueOf(expected).equals(String.valueOf(actual)));
    }

    public static Check atLeast(String subject, int minimum, int actual) {
        return new Check(subject, ">= " + minimum, Integer.toString(actual), actual >= minimum);
    }

    @Override
    public String toString() {
        return (passed ? "ok   " : "FAIL ") + subject + ": expected " + expected + ", found " + actual;
    }
}
