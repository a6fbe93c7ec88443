package io.github.drkit.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import io.github.drkit.runtime.aws.AwsCall;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.plan.HealthGatePlan;
import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Stage;

/**
 * Carries out status, failover and failback for one plan. The handler and the CLI are thin adapters over it.
 *
 * <p>Every run reads the live state of every resource first (the preflight: an unknown resource fails the
 * run with {@link InvalidInputException} before any mutating call), computes the exact changes from it, and
 * then, unless the request is a dry run, makes them phase by phase: on failover the plan's stages in order, on
 * failback the steps in the order their kinds rank them. Each step kind has its {@link StepExecutor}. Steps within
 * a phase are independent and run at once; a failed step stops the run after its phase, and the report says what
 * was done and what was not. Each step reads before it acts, so a second run is a no-op and two concurrent runs end in one state.
 */
public final class RecoveryEngine implements AutoCloseable {
    private final AwsClients aws;
    private final StepClients clients;
    private final Parallel parallel;
    private final Inspector inspector;
    private final DatabaseSteps databases;
    private final ComputeSteps compute;
    private final DnsSteps dns;
    private final HealthGate health;
    private final Notifier notifier;
    private final Progress progress;
    private final Duration pollInterval;

    private RecoveryEngine(Builder builder) {
        this.aws = Objects.requireNonNull(builder.aws, "aws");
        this.clients = new StepClients(aws);
        this.parallel = new Parallel(builder.maxConcurrency);
        this.inspector = new Inspector(clients, parallel);
        this.databases = new DatabaseSteps(clients, inspector);
        this.compute = new ComputeSteps(clients);
        this.progress = builder.progress;
        this.pollInterval = builder.pollInterval;
        this.dns = new DnsSteps(clients, builder.dnsSyncTimeout, builder.pollInterval, progress, inspector, builder.siteSwitchTimeout);
        this.health = new HealthGate(inspector, parallel, builder.pollInterval, progress);
        this.notifier = new Notifier(aws);
    }

    public static Builder builder(AwsClients aws) {
        return new Builder(aws);
    }

    /**
     * Runs the request against the plan.
     *
     * @throws InvalidInputException when the plan names a resource that does not exist, or a change would
     *                               break a guardrail; no mutating call has been made
     */
    public Report run(RecoveryPlan plan, RecoveryRequest request) {
        if (request.action() == Action.EVALUATE) {
            throw new InvalidRequestException("action", "evaluate is run by ReadinessEvaluator, not by the recovery engine");
        }
        // A step in another account calls through its role's session, from the preflight read to the read after.
        clients.open(plan);
        try {
            return runWithSessions(plan, request);
        } finally {
            clients.close(plan);
        }
    }

