package io.github.drkit.apps.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.drkit.apps.drill.DrillReport.BudgetTerm;
import io.github.drkit.apps.drill.DrillReport.Limitations;
import io.github.drkit.apps.drill.DrillReport.RtoComparison;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import io.github.drkit.runtime.readiness.Verdict;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;

/**
 * The drill of one strategy: deploy its stacks into the emulator, resolve the plan, fail the primary site,
 * fail over with the recovery engine, verify, repair the primary, fail back, verify, tear down.
 *
 * <p>Every step is timed and its AWS calls counted through the {@link FaultProxy}. Only the engine's runs
 * are orchestration, the part of the RTO a drill can measure; the rest is the drill's own work.
 */
public final class Drill {
    private final DrillClients clients;
    private final FaultProxy proxy;
    private final StackDeployer deployer;
    private final List<Fault> faults;
    private final boolean emulatorIsMoto;
    private final DrillListener listener;

    /**
     * @param clients        clients whose endpoint is the proxy
     * @param faults         armed during the first failover run only
     * @param emulatorIsMoto adds moto's known behaviour to the report's limitations
     * @param emulatorLog    the emulator's log when the drill started it; null otherwise
     */
    public Drill(DrillClients clients, FaultProxy proxy, Duration stackTimeout, List<Fault> faults, boolean emulatorIsMoto,
                 DrillListener listener, java.nio.file.Path emulatorLog) {
        this.clients = clients;
        this.proxy = proxy;
        this.deployer = new StackDeployer(clients, stackTimeout, emulatorLog);
        this.faults = List.copyOf(faults);
        this.emulatorIsMoto = emulatorIsMoto;
        this.listener = listener;
    }

