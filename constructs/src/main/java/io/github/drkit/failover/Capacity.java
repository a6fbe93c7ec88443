package io.github.drkit.failover;

import java.util.LinkedHashMap;
import java.util.Map;

/** Auto Scaling capacity: minimum, desired and maximum instance counts. */
public final class Capacity {
    private final int min;
    private final int desired;
    private final int max;

    private Capacity(int min, int desired, int max) {
        this.min = min;
        this.desired = desired;
        this.max = max;
    }

    /**
     * @throws IllegalArgumentException unless {@code 0 <= min <= desired <= max}
     */
    public static Capacity of(int min, int desired, int max) {
        if (min < 0 || desired < min || max < desired) {
            throw new IllegalArgumentException("Capacity: must satisfy 0 <= min <= desired <= max (got min " + min
                    + ", desired " + desired + ", max " + max + ")");
        }
        return new Capacity(min, desired, max);
    }

    public int min() {
        return min;
    }

    public int desired() {
        return desired;
    }

    public int max() {
        return max;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", min);
        m.put("desired", desired);
        m.put("max", max);
        return m;
    }

    @Override
    public String toString() {
        return "min " + min + ", desired " + desired + ", max " + max;
    }
}
