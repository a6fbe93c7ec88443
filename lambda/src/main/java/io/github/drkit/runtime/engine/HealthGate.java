package io.github.drkit.runtime.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.RecoveryPlan;

/**
 * Failover's gate before traffic moves: every fleet has {@code minHealthy} InService instances and healthy
 * targets in each of its target groups, every instance runs, every database is promoted and available.
 * Polls until then, bounded by the gate step's {@code timeoutSeconds} (a version 1 plan's {@code healthTimeoutSeconds}).
 */
final class HealthGate {
    private final Inspector inspector;
    private final Parallel parallel;
    private final Duration pollInterval;
    private final Progress progress;

    HealthGate(Inspector inspector, Parallel parallel, Duration pollInterval, Progress progress) {
        this.inspector = inspector;
        this.parallel = parallel;
        this.pollInterval = pollInterval;
        this.progress = progress;
    }

    Step step(RecoveryPlan plan, int timeoutSeconds, boolean force) {
        List<String> waitsFor = new ArrayList<>();
        plan.databases().forEach(d -> waitsFor.add(d.path() + " " + d.dbInstanceIdentifier() + " promoted and available"));
        plan.instances().forEach(i -> waitsFor.add(i.path() + " " + i.instanceIds().size() + " instance(s) running"));
        plan.fleets().forEach(f -> waitsFor.add(f.path() + " " + f.autoScalingGroupName() + " " + f.minHealthy() + " InService"
                + (f.targetGroupArns().isEmpty() ? "" : " and healthy in " + f.targetGroupArns().size() + " target group(s)")));
        String name = "wait for health (up to " + timeoutSeconds + " s)";
        return Step.gate(name, "health", waitsFor, () -> await(plan, timeoutSeconds, force, name, waitsFor.size()));
    }

    private Step.Result await(RecoveryPlan plan, int timeoutSeconds, boolean force, String name, int items) {
        // The run's deadline, when it comes first, ends the wait as well.
        Deadline runDeadline = Deadline.current();
        long started = System.nanoTime();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        boolean cutByRun = runDeadline.remaining().compareTo(timeout) < 0;
        long deadline = started + runDeadline.cap(timeout).toNanos();
        // Bounded in count as well as time, whatever the clock does.
        long maxRounds = Math.max(1, Duration.ofSeconds(timeoutSeconds).toMillis() / Math.max(1, pollInterval.toMillis()) + 1);
        List<String> unhealthy = List.of();
        for (long round = 0; round < maxRounds; round++) {
            unhealthy = unhealthy(plan);
            if (unhealthy.isEmpty()) {
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                return Step.Result.done("healthy after " + seconds + " s: " + describe(plan));
            }
            long left = Math.max(0, deadline - System.nanoTime());
            progress.event(new Progress.Event(Progress.Kind.WAIT, name, "waiting for " + unhealthy.size() + " of " + items
                    + " not healthy yet: " + Cut.value(String.join("; ", unhealthy)) + "; " + Duration.ofNanos(left).toSeconds()
                    + " s left", runDeadline.remaining().toSeconds()));
            if (System.nanoTime() + pollInterval.toNanos() > deadline) {
                break;
            }
            Sleep.of(pollInterval);
        }
        if (cutByRun) {
            // Traffic cannot move after the deadline, force or not: the run stops here.
            return new Step.Result(StepReport.Outcome.FAILED, "the run's deadline of " + runDeadline.describe()
                    + " comes before health: still not healthy: " + String.join("; ", unhealthy));
        }
        String detail = "not healthy after " + timeoutSeconds + " s: " + String.join("; ", unhealthy);
        return force ? new Step.Result(StepReport.Outcome.FORCED, detail + "; moving traffic anyway (force)")
                : new Step.Result(StepReport.Outcome.FAILED, detail + "; traffic was not moved (use force to move it anyway)");
    }

    private static String describe(RecoveryPlan plan) {
        return plan.fleets().size() + " fleet(s), " + plan.instances().size() + " instance group(s), "
                + plan.databases().size() + " database(s)";
    }

    /** One round: what is not healthy yet, read all at once. */
    List<String> unhealthy(RecoveryPlan plan) {
        List<Callable<List<String>>> reads = new ArrayList<>();
        for (DatabasePlan db : plan.databases()) {
            reads.add(() -> {
                StateReport.DatabaseStatus status = Inspector.databaseStatus(db, inspector.readDatabase(db));
                return status.promoted() && "available".equals(status.status()) ? List.of()
                        : List.of(db.path() + " " + db.dbInstanceIdentifier() + " is " + status.status()
                                  + (status.promoted() ? "" : ", still a replica of " + status.replicaSource()));
            });
        }
        for (InstancePlan group : plan.instances()) {
            reads.add(() -> {
                Map<String, String> states = inspector.readInstances(group);
                List<String> notRunning = states.entrySet().stream().filter(e -> !"running".equals(e.getValue()))
                        .map(e -> e.getKey() + " " + e.getValue()).toList();
                return notRunning.isEmpty() ? List.of() : List.of(group.path() + " " + String.join(", ", notRunning));
            });
        }
        if (!plan.fleets().isEmpty()) {
            reads.add(() -> {
                List<String> result = new ArrayList<>();
                Map<String, LiveState.FleetLive> fleets = inspector.readFleetsOnly(plan.fleets());
                for (FleetPlan fleet : plan.fleets()) {
                    LiveState.FleetLive live = fleets.get(fleet.path());
                    if (!live.healthy()) {
                        StringBuilder line = new StringBuilder(fleet.path() + " " + fleet.autoScalingGroupName() + ": "
                                + Inspector.inService(live.group()) + " of " + fleet.minHealthy() + " InService");
                        live.targetHealth().forEach((arn, counts) -> line.append(", ").append(counts[0]).append(" healthy in ")
                                .append(arn.substring(arn.indexOf("targetgroup/"))));
                        result.add(line.toString());
                    }
                }
                return result;
            });
        }
        List<String> unhealthy = new ArrayList<>();
        parallel.all(reads).forEach(unhealthy::addAll);
        return unhealthy;
    }
}
