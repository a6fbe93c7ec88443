package io.github.drkit.runtime.steps.aurora;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.plan.FailoverGlobalDatabaseKind;
import io.github.drkit.plan.GlobalDatabasePlan;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.runtime.aws.api.DbCluster;
import io.github.drkit.runtime.aws.api.GlobalCluster;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;
import io.github.drkit.runtime.engine.StepReport;

/**
 * Makes an Aurora global database's secondary cluster the writer. In the order an on-call engineer would try them: a
 * planned switchover (no data lost) when the primary Region answers; otherwise, or when AWS refuses the switchover, the
 * managed failover with data loss allowed; when AWS refuses that too, detaching the secondary from the global database,
 * which leaves it a standalone cluster that takes writes. The replication lag read just before promotion is reported
 * as the RPO achieved. Failback switches the writer back when both clusters are in the global database again, and
 * otherwise stops and says what a person must do; it never deletes anything.
 */
public final class FailoverGlobalDatabaseExecutor implements StepExecutor<GlobalDatabasePlan> {

    @Override
    public String kind() {
        return FailoverGlobalDatabaseKind.NAME;
    }

    @Override
    public Class<GlobalDatabasePlan> type() {
        return GlobalDatabasePlan.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<GlobalDatabasePlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (GlobalDatabasePlan step : steps) {
            reads.add(() -> {
                GlobalDatabaseState state = read(inspection.aws(step), step);
                return new StepLive(status(step, state), state);
            });
        }
        List<StepLive> answers = inspection.all(reads);
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    /** Reads the secondary, its global database and the lag into it; a resource the plan names that does not exist is bad input. */
    static GlobalDatabaseState read(AwsClients aws, GlobalDatabasePlan step) {
        DbCluster cluster;
        try {
            cluster = aws.rds().cluster(step.region(), step.dbClusterIdentifier());
        } catch (AwsServiceError e) {
            if (e.is("DBClusterNotFoundFault")) {
                throw new PlanValidationException(step.path() + ".dbClusterIdentifier", "Aurora DB cluster '" + step.dbClusterIdentifier()
                        + "' not found in " + step.region());
            }
            throw e;
        }
        GlobalCluster global = aws.rds().globalCluster(step.region(), step.globalClusterIdentifier())
                .orElseThrow(() -> new PlanValidationException(step.path() + ".globalClusterIdentifier", "Aurora global cluster '"
                        + step.globalClusterIdentifier() + "' not found (DescribeGlobalClusters in " + step.region() + ")"));
        return new GlobalDatabaseState(global, cluster, ReplicationLag.read(aws, step.region(), cluster.identifier()));
    }

    private static StateReport.StepStatus status(GlobalDatabasePlan step, GlobalDatabaseState state) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("globalCluster", state.global().identifier());
        details.put("role", state.role().name());
        details.put("globalClusterStatus", state.global().status());
        state.global().writer().ifPresent(w -> details.put("writer", w.dbClusterArn()));
        if (state.global().failoverState() != null) {
            details.put("failoverState", state.global().failoverState().status());
        }
        if (state.lag().millis() != null) {
            details.put("replicationLagMs", state.lag().millis());
        }
        details.put("dbInstances", state.cluster().instances());
        if (state.cluster().engine() != null) {
            details.put("engine", state.cluster().engine());
        }
        return new StateReport.StepStatus(step.path(), FailoverGlobalDatabaseKind.NAME, step.region(), state.cluster().identifier(),
                state.cluster().status(), details, state.position());
    }

    @Override
    public List<Step> failover(GlobalDatabasePlan step, Execution execution) {
        GlobalDatabaseState state = execution.state(step, GlobalDatabaseState.class);
        String name = "make " + state.cluster().identifier() + " the writer of " + step.globalClusterIdentifier();
        List<String> changes = switch (state.role()) {
            case SECONDARY -> List.of("promote " + state.cluster().arn() + " in " + step.region() + ": planned switchover when the primary"
                    + " Region answers, else managed failover with data loss allowed, else detach it from " + step.globalClusterIdentifier());
            case WRITER, DETACHED -> List.of();
        };
        return List.of(Step.change(name, step.path(), changes, () -> new Promotion(step, execution).run(),
                state.role() == GlobalDatabaseState.Role.WRITER ? state.cluster().identifier() + " is already the writer"
                        : state.cluster().identifier() + " is already detached, a standalone writer"));
    }

