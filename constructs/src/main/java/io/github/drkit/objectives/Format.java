package io.github.drkit.objectives;

import java.time.Duration;
import java.util.Locale;

/** Renders durations and money the way the messages and the summary show them. */
final class Format {
    private Format() {
    }

    /** "1 h 30 min", "45 s", "2 d 4 h"; sub-second parts are dropped. */
    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.getSeconds();
        if (s == 0) {
            return "0 s";
        }
        StringBuilder b = new StringBuilder();
        append(b, s / 86_400, "d");
        append(b, (s % 86_400) / 3_600, "h");
        append(b, (s % 3_600) / 60, "min");
        append(b, s % 60, "s");
        return b.toString();
    }

    private static void append(StringBuilder b, long n, String unit) {
        if (n != 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(n).append(' ').append(unit);
        }
    }

    static String usd(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }
}
