package io.github.drkit.runtime.readiness;

/** How much a finding weighs on the verdict. */
public enum Severity {
    /** Worth knowing, changes nothing: a check that could not be made here, a figure for the record. */
    INFO,
    /** Recovery would work, but slower, with more data lost, or with less margin than declared: {@link Verdict#DEGRADED}. */
    WARNING,
    /** Recovery would fail or miss its objective: {@link Verdict#NOT_READY}. */
    CRITICAL
}