    /**
     * A promoted cluster without DB instances (a headless secondary) holds the data but takes no connections: a person adds
     * the writer instance, the time the recovery estimate counts as "writer instance creation".
     */
    @Override
    public List<String> leftAfterFailover(GlobalDatabasePlan step, StateReport.StepStatus after) {
        Object role = after.details().get("role");
        boolean promoted = GlobalDatabaseState.Role.WRITER.name().equals(role) || GlobalDatabaseState.Role.DETACHED.name().equals(role);
        Object instances = after.details().get("dbInstances");
        if (!promoted || !(instances instanceof List<?> list) || !list.isEmpty()) {
            return List.of();
        }
        return List.of(headless(step.region(), after.resource(), (String) after.details().get("engine")));
    }

    /** What a promoted cluster without instances still needs, with the command that adds its writer. */
    static String headless(String region, String cluster, String engine) {
        return "Aurora cluster " + cluster + " in " + region + " is the writer but has no DB instance, so it takes no connections"
                + " until one is added: aws rds create-db-instance --region " + region + " --db-cluster-identifier " + cluster
                + " --db-instance-identifier " + cluster + "-writer --db-instance-class <the primary writer's class, e.g. db.r6g.large>"
                + " --engine " + (engine == null ? "<the cluster's engine>" : engine)
                + " (then wait until it is available: aws rds wait db-instance-available --region " + region
                + " --db-instance-identifier " + cluster + "-writer)";
    }

    @Override
    public List<Step> failback(GlobalDatabasePlan step, Execution execution) {
        GlobalDatabaseState state = execution.state(step, GlobalDatabaseState.class);
        String name = "switch the writer of " + step.globalClusterIdentifier() + " back";
        return switch (state.role()) {
            case SECONDARY -> List.of(Step.change(name, step.path(), List.of(), () -> Step.Result.noChange("not the writer"),
                    state.cluster().identifier() + " is a secondary again; the writer is "
                            + state.global().writer().map(GlobalCluster.Member::dbClusterArn).orElse("being chosen")));
            case DETACHED -> List.of(Step.gate(name, step.path(), List.of("a global database to switch back in"),
                    () -> Step.Result.failed(afterDetach(step, state))));
            case WRITER -> {
                Optional<String> target = failbackTarget(step, state);
                if (target.isEmpty()) {
                    yield List.of(Step.gate(name, step.path(), List.of("a secondary cluster in the primary Region"),
                            () -> Step.Result.failed(noSecondary(step, state))));
                }
                yield List.of(Step.change(name, step.path(), List.of("planned switchover of " + step.globalClusterIdentifier() + " to "
                        + target.get() + " (no data lost)"), () -> new Switchback(step, execution, target.get()).run(), null));
            }
        };
    }

    /**
     * The cluster failback makes the writer again, as the global database names it: the plan's primary when it is a member
     * ({@link GlobalCluster#sameCluster}, the rule evaluate uses too), else the only other member.
     */
    private static Optional<String> failbackTarget(GlobalDatabasePlan step, GlobalDatabaseState state) {
        List<String> others = state.global().members().stream().map(GlobalCluster.Member::dbClusterArn)
                .filter(arn -> !GlobalCluster.sameCluster(arn, state.cluster().arn())).toList();
        if (step.primaryDbClusterArn() != null) {
            return others.stream().filter(arn -> GlobalCluster.sameCluster(arn, step.primaryDbClusterArn())).findFirst();
        }
        return others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
    }

    private static String noSecondary(GlobalDatabasePlan step, GlobalDatabaseState state) {
        List<String> others = state.global().members().stream().map(GlobalCluster.Member::dbClusterArn)
                .filter(arn -> !GlobalCluster.sameCluster(arn, state.cluster().arn())).toList();
        String primary = step.primaryDbClusterArn() == null ? "a secondary cluster in the primary Region" : step.primaryDbClusterArn();
        if (step.primaryDbClusterArn() == null && others.size() > 1) {
            return "cannot fail back: global cluster " + step.globalClusterIdentifier() + " has several secondaries " + others
                    + "; name the one to switch back to as primaryDbClusterArn";
        }
        return "cannot fail back: " + primary + " is not a secondary of global cluster " + step.globalClusterIdentifier()
                + " (its members: " + state.global().members().stream().map(GlobalCluster.Member::dbClusterArn).toList() + "). After an"
                + " unplanned failover Aurora adds the old primary back as a secondary once its Region recovers; otherwise a person must"
                + " add a secondary cluster in the primary Region (CreateDBCluster with GlobalClusterIdentifier " + step.globalClusterIdentifier()
                + "), wait until it replicates, then run failback again. Traffic stays where the writer is.";
    }

