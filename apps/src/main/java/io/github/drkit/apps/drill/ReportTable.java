package io.github.drkit.apps.drill;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import io.github.drkit.apps.drill.DrillReport.BudgetTerm;
import io.github.drkit.apps.drill.DrillReport.RtoComparison;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;

/** The drill report as tables on a terminal: steps, the RTO beside its budget, and what the emulator could not show. */
public final class ReportTable {
    private ReportTable() {
    }

    public static void print(DrillReport report, PrintStream out) {
        out.println("drkit DR drill against " + report.emulator());
        report.contextLookups().forEach(l -> out.println("context lookup: " + l));
        if (!report.faults().isEmpty()) {
            out.println("faults armed during failover: " + String.join(", ", report.faults()));
        }
        for (StrategyDrill s : report.strategies()) {
            out.println();
            out.println("== " + s.name() + "  " + nz(s.strategy()) + "  " + s.from() + " -> " + nz(s.recoveryRegion())
                    + "  " + (s.passed() ? "PASSED" : "FAILED"));
            out.printf("%-52s %-13s %9s %10s  %-7s %s%n", "STEP", "KIND", "AT", "TOOK", "RESULT", "CALLS");
            for (StepRecord step : s.steps()) {
                int calls = step.calls().values().stream().mapToInt(Integer::intValue).sum();
                out.printf("%-52s %-13s %9s %10s  %-7s %d%s%n", cut(step.name(), 52), step.kind(), Durations.millis(step.startMillis()),
                        Durations.millis(step.millis()), step.outcome(), calls,
                        step.injected().isEmpty() ? "" : " (" + step.injected().size() + " injected)");
                long failed = step.checks().stream().filter(c -> !c.passed()).count();
                if (failed > 0 || "FAILED".equals(step.outcome())) {
                    out.println("    " + nz(step.detail()));
                    step.checks().stream().filter(c -> !c.passed()).forEach(c -> out.println("    " + c));
                }
            }
            long checks = s.allChecks().size();
            long passedChecks = s.allChecks().stream().filter(Check::passed).count();
            out.println("checks: " + passedChecks + " of " + checks + " passed");
            rto(s.rto(), out);
            if (!s.events().isEmpty()) {
                out.println("what happened:");
                s.events().forEach(e -> out.println("  - " + e));
            }
            if (s.error() != null) {
                out.println("error: " + s.error());
            }
            limitations(s, out);
        }
        out.println();
        out.println("drill " + (report.passed() ? "PASSED" : "FAILED") + ": " + report.strategies().stream().filter(StrategyDrill::passed).count()
                + " of " + report.strategies().size() + " strateg" + (report.strategies().size() == 1 ? "y" : "ies") + " in "
                + Durations.millis(report.millis()));
        if (!report.notDrilled().isEmpty()) {
            out.println("not drilled (no failover function, or left out by --strategy): " + String.join(", ", report.notDrilled()));
        }
    }

    private static void rto(RtoComparison rto, PrintStream out) {
        out.printf("%-34s %-10s %12s  %s%n", "RTO TERM", "SOURCE", "DURATION", "BASIS");
        out.printf("%-34s %-10s %12s  %s%n", "failover orchestration", "measured", Durations.millis(rto.measuredOrchestrationMillis()),
                "recovery engine run(s) in the emulator");
        for (BudgetTerm t : rto.physical()) {
            out.printf("%-34s %-10s %12s  %s%n", cut(t.name(), 34), "budget", Durations.millis(t.millis()), t.basis());
        }
        for (BudgetTerm t : rto.orchestration()) {
            out.printf("%-34s %-10s %12s  %s%n", cut(t.name() + " (allowance)", 34), "budget", Durations.millis(t.millis()), t.basis());
        }
        out.printf("%-34s %-10s %12s  %s%n", "projected RTO", "both", Durations.millis(rto.projectedRtoMillis()),
                "budget terms + measured orchestration");
        if (rto.estimateMillis() != null) {
            out.printf("%-34s %-10s %12s  %s%n", "synth-time estimate", "budget", Durations.millis(rto.estimateMillis()), nz(rto.estimateSource()));
        }
        if (rto.objectiveMillis() != null) {
            out.printf("%-34s %-10s %12s  %s%n", "RTO objective", "declared", Durations.millis(rto.objectiveMillis()),
                    Boolean.TRUE.equals(rto.projectedWithinObjective()) ? "projected RTO within it"
                            : Boolean.FALSE.equals(rto.projectedWithinObjective()) ? "projected RTO EXCEEDS it" : "");
        }
        out.println("verdict: " + rto.verdict());
    }

    private static void limitations(StrategyDrill s, PrintStream out) {
        if (s.limitations() == null) {
            return;
        }
        Map<String, List<String>> skipped = s.limitations().notRepresented();
        if (!skipped.isEmpty()) {
            out.println("not represented by the emulator:");
            skipped.forEach((stack, resources) -> out.println("  " + stack + ": " + String.join(", ", resources)));
        }
        if (!s.limitations().adaptations().isEmpty()) {
            out.println("template adaptations for the emulator:");
            s.limitations().adaptations().forEach(a -> out.println("  - " + a));
        }
        if (!s.limitations().leftBehind().isEmpty()) {
            out.println("left in the emulator after teardown: " + String.join(", ", s.limitations().leftBehind()));
        }
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static String nz(String s) {
        return s == null ? "?" : s;
    }
}
