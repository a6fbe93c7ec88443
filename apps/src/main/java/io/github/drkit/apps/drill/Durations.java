package io.github.drkit.apps.drill;

import java.time.Duration;

/** Durations as a report shows them: {@code 850 ms}, {@code 4.2 s}, {@code 3 min 30 s}, {@code 2 h 5 min}. */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        return d == null ? "-" : millis(d.toMillis());
    }

    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        long m = s / 60;
        return (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
    }
}