    private static String afterDetach(GlobalDatabasePlan step, GlobalDatabaseState state) {
        return "cannot fail back: " + state.cluster().arn() + " was detached from global cluster " + step.globalClusterIdentifier()
                + " and is a standalone writer; AWS cannot attach it again. A person must: 1. create a global database from it"
                + " (CreateGlobalCluster with SourceDBClusterIdentifier " + state.cluster().arn() + "); 2. add a secondary cluster in the"
                + " primary Region to it (the old primary" + (step.primaryDbClusterArn() == null ? "" : " " + step.primaryDbClusterArn())
                + " cannot rejoin: take a snapshot of it and keep or delete it by hand); 3. wait until the secondary replicates; 4. point"
                + " the plan's globalClusterIdentifier at the new global database and run failback, which then switches the writer back"
                + " with no data lost. drkit deletes nothing. Traffic stays where the writer is.";
    }

    /** The failover of one step, from its re-read to the writer confirmed. */
    private static final class Promotion {
        private final GlobalDatabasePlan step;
        private final Execution execution;
        private final AwsClients aws;
        private final List<String> refused = new ArrayList<>();

        Promotion(GlobalDatabasePlan step, Execution execution) {
            this.step = step;
            this.execution = execution;
            this.aws = execution.aws(step);
        }

        Step.Result run() {
            GlobalDatabaseState now = read(aws, step);
            if (now.role() != GlobalDatabaseState.Role.SECONDARY) {
                return Step.Result.byAnotherRun(now.cluster().identifier() + " is " + (now.role() == GlobalDatabaseState.Role.WRITER
                        ? "the writer" : "detached, a standalone writer"));
            }
            String target = now.cluster().arn();
            GlobalCluster.FailoverState moving = now.global().failoverState();
            if (moving != null) {
                // Another run (or a person) already started moving the writer: wait for it rather than start a more
                // drastic operation on top of it.
                if (target.equals(moving.toDbClusterArn())) {
                    Step.Result waited = awaitWriter(target, moving.status() + " to " + target + " was already under way");
                    return waited.outcome() == StepReport.Outcome.DONE ? Step.Result.byAnotherRun(waited.detail()) : waited;
                }
                return Step.Result.failed("global cluster " + step.globalClusterIdentifier() + " is " + moving.status() + " to "
                        + moving.toDbClusterArn() + ", not to " + target + "; run again once it has finished");
            }
            // The lag at the moment of promotion is the RPO an unplanned promotion achieves.
            ReplicationLag lag = ReplicationLag.read(aws, step.region(), now.cluster().identifier());
            String primaryProblem = primaryProblem(now);
            if (primaryProblem == null) {
                try {
                    aws.rds().switchoverGlobalCluster(step.region(), step.globalClusterIdentifier(), target);
                    return awaitWriter(target, "planned switchover (no data lost: AWS waits for the secondary to catch up; replication lag"
                            + " before it " + (lag.millis() == null ? "unknown" : Math.round(lag.millis()) + " ms") + ")");
                } catch (AwsServiceError e) {
                    refuseOrThrow(e);
                    refused.add("SwitchoverGlobalCluster refused: " + e.getMessage());
                }
            } else {
                refused.add("no planned switchover: " + primaryProblem);
            }
            try {
                aws.rds().failoverGlobalCluster(step.region(), step.globalClusterIdentifier(), target, true);
                return awaitWriter(target, "managed failover with data loss allowed; " + lag.achieved(step.rpoSeconds()));
            } catch (AwsServiceError e) {
                refuseOrThrow(e);
                refused.add("FailoverGlobalCluster refused: " + e.getMessage());
            }
            try {
                aws.rds().removeFromGlobalCluster(step.region(), step.globalClusterIdentifier(), target);
            } catch (AwsServiceError e) {
                refused.add("RemoveFromGlobalCluster refused: " + e.getMessage());
                return Step.Result.failed("could not make " + target + " the writer: " + String.join("; ", refused));
            }
            return awaitDetached(target, "detached from " + step.globalClusterIdentifier() + ", now a standalone writer; "
                    + lag.achieved(step.rpoSeconds()));
        }

