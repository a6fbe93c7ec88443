package io.github.drkit.runtime.engine;

/** Tags the runtime writes, so that later runs (and people) can tell what it did. */
public final class Tags {
    /**
     * Put on a database when failover promotes it. AWS shows a promotion in progress only through the
     * instance status; the tag also tells a person who promoted it and when.
     */
    public static final String PROMOTED = "drkit:promoted-at";

    private Tags() {
    }
}
