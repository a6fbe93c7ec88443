package io.github.drkit.apps.drill;

import java.util.List;
import java.util.Map;

/**
 * What a drill did and found, for the terminal table, the JSON report and the timeline picture.
 *
 * @param emulator   where the calls went, and whether the drill started the emulator itself
 * @param faults     the faults armed while failover ran, as given on the command line
 * @param contextLookups the synth-time lookups (e.g. availability zones) the drill answered from the emulator,
 *                       as {@code cdk synth} answers them from AWS
 * @param notDrilled stacks of the app that were not drilled: no failover function anchors them, or --strategy left their strategy out
 * @param passed     true when every strategy's drill passed
 */
public record DrillReport(String startedAt, String endedAt, long millis, String emulator, String assembly,
                          List<String> faults, List<String> contextLookups, List<StrategyDrill> strategies,
                          List<String> notDrilled, boolean passed) {
    public DrillReport {
        faults = List.copyOf(faults);
        contextLookups = List.copyOf(contextLookups);
        strategies = List.copyOf(strategies);
        notDrilled = List.copyOf(notDrilled);
    }

    /**
     * The drill of one strategy.
     *
     * @param passed         every step ran, every check passed, and the measured orchestration fits the budget
     *                       (when there is one)
     * @param events         what happened, in order, in plain words: injected faults, failed runs, retries
     * @param limitations    what the emulator could not represent, and what the drill changed so it could deploy
     * @param primaryRegion  the Region failover moves away from; null for a plan that only switches sites off
     */
    public record StrategyDrill(String name, String application, String strategy, String primaryRegion,
                                String recoveryRegion, List<String> stacks, String planSource, List<StepRecord> steps,
                                RtoComparison rto, List<String> events, Limitations limitations, boolean passed,
                                String error) {
        public StrategyDrill {
            stacks = List.copyOf(stacks);
            steps = List.copyOf(steps);
            events = List.copyOf(events);
        }

        /**
         * Where failover moves traffic away from, for headings: the primary Region; "switched-off sites" for a plan
         * that names none and switches sites off instead (they need not be in a Region); "?" when no plan was read.
         */
        public String from() {
            return primaryRegion != null ? primaryRegion : application != null ? "switched-off sites" : "?";
        }

        /** The checks of every step, failed or not. */
        public List<Check> allChecks() {
            return steps.stream().flatMap(s -> s.checks().stream()).toList();
        }
    }

    /**
     * One step of a strategy's drill.
     *
     * @param kind          {@code orchestration} (a run of the recovery engine: measured, part of the RTO),
     *                      {@code disaster}, {@code verify} or {@code drill} (deploying, resolving, repairing,
     *                      tearing down: measured, not part of the RTO)
     * @param startMillis   when the step started, from the start of the strategy's drill
     * @param outcome       {@code OK}, {@code FAILED} or {@code SKIPPED}
     * @param calls         AWS calls the step made, by {@code service:Operation}
     * @param injected      calls answered by an injected fault instead of the emulator
     * @param engineReport  the recovery engine's own report of an orchestration step, as the Lambda returns it
     */
    public record StepRecord(String name, String kind, long startMillis, long millis, String outcome, String detail,
                             List<Check> checks, Map<String, Integer> calls, List<String> injected,
                             Map<String, Object> engineReport) {
        public StepRecord {
            checks = List.copyOf(checks);
            calls = Map.copyOf(calls);
            injected = List.copyOf(injected);
        }
    }

    /**
     * The measured orchestration beside the synth-time RTO budget.
     *
     * @param measuredOrchestrationMillis time the recovery engine took to fail over (all runs, retries included)
     * @param physical                    the budget terms taken as given: the emulator cannot reproduce them
     * @param orchestration               the budget's own orchestration terms, if it has any
     * @param allowanceMillis             what orchestration may take (see {@code allowanceBasis}); null when unbudgeted
     * @param projectedRtoMillis          physical terms plus measured orchestration: the RTO this drill predicts
     * @param fits                        measured orchestration within the allowance; null when unbudgeted
     */
    public record RtoComparison(String estimateSource, long measuredOrchestrationMillis,
                                long measuredFailbackMillis, List<BudgetTerm> physical, List<BudgetTerm> orchestration,
                                Long estimateMillis, Long objectiveMillis, Long allowanceMillis, String allowanceBasis,
                                long projectedRtoMillis, Boolean fits, Boolean projectedWithinObjective, String verdict) {
        public RtoComparison {
            physical = List.copyOf(physical);
            orchestration = List.copyOf(orchestration);
        }
    }

    /** A budget term as the report lists it. */
    public record BudgetTerm(String name, long millis, String basis, String prop, String source) {
    }

    /**
     * @param notRepresented per stack, the resources the emulator skipped
     * @param adaptations    template changes the drill made so that the emulator deploys the stack
     * @param notes          behaviour of the emulator that makes a check weaker than it would be on AWS
     * @param leftBehind     resources still in the emulator after teardown
     */
    public record Limitations(Map<String, List<String>> notRepresented, List<String> adaptations, List<String> notes,
                              List<String> leftBehind) {
        public Limitations {
            notRepresented = Map.copyOf(notRepresented);
            adaptations = List.copyOf(adaptations);
            notes = List.copyOf(notes);
            leftBehind = List.copyOf(leftBehind);
        }
    }
}
