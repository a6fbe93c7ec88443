package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.CheckGlobalTableKind;
import io.github.drkit.plan.FailoverGlobalDatabaseKind;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Stage;

/**
 * The global data steps of a plan ({@code failoverGlobalDatabase}, {@code checkGlobalTable}) that moto 5.2.1 cannot
 * serve, left out of the plan the drill runs, each with the reason the report gives. What moto lacks:
 * <ul>
 *   <li>its CloudFormation skips {@code AWS::RDS::GlobalCluster}, {@code AWS::RDS::DBCluster} and
 *       {@code AWS::DynamoDB::GlobalTable}: the deployed stacks hold none of them;</li>
 *   <li>it has no SwitchoverGlobalCluster or FailoverGlobalCluster (HTTP 500), and keeps every global cluster in its
 *       us-east-1 backend while RemoveFromGlobalCluster looks the member up only in the Region it is called in: a
 *       secondary outside us-east-1 is never detached, so the fallback would wait out its timeout;</li>
 *   <li>its DynamoDB keeps no replicas: DescribeTable lists none, so the replica gate can only stop.</li>
 * </ul>
 * The two kinds are run against moto where it can serve them in {@code GlobalDataScenarioTest} (a secondary in
 * us-east-1) and held to the AWS SDK at the wire level by the conformance suite.
 */
final class GlobalDataTier {
    static final String DATABASE_REASON = "moto 5.2.1 cannot promote an Aurora global database's secondary outside us-east-1"
            + " (no SwitchoverGlobalCluster or FailoverGlobalCluster; RemoveFromGlobalCluster finds only members of the Region called,"
            + " and keeps global clusters in us-east-1) and its CloudFormation creates no global cluster or DB cluster";
    static final String TABLE_REASON = "moto 5.2.1's DynamoDB keeps no global-table replicas (DescribeTable lists none) and its"
            + " CloudFormation creates no AWS::DynamoDB::GlobalTable: the replica gate could only stop";

    /** The plan the drill runs, and a line per step it left out. */
    record Drillable(RecoveryPlan plan, List<String> leftOut) {
        Drillable {
            leftOut = List.copyOf(leftOut);
        }
    }

    private GlobalDataTier() {
    }

    /** The plan without the global data steps when the emulator is moto; the plan unchanged otherwise. */
    static Drillable of(RecoveryPlan plan, boolean emulatorIsMoto) {
        if (!emulatorIsMoto) {
            return new Drillable(plan, List.of());
        }
        List<String> leftOut = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : plan.stages()) {
            List<PlanStep> kept = new ArrayList<>();
            Map<Integer, AssumeRole> roles = new TreeMap<>();
            for (int i = 0; i < stage.steps().size(); i++) {
                PlanStep step = stage.steps().get(i);
                String reason = reason(step);
                if (reason != null) {
                    leftOut.add(step.kind() + " " + step.path() + " (" + step.region() + ") left out of the drilled plan: " + reason);
                    continue;
                }
                if (stage.assumeRoles().containsKey(i)) {
                    roles.put(kept.size(), stage.assumeRoles().get(i));
                }
                kept.add(step);
            }
            if (!kept.isEmpty()) {
                stages.add(new Stage(stage.name(), kept, stage.path(), roles));
            }
        }
        if (leftOut.isEmpty()) {
            return new Drillable(plan, List.of());
        }
        return new Drillable(new RecoveryPlan(plan.version(), plan.application(), plan.strategy(), plan.primaryRegion(),
                plan.recoveryRegion(), stages, plan.notificationTopicArn(), plan.objectives()), leftOut);
    }

    private static String reason(PlanStep step) {
        return switch (step.kind()) {
            case FailoverGlobalDatabaseKind.NAME -> DATABASE_REASON;
            case CheckGlobalTableKind.NAME -> TABLE_REASON;
            default -> null;
        };
    }
}
