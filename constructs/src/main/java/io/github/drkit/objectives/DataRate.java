package io.github.drkit.objectives;

import java.util.Locale;

/**
 * An amount of data per unit of time, in decimal units as network links and AWS quote them
 * (1 Mbit/s = 1,000,000 bits per second; 1 GB = 10^9 bytes).
 */
public final class DataRate implements Comparable<DataRate> {
    private final double bytesPerSecond;

    private DataRate(double bytesPerSecond, String given) {
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("DataRate: a rate must be a finite number greater than zero (got " + given + ")");
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    public static DataRate bytesPerSecond(double n) {
        return new DataRate(n, n + " B/s");
    }

    public static DataRate megabytesPerSecond(double n) {
        return new DataRate(n * 1e6, n + " MB/s");
    }

    public static DataRate megabitsPerSecond(double n) {
        return new DataRate(n * 1e6 / 8, n + " Mbit/s");
    }

    public static DataRate gigabitsPerSecond(double n) {
        return new DataRate(n * 1e9 / 8, n + " Gbit/s");
    }

    public static DataRate gigabytesPerHour(double n) {
        return new DataRate(n * 1e9 / 3_600, n + " GB/h");
    }

    public static DataRate gigabytesPerDay(double n) {
        return new DataRate(n * 1e9 / 86_400, n + " GB/day");
    }

    public double toBytesPerSecond() {
        return bytesPerSecond;
    }

    public double toMegabitsPerSecond() {
        return bytesPerSecond * 8 / 1e6;
    }

    /** This rate as a fraction of another, e.g. a change rate over a link bandwidth. */
    public double ratioTo(DataRate other) {
        return bytesPerSecond / other.bytesPerSecond;
    }

    @Override
    public int compareTo(DataRate o) {
        return Double.compare(bytesPerSecond, o.bytesPerSecond);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRate && ((DataRate) o).bytesPerSecond == bytesPerSecond;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(bytesPerSecond);
    }

    /** "12.5 MB/s (100 Mbit/s)". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s MB/s (%s Mbit/s)", trim(bytesPerSecond / 1e6), trim(toMegabitsPerSecond()));
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