    public StrategyDrill run(DrillTarget target, RtoBudget budget) {
        Run run = new Run(target.name());
        List<DeployedStack> deployed = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        ResolvedPlan resolved = null;
        GlobalDatabases globalDatabases = null;
        String error = null;
        long failoverMillis = 0;
        long failbackMillis = 0;
        try {
            for (AssemblyStack stack : target.stacks()) {
                DeployedStack d = run.step("deploy " + stack.stackName() + " (" + stack.region() + ")", "drill", () -> {
                    DeployedStack s = deployer.deploy(stack);
                    return new Outcome<>(s, s.physicalIds().size() + " resource(s) created"
                            + (s.notRepresented().isEmpty() ? "" : ", " + s.notRepresented().size() + " not represented by the emulator"),
                            List.of());
                });
                deployed.add(d);
            }
            DeployedStack planStack = deployed.stream().filter(d -> d.stack().artifactId().equals(target.planStack().artifactId()))
                    .findFirst().orElseThrow();
            resolved = run.step("resolve plan", "drill", () -> {
                ResolvedPlan r = new PlanResolver(clients).resolve(planStack, target.functions().get(0));
                return new Outcome<>(r, "from " + r.source() + ": " + r.plan().fleets().size() + " fleet(s), "
                        + r.plan().dns().size() + " zone(s), " + r.plan().instances().size() + " instance group(s), "
                        + r.plan().databases().size() + " database(s)", r.resolution());
            });
            // What the emulator cannot serve is left out of the drilled plan, and the report says so.
            GlobalDataTier.Drillable drillable = GlobalDataTier.of(resolved.plan(), emulatorIsMoto);
            leftOut.addAll(drillable.leftOut());
            run.events.addAll(drillable.leftOut());
            RecoveryPlan plan = drillable.plan();
            run.role = assumeFailoverRole(run, resolved);
            StateVerifier verifier = new StateVerifier(clients, emulatorIsMoto, proxy::calls);
            // The global databases the plan promotes, made where the emulator's CloudFormation skipped them.
            GlobalDatabases databases = !(emulatorIsMoto && GlobalDatabases.promotes(plan)) ? null
                    : run.step("create global databases", "drill", () -> {
                        GlobalDatabases d = GlobalDatabases.create(clients, plan, target.stacks());
                        return new Outcome<>(d, d.describe(), d.checks());
                    });
            globalDatabases = databases;
            if (databases != null) {
                leftOut.add("Aurora global databases are not created by the emulator's CloudFormation: the drill made them through the"
                        + " RDS API with the plan's identifiers, and seeded the secondary's " + GlobalDatabases.LAG_METRIC + " ("
                        + Math.round(GlobalDatabases.SEEDED_LAG_MILLIS) + " ms), so the RPO achieved is that value, not a measured lag;"
                        + " SwitchoverGlobalCluster and FailoverGlobalCluster answer 500, so the secondary is promoted by detaching it,"
                        + " and failback then stops at it by design");
            }
            run.step("verify normal operation", "verify", () -> new Outcome<>(null, "before the disaster",
                    verifier.verify(plan, StateVerifier.Position.NORMAL)));
            // A backup-and-restore plan restores from recovery points: the drill makes them, as the strategy's copies
            // would leave them, while the primary site still runs; then the restore action takes failover's place.
            RecoveryPoints points = !RecoveryPoints.restores(plan) ? null : run.step("create recovery points", "drill", () -> {
                RecoveryPoints p = RecoveryPoints.create(clients, plan, Disaster.primaryRegion(plan, target));
                return new Outcome<>(p, p.describe(), p.checks());
            });
            Action forward = points == null ? Action.FAILOVER : Action.RESTORE;
            try (AwsClients aws = engineClients(plan, run.role); ReadinessEvaluator evaluator = ReadinessEvaluator.builder(aws).build()) {
                run.evaluateStep("evaluate before the disaster", evaluator, plan, List.of(Verdict.READY), deployed);
            }
            Disaster disaster = run.step("inject disaster", "disaster", () -> {
                Disaster d = Disaster.inject(clients, plan, target, deployed);
                return new Outcome<>(d, "primary site " + d.site() + " stops answering: " + String.join("; ", d.actions()), d.checks());
            });
            run.events.add("disaster: " + String.join("; ", disaster.actions()));
            try (AwsClients aws = engineClients(plan, run.role); RecoveryEngine engine = RecoveryEngine.builder(aws).build()) {
                if (!faults.isEmpty()) {
                    proxy.arm(faults);
                    run.events.add("faults armed for the failover run: " + faults);
                }
                Report first;
                try {
                    first = run.engineStep(forward.id(), engine, plan, forward, true);
                } finally {
                    proxy.disarm();
                }
                failoverMillis += first.millis();
                Report forwardRun = first;
                if (first.outcome() == Report.RunOutcome.FAILED) {
                    run.events.add(forward.id() + " failed: " + first.message());
                    run.step("verify consistent after failed failover", "verify", () -> new Outcome<>(null,
                            "traffic never moves to a fleet that is not ready, and each zone's records move together",
                            new ConsistencyCheck(clients).verify(plan)));
                    run.events.add("state was consistent after the failed run; " + forward.id() + " run again with no fault armed");
                    Report retry = run.engineStep(forward.id() + " (run again)", engine, plan, forward, false);
                    failoverMillis += retry.millis();
                    forwardRun = retry;
                    run.events.add(forward.id() + " run again: " + retry.outcome() + ": " + retry.message());
                } else {
                    run.events.add(forward.id() + " " + first.outcome() + ": " + first.message());
                }
                run.step("verify failover", "verify", () -> new Outcome<>(null, "recovery capacity, traffic on " + plan.recoveryRegion(),
                        verifier.verify(plan, StateVerifier.Position.FAILED_OVER)));
                Report promoted = forwardRun;
                if (databases != null) {
                    List<String> rpo = GlobalDatabases.rpoAchieved(promoted, plan);
                    run.events.add("replication lag seeded by the drill as one " + GlobalDatabases.LAG_METRIC + " datapoint of "
                            + Math.round(GlobalDatabases.SEEDED_LAG_MILLIS) + " ms (no emulator computes it): the RPO achieved below is"
                            + " that value, as the engine read it at promotion");
                    run.events.addAll(rpo);
                    run.step("verify global databases promoted", "verify", () -> new Outcome<>(null, String.join("; ", rpo),
                            databases.verifyPromoted(clients, promoted)));
                }
                if (points != null) {
                    List<String> times = RecoveryPoints.restoreTimes(forwardRun);
                    run.events.add("recovery points made by the drill (moto 5.2.1 has no AWS Backup recovery points or copy jobs and runs "
                            + "no Data Lifecycle Manager policy): their ages are seconds; restored RDS instances are available at once, so "
                            + "each restore time below is the emulator's, and the hours of a real restore come from the budget");
                    run.events.addAll(times);
                    run.step("verify restore", "verify", () -> new Outcome<>(null, String.join("; ", times),
                            points.verifyRestored(clients, plan)));
                }
                run.step("repair primary site", "drill", () -> {
                    List<String> done = disaster.repair();
                    return new Outcome<>(null, String.join("; ", done), List.of());
                });
                // A global database detached at failover cannot be attached again: failback stops there by design, and
                // traffic stays where the writer is until a person rebuilds the global database.
                List<String> detached = databases == null ? List.of() : GlobalDatabases.detached(forwardRun, plan);
                Report back;
                if (detached.isEmpty()) {
                    back = run.engineStep("failback", engine, plan, Action.FAILBACK, false);
                    run.events.add("failback " + back.outcome() + ": " + back.message());
                    run.step("verify failback", "verify", () -> new Outcome<>(null, "standby capacity, traffic on " + disaster.site(),
                            verifier.verify(plan, StateVerifier.Position.NORMAL)));
                } else {
                    ServiceCounts services = ServiceCounts.read(clients, plan);
                    back = run.refusedEngineStep("failback (refused after detach)", engine, plan, Action.FAILBACK,
                            r -> databases.verifyFailbackRefused(clients, r, detached));
                    run.events.add("failback " + back.outcome() + " as expected: " + detached + " detached at failover; " + back.message());
                    back.steps().stream().filter(st -> detached.contains(st.resource()) && st.detail() != null)
                            .forEach(st -> run.events.add("failback " + st.resource() + ": " + st.detail()));
                    run.step("verify failback left traffic on the recovery site", "verify", () -> new Outcome<>(null,
                            "recovery capacity, traffic on " + plan.recoveryRegion() + ": the writer is there",
                            concat(verifier.verify(plan, StateVerifier.Position.FAILED_OVER), services.unchanged(clients))));
                }
                failbackMillis += back.millis();
                if (points != null) {
                    back.leftForOperator().forEach(l -> run.events.add("left for the operator: " + l));
                    run.step("verify restored resources left for the operator", "verify", () -> new Outcome<>(null,
                            "failback deletes nothing it restored: " + back.leftForOperator().size() + " resource(s) listed",
                            points.verifyLeftForOperator(clients, plan, back)));
                }
                // A promoted replica stays promoted after failback (it is never demoted): DEGRADED says so until it is re-created.
                // A detached Aurora secondary leaves no cross-Region replication: NOT_READY says so until a person rebuilds it.
                try (ReadinessEvaluator evaluator = ReadinessEvaluator.builder(aws).build()) {
                    ReadinessReport afterFailback = run.evaluateStep("evaluate after failback", evaluator, plan, !detached.isEmpty()
                            ? List.of(Verdict.NOT_READY) : plan.databases().isEmpty() ? List.of(Verdict.READY)
                            : List.of(Verdict.READY, Verdict.DEGRADED), deployed);
                    if (!detached.isEmpty()) {
                        run.step("check evaluate reports the detached databases", "verify", () -> new Outcome<>(null, String.join(", ", detached),
                                GlobalDatabases.detachedReported(afterFailback, detached)));
                    }
                    // Last, before the teardown: something the plan names is broken on purpose, and evaluate must catch it.
                    BrokenOnPurpose broken = BrokenOnPurpose.find(clients, plan);
                    if (broken != null) {
                        run.step("break on purpose: " + broken.what(), "drill", () -> new Outcome<>(null, broken.breakIt(), List.of()));
                        ReadinessReport caught = run.evaluateStep("evaluate the break", evaluator, plan, List.of(Verdict.NOT_READY), deployed);
                        run.step("check evaluate caught the break", "verify", () -> new Outcome<>(null, broken.what(),
                                List.of(broken.caughtBy(caught))));
                    }
                }
            }
        } catch (StepFailed e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        List<String> leftBehind = new ArrayList<>();
        List<String> teardownProblems = new ArrayList<>();
        try {
            GlobalDatabases made = globalDatabases;
            run.step("tear down", "drill", () -> {
                // What the drill made beside the stacks goes first, the secondary before its global cluster. moto cannot
                // remove a member outside us-east-1 from a global cluster, so the global cluster stays and is listed.
                List<String> madeLeft = made == null ? List.of() : made.delete(clients);
                for (int i = target.stacks().size() - 1; i >= 0; i--) {
                    String problem = deployer.delete(target.stacks().get(i));
                    if (problem != null) {
                        teardownProblems.add(problem);
                    }
                }
                leftBehind.addAll(new Leftovers(clients).find(deployed));
                // The emulator is thrown away after the drill: what it could not delete is reported, and does
                // not decide whether the recovery worked.
                leftBehind.addAll(0, teardownProblems);
                leftBehind.addAll(madeLeft);
                return new Outcome<>(null, (target.stacks().size() - teardownProblems.size()) + " of " + target.stacks().size()
                        + " stack(s) deleted" + (leftBehind.isEmpty() ? "" : "; left in the emulator: " + String.join("; ", leftBehind)),
                        List.of());
            });
        } catch (StepFailed e) {
            error = error == null ? e.getMessage() : error;
        }
        RtoComparison rto = compare(budget, failoverMillis, failbackMillis, failoverMillis > 0);
        boolean checksPassed = run.steps.stream().allMatch(s -> !"FAILED".equals(s.outcome()) || isRecoveredFailover(s, run.steps))
                && run.steps.stream().flatMap(s -> s.checks().stream()).allMatch(Check::passed);
        boolean passed = error == null && checksPassed && !Boolean.FALSE.equals(rto.fits());
        return new StrategyDrill(target.name(), resolved == null ? null : resolved.plan().application(),
                resolved == null ? budget.strategy() : resolved.plan().strategy().name(),
                resolved == null ? null : Disaster.primaryRegion(resolved.plan(), target),
                resolved == null ? null : resolved.plan().recoveryRegion(),
                target.stacks().stream().map(s -> s.stackName() + " (" + s.region() + ")").toList(),
                resolved == null ? null : resolved.source(), run.steps, rto, run.events,
                limitations(deployed, leftBehind, leftOut), passed, error);
    }

    private static List<Check> concat(List<Check> a, List<Check> b) {
        List<Check> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A failover (or restore) run that failed under an injected fault and was then run again to success is the drill working. */
    private static boolean isRecoveredFailover(StepRecord failed, List<StepRecord> steps) {
        return (failed.name().equals(Action.FAILOVER.id()) || failed.name().equals(Action.RESTORE.id())) && steps.stream()
                .anyMatch(s -> s.name().equals(failed.name() + " (run again)") && "OK".equals(s.outcome()));
    }

    private AwsClients engineClients(RecoveryPlan plan, FailoverRole role) {
        // The engine builds its clients as the Lambda does (same retries, timeouts, call log); only
        // the endpoint and the credentials (a session of the deployed failover role) are the drill's.
        return AwsClients.builder().region(Region.of(plan.recoveryRegion()))
                .endpoint(proxy.endpoint()).credentials(role == null ? clients.credentials() : role.session()).build();
    }

    /**
     * The engine runs as the deployed failover role, with the emulator enforcing IAM, when the emulator is moto and
     * the proxy passes signed Host headers on; otherwise it runs with the drill's credentials and the report says so.
     */
    private FailoverRole assumeFailoverRole(Run run, ResolvedPlan resolved) {
        if (!emulatorIsMoto || !proxy.forwardsHost()) {
            run.events.add("IAM not enforced: " + (!emulatorIsMoto ? "the emulator is not moto_server"
                    : "this JVM does not let the proxy pass the signed Host on (set -Djdk.httpclient.allowRestrictedHeaders=host)")
                    + "; the engine ran with the drill's credentials");
            return null;
        }
        return run.step("assume failover role", "drill", () -> {
            FailoverRole role = FailoverRole.assume(clients, resolved, proxy.upstream());
            return new Outcome<>(role, role.roleArn() + " (" + role.granted().size() + " action(s)); the engine runs as it with IAM "
                    + "enforced", List.of());
        });
    }

    private RtoComparison compare(RtoBudget budget, long failoverMillis, long failbackMillis, boolean measured) {
        List<BudgetTerm> physical = budget.terms().stream().filter(RtoBudget.Term::physical)
                .map(t -> new BudgetTerm(t.name(), t.duration().toMillis(), t.basis(), t.prop(), "budget")).toList();
        List<BudgetTerm> orchestration = budget.terms().stream().filter(t -> !t.physical())
                .map(t -> new BudgetTerm(t.name(), t.duration().toMillis(), t.basis(), t.prop(), "budget")).toList();
        Duration allowance = budget.orchestrationAllowance();
        long projected = budget.physical().toMillis() + failoverMillis;
        Boolean fits = !measured || allowance == null ? null : failoverMillis <= allowance.toMillis();
        Boolean withinObjective = !measured || budget.objective() == null ? null : projected <= budget.objective().toMillis();
        String verdict;
        if (!measured) {
            verdict = "not measured: the drill did not complete a failover";
        } else if (fits == null) {
            verdict = "unbudgeted: " + budget.allowanceBasis() + "; measured orchestration " + Durations.millis(failoverMillis);
        } else if (fits) {
            verdict = "orchestration " + Durations.millis(failoverMillis) + " fits the allowance " + Durations.format(allowance)
                    + " (" + budget.allowanceBasis() + ")";
        } else {
            verdict = "orchestration " + Durations.millis(failoverMillis) + " exceeds the allowance " + Durations.format(allowance)
                    + " (" + budget.allowanceBasis() + ")";
        }
        return new RtoComparison(budget.source(), failoverMillis, failbackMillis, physical, orchestration,
                budget.hasEstimate() ? budget.estimate().toMillis() : null,
                budget.objective() == null ? null : budget.objective().toMillis(),
                allowance == null ? null : allowance.toMillis(), budget.allowanceBasis(), projected, fits, withinObjective, verdict);
    }

    private Limitations limitations(List<DeployedStack> deployed, List<String> leftBehind, List<String> leftOut) {
        Map<String, List<String>> notRepresented = new TreeMap<>();
        List<String> adaptations = new ArrayList<>();
        for (DeployedStack d : deployed) {
            if (!d.notRepresented().isEmpty()) {
                notRepresented.put(d.stack().stackName(), d.notRepresented());
            }
            d.adaptations().forEach(a -> adaptations.add(d.stack().stackName() + ": " + a));
        }
        List<String> notes = new ArrayList<>();
        if (emulatorIsMoto) {
            notes.add("instances are running and Auto Scaling instances InService the moment they are asked for, and registered "
                    + "targets are healthy at once: instance boot and target health come from the budget, not the drill");
            notes.add("Route 53 changes are INSYNC at once and GetHealthCheckStatus returns a fixed answer: failure detection and "
                    + "DNS propagation come from the budget; the primary's health checks are failed by inverting them, which "
                    + "the emulator records but does not evaluate");
            notes.add("the failover function is not invoked in the emulator (invoking Lambda needs Docker): the drill runs the "
                    + "same engine class the function's handler runs, in this process, against the same plan");
            notes.add("PromoteReadReplica leaves the replica's source in DescribeDBInstances: a promotion is verified from "
                    + "the successful PromoteReadReplica call, not from the database's state");
            notes.add("CloudWatch alarms are not created from templates and health checks are not evaluated: a site switch is "
                    + "verified on the metric value the emulator holds after failover and after failback; the switch alarm and "
                    + "the health check that turn the value into a Route 53 answer come from the budget");
            notes.add("StartInstanceRefresh is not implemented: a vertical scale-up is verified on the launch template, not on "
                    + "replaced instances");
        }
        notes.addAll(leftOut);
        return new Limitations(notRepresented, adaptations, notes, leftBehind);
    }

    /** What a drill step returns: a value for the next steps, a line for the report, and its checks. */
    record Outcome<T>(T value, String detail, List<Check> checks) {
    }

    /** A step that failed; the drill stops and tears down. */
    static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message);
        }
    }

    /** The steps of one strategy's drill as they are recorded. */
    private final class Run {
        final String target;
        final Instant started = Instant.now();
        final List<StepRecord> steps = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        /** The deployed failover role the engine runs as; null when the emulator cannot enforce IAM. */
        FailoverRole role;
        RecoveryPlan plan;

        Run(String target) {
            this.target = target;
        }

        <T> T step(String name, String kind, Supplier<Outcome<T>> work) {
            Instant start = Instant.now();
            int mark = proxy.mark();
            Outcome<T> outcome;
            try {
                outcome = work.get();
            } catch (DrillException | AwsServiceException | io.github.drkit.plan.InvalidInputException e) {
                record(name, kind, start, mark, "FAILED", e.getMessage(), List.of(), null);
                throw new StepFailed("'" + name + "' failed: " + e.getMessage());
            } catch (RuntimeException e) {
                record(name, kind, start, mark, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), List.of(), null);
                throw new StepFailed("'" + name + "' failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            boolean ok = outcome.checks().stream().allMatch(Check::passed);
            record(name, kind, start, mark, ok ? "OK" : "FAILED", outcome.detail(), outcome.checks(), null);
            if (ok) {
                if (outcome.value() instanceof ResolvedPlan resolved) {
                    plan = resolved.plan();
                }
                listener.afterStep(target, name, plan);
            }
            if (!ok) {
                throw new StepFailed("'" + name + "' found " + outcome.checks().stream().filter(c -> !c.passed()).count()
                        + " failed check(s): " + outcome.checks().stream().filter(c -> !c.passed()).map(Check::toString).toList());
            }
            return outcome.value();
        }

        /**
         * Runs evaluate as the failover role, IAM enforced; its verdict, leaving out the findings the emulator explains
         * (a switch alarm it skipped at deploy), must be one of {@code expected}.
         */
        ReadinessReport evaluateStep(String name, ReadinessEvaluator evaluator, RecoveryPlan plan, List<Verdict> expected,
                                     List<DeployedStack> deployed) {
            Instant start = Instant.now();
            int mark = proxy.mark();
            ReadinessReport report;
            try {
                Supplier<ReadinessReport> evaluate = () -> evaluator.evaluate(plan, Objectives.none(), Duration.ofMinutes(2));
                report = role == null ? evaluate.get() : role.iam().enforcing(evaluate);
            } catch (RuntimeException e) {
                record(name, "readiness", start, mark, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), List.of(), null);
                throw new StepFailed("'" + name + "' failed: " + e.getMessage());
            }
            List<Finding> counted = new ArrayList<>();
            for (Finding finding : report.findings()) {
                String alarm = SkippedAlarms.explaining(finding, plan, deployed);
                if (alarm == null) {
                    counted.add(finding);
                } else {
                    events.add(name + ": " + finding.severity() + " " + finding.path() + " left out: the emulator skipped the switch"
                            + " alarm " + alarm + " the template declares (" + finding.problem() + ")");
                }
            }
            Verdict found = Verdict.of(counted);
            List<String> findings = counted.stream().filter(f -> f.severity() != Severity.INFO)
                    .map(f -> f.severity() + " " + f.path() + ": " + f.problem()).toList();
            Check verdict = new Check("evaluate verdict", expected.size() == 1 ? expected.get(0).name() : "one of " + expected,
                    found + (findings.isEmpty() ? "" : " " + findings), expected.contains(found));
            List<Check> checks = List.of(verdict);
            record(name, "readiness", start, mark, verdict.passed() ? "OK" : "FAILED", report.verdict() + ": " + report.message()
                    + " (" + report.calls() + " calls)", checks, ReportJson.toMap(report));
            if (!verdict.passed()) {
                throw new StepFailed("'" + name + "' found " + verdict);
            }
            listener.afterStep(target, name, plan);
            return report;
        }

        /**
         * Runs the engine for a run that must stop by design; the step passes when it ended FAILED and every check
         * {@code expected} makes of its report passes.
         */
        Report refusedEngineStep(String name, RecoveryEngine engine, RecoveryPlan plan, Action action,
                                 java.util.function.Function<Report, List<Check>> expected) {
            Instant start = Instant.now();
            int mark = proxy.mark();
            Report report;
            try {
                report = role == null ? engine.run(plan, new RecoveryRequest(action, false, false))
                        : role.run(() -> engine.run(plan, new RecoveryRequest(action, false, false)));
            } catch (RuntimeException e) {
                record(name, "orchestration", start, mark, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), List.of(), null);
                throw new StepFailed("'" + name + "' failed: " + e.getMessage());
            }
            List<Check> checks = new ArrayList<>(role == null ? List.of() : role.deniedCalls(report));
            checks.addAll(expected.apply(report));
            boolean ok = checks.stream().allMatch(Check::passed);
            record(name, "orchestration", start, mark, ok ? "OK" : "FAILED", report.outcome() + " (expected): " + report.message(), checks,
                    ReportJson.toMap(report));
            if (!ok) {
                throw new StepFailed("'" + name + "' found " + checks.stream().filter(c -> !c.passed()).map(Check::toString).toList());
            }
            listener.afterStep(target, name, plan);
            return report;
        }

        /**
         * Runs the engine. A FAILED run is recorded and returned when {@code mayFail} (the drill then checks
         * consistency and runs it again), and stops the drill otherwise.
         */
        Report engineStep(String name, RecoveryEngine engine, RecoveryPlan plan, Action action, boolean mayFail) {
            Instant start = Instant.now();
            int mark = proxy.mark();
            Report report;
            try {
                report = role == null ? engine.run(plan, new RecoveryRequest(action, false, false))
                        : role.run(() -> engine.run(plan, new RecoveryRequest(action, false, false)));
            } catch (RuntimeException e) {
                record(name, "orchestration", start, mark, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), List.of(), null);
                throw new StepFailed("'" + name + "' failed: " + e.getMessage());
            }
            List<Check> permissions = role == null ? List.of() : role.deniedCalls(report);
            boolean ok = (report.outcome() == Report.RunOutcome.SUCCEEDED || report.outcome() == Report.RunOutcome.ALREADY_DONE)
                    && permissions.stream().allMatch(Check::passed);
            record(name, "orchestration", start, mark, ok ? "OK" : "FAILED", report.outcome() + ": " + report.message(), permissions,
                    ReportJson.toMap(report));
            if (!ok && !mayFail) {
                List<Check> denied = permissions.stream().filter(c -> !c.passed()).toList();
                throw new StepFailed("'" + name + "' ended " + report.outcome() + ": " + report.message()
                        + (denied.isEmpty() ? "" : "; " + denied));
            }
            listener.afterStep(target, name, plan);
            return report;
        }

        private void record(String name, String kind, Instant start, int mark, String outcome, String detail, List<Check> checks,
                            Map<String, Object> engineReport) {
            Instant end = Instant.now();
            List<ApiCall> calls = proxy.callsSince(mark);
            Map<String, Integer> byOperation = new LinkedHashMap<>();
            calls.forEach(c -> byOperation.merge(c.operation(), 1, Integer::sum));
            List<String> injected = calls.stream().filter(c -> c.injected() != null)
                    .map(c -> c.operation() + " (" + c.region() + ") answered " + c.status() + " " + c.injected()).toList();
            if (!injected.isEmpty()) {
                events.add(name + ": " + injected.size() + " call(s) answered by an injected fault: " + injected);
            }
            steps.add(new StepRecord(name, kind, Duration.between(started, start).toMillis(), Duration.between(start, end).toMillis(),
                    outcome, detail, checks, byOperation, injected, engineReport));
        }
    }
}
