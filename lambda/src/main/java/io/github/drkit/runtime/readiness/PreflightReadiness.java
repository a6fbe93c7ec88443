package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StateReport;

/**
 * The readiness of the steps whose kinds have no {@link ReadinessCheck} of their own: the engine's preflight read (a
 * status run), which is each kind's own {@link io.github.drkit.runtime.engine.StepExecutor#inspect} and refuses a resource
 * that does not exist, naming the step's field. It checks existence only (no lag, quota or capacity), and it stops at the
 * first missing resource, as a failover would; the findings say so.
 */
final class PreflightReadiness {
    private PreflightReadiness() {
    }

    static List<Finding> check(AwsClients aws, RecoveryPlan plan, List<PlanStep> steps) {
        String kinds = steps.stream().map(PlanStep::kind).distinct().collect(Collectors.joining(", "));
        Report status;
        try (RecoveryEngine engine = RecoveryEngine.builder(aws).build()) {
            status = engine.run(plan, new RecoveryRequest(Action.STATUS, false, false, io.github.drkit.runtime.aws.Deadline.current().remaining()));
        } catch (InvalidInputException e) {
            boolean ours = steps.stream().anyMatch(s -> s.path() != null && e.field().startsWith(s.path()));
            // A resource of a kind with its own check is reported by that check; this one reports only its steps.
            return ours ? List.of(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, e.field(), e.field(), e.getMessage(),
                    "create the resource or correct the plan, then redeploy; a failover now would stop here before any change"))
                    : List.of(notReached(steps, kinds, "the preflight stopped at another step's resource: " + e.getMessage()));
        }
        if (status.stateBefore() == null) {
            return List.of(notReached(steps, kinds, status.message()));
        }
        Map<String, StateReport.StepStatus> byPath = status.stateBefore().steps().stream()
                .collect(Collectors.toMap(StateReport.StepStatus::path, s -> s, (a, b) -> a));
        List<Finding> findings = new ArrayList<>();
        for (PlanStep step : steps) {
            StateReport.StepStatus read = byPath.get(step.path());
            findings.add(Finding.of(Severity.INFO, Finding.Category.EXISTENCE, step.path(), read == null ? step.kind() : read.resource(),
                    step.kind() + ": exists (the failover preflight read it" + (read == null ? "" : "; position " + read.position()
                            + (read.status() == null ? "" : ", status " + read.status())) + "); this kind has no readiness check beyond existence",
                    "nothing to do"));
        }
        return findings;
    }

    private static Finding notReached(List<PlanStep> steps, String kinds, String why) {
        return Finding.of(Severity.WARNING, Finding.Category.UNCHECKED, steps.get(0).path(), kinds + " steps",
                "the steps of " + kinds + " (no readiness check of their own) could not be checked: " + why,
                "fix the finding named, or run status to see the preflight's answer");
    }
}
