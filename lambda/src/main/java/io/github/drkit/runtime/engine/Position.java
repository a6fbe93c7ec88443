package io.github.drkit.runtime.engine;

/** Where one resource stands between normal operation and failover. */
public enum Position {
    /** As in normal operation. */
    NORMAL,
    /** As after failover. */
    FAILED_OVER,
    /** Both at once: normal and failed-over settings are the same for this resource. */
    EITHER,
    /** Neither: a change in progress, or changed by hand. */
    OTHER
}