        /**
         * A role that may not call an operation is fixed by a person, not worked around: going on to the next, more
         * drastic operation would lose data a switchover would have kept.
         */
        private static void refuseOrThrow(AwsServiceError e) {
            if (e.statusCode() == 403 || e.is("AccessDenied", "AccessDeniedException", "UnauthorizedOperation")) {
                throw e;
            }
        }

        /** Null when the primary cluster answers as available; otherwise why a planned switchover cannot be tried. */
        private String primaryProblem(GlobalDatabaseState now) {
            Optional<String> writer = now.global().writer().map(GlobalCluster.Member::dbClusterArn);
            String primary = writer.orElse(step.primaryDbClusterArn());
            if (primary == null) {
                return "global cluster " + step.globalClusterIdentifier() + " reports no writer";
            }
            String region = primary.split(":")[3];
            try {
                DbCluster cluster = aws.rds().cluster(region, primary);
                return "available".equals(cluster.status()) ? null : "primary " + primary + " is " + cluster.status();
            } catch (DeadlineExceededException e) {
                throw e;
            } catch (RuntimeException e) {
                return "primary Region " + region + " does not answer (" + e.getMessage() + ")";
            }
        }

        private Step.Result awaitWriter(String target, String how) {
            String left = execution.await("failoverGlobalDatabase " + step.globalClusterIdentifier(), Duration.ofSeconds(step.timeoutSeconds()),
                    () -> {
                        GlobalCluster global = aws.rds().globalCluster(step.region(), step.globalClusterIdentifier()).orElse(null);
                        if (global == null) {
                            return "global cluster " + step.globalClusterIdentifier() + " to be described again";
                        }
                        boolean writer = global.member(target).map(GlobalCluster.Member::writer).orElse(false);
                        return writer && global.failoverState() == null ? null
                                : target + " to become the writer of " + step.globalClusterIdentifier() + " (global cluster " + global.status() + ")";
                    });
            return result(left, how);
        }

        private Step.Result awaitDetached(String target, String how) {
            String left = execution.await("failoverGlobalDatabase " + step.globalClusterIdentifier(), Duration.ofSeconds(step.timeoutSeconds()),
                    () -> {
                        boolean member = aws.rds().globalCluster(step.region(), step.globalClusterIdentifier())
                                .flatMap(g -> g.member(target)).isPresent();
                        String status = aws.rds().cluster(step.region(), target).status();
                        return !member && "available".equals(status) ? null
                                : target + " to leave " + step.globalClusterIdentifier() + " and be available (" + status + ")";
                    });
            return result(left, how);
        }

        private Step.Result result(String left, String how) {
            String tried = refused.isEmpty() ? "" : " [" + String.join("; ", refused) + "]";
            if (left != null) {
                return Step.Result.failed("started " + how + " but timed out waiting for " + left + tried);
            }
            DbCluster promoted = aws.rds().cluster(step.region(), step.dbClusterIdentifier());
            String writerInstance = promoted.instances().isEmpty() ? "; " + headless(step.region(), promoted.identifier(), promoted.engine()) : "";
            return Step.Result.done(how + tried + writerInstance);
        }
    }

    /** The failback of one step: a planned switchover to the old primary. */
    private record Switchback(GlobalDatabasePlan step, Execution execution, String target) {
        Step.Result run() {
            AwsClients aws = execution.aws(step);
            GlobalDatabaseState now = read(aws, step);
            if (now.global().member(target).map(GlobalCluster.Member::writer).orElse(false)) {
                return Step.Result.byAnotherRun(target + " is the writer of " + step.globalClusterIdentifier());
            }
            aws.rds().switchoverGlobalCluster(step.region(), step.globalClusterIdentifier(), target);
            String left = execution.await("failoverGlobalDatabase " + step.globalClusterIdentifier(), Duration.ofSeconds(step.timeoutSeconds()),
                    () -> {
                        GlobalCluster global = aws.rds().globalCluster(step.region(), step.globalClusterIdentifier()).orElse(null);
                        boolean writer = global != null && global.member(target).map(GlobalCluster.Member::writer).orElse(false);
                        return writer && global.failoverState() == null ? null : target + " to become the writer again";
                    });
            return left == null ? Step.Result.done("planned switchover: " + target + " is the writer again, no data lost")
                    : Step.Result.failed("started the switchover back but timed out waiting for " + left);
        }
    }
}
