package io.github.drkit.runtime.readiness;

import java.util.List;

/** What the findings of one evaluation add up to; the readiness metric publishes {@link #metricValue()}. */
public enum Verdict {
    /** No finding above {@link Severity#INFO}. */
    READY(0),
    /** At least one {@link Severity#WARNING}, no {@link Severity#CRITICAL}. */
    DEGRADED(1),
    /** At least one {@link Severity#CRITICAL}. */
    NOT_READY(2);

    private final int metricValue;

    Verdict(int metricValue) {
        this.metricValue = metricValue;
    }

    /** 0, 1 or 2: the value of the readiness metric, which the construct's alarm compares with 2. */
    public int metricValue() {
        return metricValue;
    }

    /** The verdict of a list of findings: the worst severity decides. */
    public static Verdict of(List<Finding> findings) {
        boolean critical = findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
        boolean warning = findings.stream().anyMatch(f -> f.severity() == Severity.WARNING);
        return critical ? NOT_READY : warning ? DEGRADED : READY;
    }
}
