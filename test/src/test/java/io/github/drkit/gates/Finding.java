package io.github.drkit.gates;

/** One error a gate found: which rule, where, and what it says. */
record Finding(String rule, String location, String message) {
    @Override
    public String toString() {
        return rule + " at " + location + ": " + message;
    }
}