    private Report runWithSessions(RecoveryPlan plan, RecoveryRequest request) {
        StepExecutors.requireAll(plan);
        if (plan.steps().stream().allMatch(HealthGatePlan.class::isInstance)) {
            // Otherwise every action on it "succeeds": "already failed over: no change made; state NORMAL".
            throw new InvalidRequestException("plan", "lists no step that changes anything (no databases, instances, fleets, dns, siteSwitches or other kind of step): it has nothing to "
                    + request.action().id() + "; check that the file is the plan the stacks wrote");
        }
        if (request.before() != null) {
            RecoveryRequest.notInTheFuture("before", request.before(), Instant.now());
        }
        request.checkApproval(plan, "approve");
        Run run = new Run(plan, request, Deadline.after(request.deadline()), progress);
        progress.event(new Progress.Event(Progress.Kind.RUN_START, null, request.action().id() + (request.dryRun() ? " (dry run)" : "")
                + " of " + plan.application() + (request.before() == null ? "" : " from recovery points at or before " + request.before())
                + ", deadline " + run.deadline.describe()
                + ", run " + run.runId, run.secondsLeft()));
        CallLog readLog = new CallLog(run.deadline);
        Instant readStart = Instant.now();
        LiveState before;
        run.started("read state");
        try {
            before = readLog.bind(() -> inspector.read(plan, request.action() != Action.STATUS, request.action(), request.before()));
        } catch (InvalidInputException e) {
            run.ended("read state", "refused: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            run.add(report("read state", "plan", readStart, StepReport.Outcome.FAILED, null, List.of(), readLog.calls(), message(e)));
            run.notDone.add("everything: the state could not be read, so no change was made");
            return run.finish(Report.RunOutcome.FAILED, request.action().id() + " failed before any change: " + message(e), null, null);
        }
        run.add(report("read state", "plan", readStart, StepReport.Outcome.DONE,
                "read " + readLog.calls().size() + " answer(s); every resource in the plan exists", List.of(), readLog.calls(), null));
        if (request.action() == Action.STATUS) {
            return run.finish(Report.RunOutcome.SUCCEEDED, "state: " + before.report().state(), before.report(), null);
        }
        // Every change is computed (and every guardrail checked) before the first one is made.
        Stage waiting = request.action().failsOver() && !request.dryRun() ? Approvals.waiting(plan, request.approve()) : null;
        List<List<Step>> phases = request.action().failsOver() ? failoverPhases(plan, before, run, waiting, false)
                : failbackPhases(plan, before, run);
        // The stages from the one that waits on are computed too, so the report lists what they would change.
        List<List<Step>> held = waiting == null ? List.of() : failoverPhases(plan, before, run, waiting, true);
        return execute(run, phases, held, waiting, before);
    }

    /** Failover: the plan's stages in order, the steps of one stage at once; before {@code until} or, with {@code from}, from it on. */
    private List<List<Step>> failoverPhases(RecoveryPlan plan, LiveState live, Run run, Stage until, boolean from) {
        Execution execution = execution(plan, live, run);
        List<List<Step>> phases = new ArrayList<>();
        boolean reached = false;
        for (Stage stage : plan.stages()) {
            reached |= stage == until;
            if (reached == from) {
                phases.add(stage.steps().stream().flatMap(step -> StepExecutors.failover(step, execution).stream()).toList());
            }
        }
        return nonEmpty(phases);
    }

    /** Failback: the primary Region's health first, then the steps in the order their kinds rank them (traffic, compute). */
    private List<List<Step>> failbackPhases(RecoveryPlan plan, LiveState live, Run run) {
        Execution execution = execution(plan, live, run);
        List<List<Step>> phases = new ArrayList<>();
        phases.add(List.of(dns.primaryHealth(plan, live, run.request.force())));
        for (List<PlanStep> group : plan.failbackOrder()) {
            phases.add(group.stream().flatMap(step -> StepExecutors.failback(step, execution).stream()).toList());
        }
        return nonEmpty(phases);
    }

    private Execution execution(RecoveryPlan plan, LiveState live, Run run) {
        return new Execution(plan, live, run.request.force(), clients, progress, pollInterval, databases, compute, dns, health)
                .request(run.runId, run.request.approve(), run.request.action());
    }

    private static List<List<Step>> nonEmpty(List<List<Step>> phases) {
        return phases.stream().filter(phase -> !phase.isEmpty()).toList();
    }

    /**
     * Runs the phases; {@code held} are the phases of the stage {@code waiting} waits for approval and of the stages after
     * it, reported as not run.
     */
    private Report execute(Run run, List<List<Step>> phases, List<List<Step>> held, Stage waiting, LiveState before) {
        Action action = run.request.action();
        boolean stopped = false;
        String stopReason = null;
        int changed = 0;
        int planned = 0;
        int byOthers = 0;
        for (List<Step> phase : phases) {
            if (!stopped && run.deadline.expired()) {
                stopped = true;
                stopReason = "the deadline of " + run.deadline.describe() + " was reached";
            }
            if (stopped) {
                for (Step step : phase) {
                    run.steps.add(report(step.name(), step.resource(), Instant.now(), StepReport.Outcome.NOT_RUN,
                            "not run: " + stopReason, step.changes(), List.of(), null));
                    if (!step.gate()) {
                        run.notDone.add(step.name() + (step.changes().isEmpty() ? "" : ": " + String.join("; ", step.changes())));
                    }
                }
                continue;
            }
            List<Callable<StepReport>> tasks = phase.stream().map(step -> (Callable<StepReport>) () -> runStep(run, step)).toList();
            List<StepReport> reports = parallel.all(tasks);
            run.steps.addAll(reports);
            for (StepReport report : reports) {
                if (report.outcome() == StepReport.Outcome.DONE && !report.changes().isEmpty() && !isGate(phase, report)) {
                    changed++;
                }
                if (Step.Result.isByAnotherRun(report)) {
                    byOthers++;
                }
                if (report.outcome() == StepReport.Outcome.PLANNED && !isGate(phase, report)) {
                    planned += report.changes().size();
                }
                if (report.outcome() == StepReport.Outcome.FAILED && !isGate(phase, report)) {
                    // A failed step may have applied part of what it asked for: say so, cut by the deadline or not.
                    boolean cut = report.error() != null && report.error().startsWith(DeadlineExceededException.class.getSimpleName());
                    run.notDone.add(report.name() + (cut ? " (cut by the deadline; check whether it was applied)"
                            : " (failed; check whether part of it was applied)")
                            + (report.changes().isEmpty() ? "" : ": " + String.join("; ", report.changes())));
                }
                if (report.outcome() == StepReport.Outcome.FAILED && !stopped) {
                    stopped = true;
                    stopReason = "'" + report.name() + "' failed" + (run.deadline.expired()
                            ? " at the deadline of " + run.deadline.describe() : "");
                }
            }
        }
        int waitingSteps = 0;
        for (List<Step> phase : held) {
            for (Step step : phase) {
                String why = stopped ? stopReason : Approvals.waitingFor(waiting);
                run.steps.add(report(step.name(), step.resource(), Instant.now(), StepReport.Outcome.NOT_RUN, "not run: " + why,
                        step.changes(), List.of(), null));
                if (!step.gate()) {
                    waitingSteps++;
                    run.notDone.add(step.name() + (step.changes().isEmpty() ? "" : ": " + String.join("; ", step.changes())));
                }
            }
        }
        if (run.request.dryRun()) {
            return run.finish(Report.RunOutcome.DRY_RUN, "dry run of " + action.id() + ": " + planned
                    + " change(s) would be made, none made; state now " + before.report().state()
                    + (action.failsOver() ? Approvals.inDryRun(run.plan, run.request.approve()) : ""), before.report(), null);
        }
        LiveState after = readAfter(run);
        StateReport afterReport = after == null ? null : after.report();
        if (afterReport != null) {
            run.leftForOperator.addAll(ComputeSteps.leftForOperator(run.plan, afterReport, action.failsOver() ? Action.FAILOVER : action));
            if (action == Action.FAILBACK) {
                run.leftForOperator.addAll(DatabaseSteps.leftForOperator(run.plan, afterReport));
                run.leftForOperator.addAll(StepExecutors.leftForOperator(run.plan, afterReport));
            } else if (action.failsOver()) {
                run.leftForOperator.addAll(StepExecutors.leftAfterFailover(run.plan, afterReport));
            }
        }
        String state = afterReport == null ? "unknown" : afterReport.state().name();
        Report report;
        if (!stopped && waiting != null) {
            report = run.finish(Report.RunOutcome.WAITING_FOR_APPROVAL, Approvals.message(waiting, run.request, run.runId, changed, waitingSteps) + "; state " + state,
                    before.report(), afterReport);
        } else if (stopped) {
            report = run.finish(Report.RunOutcome.FAILED, action.id() + " stopped: " + stopReason + "; " + changed
                    + " step(s) made changes before it, " + run.notDone.size() + " step(s) not done; state " + state, before.report(), afterReport);
        } else if (changed == 0) {
            report = run.finish(Report.RunOutcome.ALREADY_DONE, (action == Action.RESTORE ? "already restored" : action == Action.FAILOVER ? "already failed over" : "already failed back")
                    + (byOthers == 0 ? "" : " by another run") + ": no change made" + byOthers(byOthers) + "; state " + state,
                    before.report(), afterReport);
        } else {
            report = run.finish(Report.RunOutcome.SUCCEEDED, (action == Action.RESTORE ? "restored in " + run.plan.recoveryRegion()
                    : action == Action.FAILOVER ? "failed over to " + run.plan.recoveryRegion() : "failed back") + ": " + changed + " step(s) made changes" + byOthers(byOthers) + "; state " + state,
                    before.report(), afterReport);
        }
        return notifier.publish(run.plan, report);
    }

    private static String byOthers(int steps) {
        return steps == 0 ? "" : "; " + steps + " step(s) found their change made by another run while this one ran";
    }

    private static boolean isGate(List<Step> phase, StepReport report) {
        return phase.stream().anyMatch(s -> s.gate() && s.name().equals(report.name()));
    }

    private LiveState readAfter(Run run) {
        CallLog log = new CallLog(run.deadline);
        Instant start = Instant.now();
        if (run.deadline.expired()) {
            run.add(report("read state after", "plan", start, StepReport.Outcome.NOT_RUN, "not run: the deadline of "
                    + run.deadline.describe() + " was reached; run status to read the state", List.of(), List.of(), null));
            return null;
        }
        run.started("read state after");
        try {
            LiveState after = log.bind(() -> inspector.read(run.plan, false, run.request.action(), run.request.before()));
            run.add(report("read state after", "plan", start, StepReport.Outcome.DONE, "state " + after.report().state(),
                    List.of(), log.calls(), null));
            return after;
        } catch (RuntimeException e) {
            run.add(report("read state after", "plan", start, StepReport.Outcome.FAILED, null, List.of(), log.calls(), message(e)));
            return null;
        }
    }

    private StepReport runStep(Run run, Step step) {
        StepReport report = runStep(step, run.request.dryRun(), run.deadline, run);
        run.ended(report);
        return report;
    }

    private StepReport runStep(Step step, boolean dryRun, Deadline deadline, Run run) {
        Instant start = Instant.now();
        if (!step.gate() && step.changes().isEmpty()) {
            return report(step.name(), step.resource(), start, StepReport.Outcome.NO_CHANGE, step.noChangeDetail(), List.of(), List.of(), null);
        }
        if (dryRun) {
            return report(step.name(), step.resource(), start, StepReport.Outcome.PLANNED,
                    step.gate() ? "would wait for every item listed" : "would make the changes listed", step.changes(), List.of(), null);
        }
        CallLog log = new CallLog(deadline);
        run.started(step.name());
        try {
            Step.Result result = log.bind(step.apply());
            return report(step.name(), step.resource(), start, result.outcome(), result.detail(), step.changes(), log.calls(),
                    result.outcome() == StepReport.Outcome.FAILED ? result.detail() : null);
        } catch (RuntimeException e) {
            return report(step.name(), step.resource(), start, StepReport.Outcome.FAILED, null, step.changes(), log.calls(), message(e));
        }
    }

    static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null && e.getStackTrace().length > 0) {
            // An exception without a message (a bug, not an AWS answer): say where it came from.
            message = "at " + e.getStackTrace()[0];
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static StepReport report(String name, String resource, Instant start, StepReport.Outcome outcome, String detail,
                                     List<String> changes, List<AwsCall> calls, String error) {
        Instant end = Instant.now();
        return new StepReport(name, resource, start.toString(), end.toString(), Duration.between(start, end).toMillis(),
                outcome, detail, changes, calls, error);
    }

    @Override
    public void close() {
        parallel.close();
    }

    /** The state of one run while it is being built. */
    private static final class Run {
        final RecoveryPlan plan;
        final RecoveryRequest request;
        final Instant started = Instant.now();
        final List<StepReport> steps = new ArrayList<>();
        final List<String> notDone = new ArrayList<>();
        final List<String> leftForOperator = new ArrayList<>();
        final Deadline deadline;
        final Progress progress;
        final String runId;

        Run(RecoveryPlan plan, RecoveryRequest request, Deadline deadline, Progress progress) {
            this.plan = plan;
            this.request = request;
            this.runId = request.runId() != null ? request.runId() : java.util.UUID.randomUUID().toString();
            this.deadline = deadline;
            this.progress = progress;
        }

        long secondsLeft() {
            return deadline.remaining().toSeconds();
        }

        void started(String step) {
            progress.event(new Progress.Event(Progress.Kind.STEP_START, step, null, secondsLeft()));
        }

        void ended(String step, String message) {
            progress.event(new Progress.Event(Progress.Kind.STEP_END, step, message, secondsLeft()));
        }

        void ended(StepReport report) {
            String why = report.error() != null ? report.error() : report.detail();
            ended(report.name(), report.outcome() + " in " + report.millis() + " ms" + (why == null ? "" : ": " + why));
        }

        /** Records a step the run made itself (the reads), and says it ended. */
        void add(StepReport report) {
            steps.add(report);
            ended(report);
        }

        Report finish(Report.RunOutcome outcome, String message, StateReport before, StateReport after) {
            progress.event(new Progress.Event(Progress.Kind.RUN_END, null, outcome + " (run " + runId + "): " + message, secondsLeft()));
            Instant ended = Instant.now();
            return new Report(request.action().id(), runId, plan.application(), plan.strategy().name(), plan.recoveryRegion(),
                    request.dryRun(), request.force(), outcome, message, started.toString(), ended.toString(),
                    Duration.between(started, ended).toMillis(), before, after, steps, notDone, leftForOperator);
        }
    }

    /** Builds a {@link RecoveryEngine}; only the clients are required. */
    public static final class Builder {
        private final AwsClients aws;
        private Duration pollInterval = Duration.ofSeconds(5);
        private Duration dnsSyncTimeout = Duration.ofSeconds(120);
        private Duration siteSwitchTimeout = Duration.ofSeconds(300);
        private int maxConcurrency = 64;
        private Progress progress = Progress.none();

        private Builder(AwsClients aws) {
            this.aws = aws;
        }

        /** @default 5 s between health and Route 53 change polls */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Objects.requireNonNull(pollInterval);
            return this;
        }

        /** @default 120 s to wait for a Route 53 change to be INSYNC before reporting it as pending */
        public Builder dnsSyncTimeout(Duration dnsSyncTimeout) {
            this.dnsSyncTimeout = Objects.requireNonNull(dnsSyncTimeout);
            return this;
        }

        /**
         * Where each step's start and end, and each round of a wait, are reported as they happen.
         *
         * @default none
         */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /**
         * How long a site switch keeps publishing its value until the alarms on its metric follow. A 60 s alarm that
         * saw the opposite value in the same minute follows after the next full minute and its evaluation: about 2 minutes.
         *
         * @default 300 s
         */
        public Builder siteSwitchTimeout(Duration siteSwitchTimeout) {
            this.siteSwitchTimeout = Objects.requireNonNull(siteSwitchTimeout);
            return this;
        }

        /** @default 64 calls at once */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1 (got " + maxConcurrency + ")");
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public RecoveryEngine build() {
            return new RecoveryEngine(this);
        }
    }
}
