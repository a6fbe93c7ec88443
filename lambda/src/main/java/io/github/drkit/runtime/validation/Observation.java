package io.github.drkit.runtime.validation;

/**
 * What one look at a restored resource found.
 *
 * @param state what the finding means for the restore test
 * @param found what was read, in words: "status available, 12 items"
 */
public record Observation(State state, String found) {

    /** What a finding means for the restore test. */
    public enum State {
        /** Usable: the restore produced what it should. */
        READY,
        /** Still being set up by the service (creating, backing-up, pending ...): look again. */
        SETTLING,
        /** In a state a restore should never leave it in (failed, error, terminated ...). */
        UNUSABLE,
        /** The resource does not exist. */
        MISSING
    }

    static Observation ready(String found) {
        return new Observation(State.READY, found);
    }

    static Observation settling(String found) {
        return new Observation(State.SETTLING, found);
    }

    static Observation unusable(String found) {
        return new Observation(State.UNUSABLE, found);
    }

    static Observation missing() {
        return new Observation(State.MISSING, "it does not exist");
    }
}
