package io.github.drkit.runtime.plan;

/** Auto Scaling group capacity: minimum, desired and maximum instance counts. */
public record Capacity(int min, int desired, int max) {
    @Override
    public String toString() {
        return "min " + min + ", desired " + desired + ", max " + max;
    }
}
