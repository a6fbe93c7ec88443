package io.github.drkit.runtime.readiness;

import java.util.List;
import java.util.Map;

/**
 * What one evaluation found: every finding, the verdict they add up to, the objectives they imply, and what it cost in
 * calls. The handler returns it, the CLI prints it, the audit trail keeps it.
 *
 * @param runId              this evaluation's id, made for it (evaluate continues no earlier run); the audit trail keys the
 *                           report by it
 * @param declaredRtoSeconds null when no RTO was declared
 * @param declaredRpoSeconds null when no RPO was declared
 * @param impliedRpoSeconds  the largest RPO a finding implies (the data a failover now would lose); null when none does
 * @param impliedRtoSeconds  the largest RTO a finding implies; null when none does
 * @param calls              AWS calls made, retries not counted
 * @param callsByOperation   {@code Service Operation} to the number of calls
 * @param metric             what became of the readiness metric: published, not asked for, or why it failed
 */
public record ReadinessReport(String action, String runId, String application, String strategy, String recoveryRegion, Verdict verdict,
                              String message, Long declaredRtoSeconds, Long declaredRpoSeconds, Long impliedRtoSeconds,
                              Long impliedRpoSeconds, String startedAt, String endedAt, long millis, List<Finding> findings,
                              int calls, Map<String, Integer> callsByOperation, String metric) {

    public ReadinessReport {
        findings = List.copyOf(findings);
        callsByOperation = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(callsByOperation));
    }

    /** This report with what became of the readiness metric. */
    ReadinessReport withMetric(String metric) {
        return new ReadinessReport(action, runId, application, strategy, recoveryRegion, verdict, message, declaredRtoSeconds, declaredRpoSeconds,
                impliedRtoSeconds, impliedRpoSeconds, startedAt, endedAt, millis, findings, calls, callsByOperation, metric);
    }
}
