package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.CheckGlobalTableKind;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Stage;

/**
 * The global data steps of a plan that moto 5.2.1 cannot serve, left out of the plan the drill runs, each with the reason
 * the report gives. Only {@code checkGlobalTable} is left out: moto's DynamoDB keeps no replicas (DescribeTable lists
 * none) and its CloudFormation creates no {@code AWS::DynamoDB::GlobalTable}, so the replica gate could only stop. The
 * gate is run against moto where it can be, in {@code GlobalDataScenarioTest}, and held to the AWS SDK by the conformance
 * suite.
 *
 * <p>{@code failoverGlobalDatabase} is drilled: {@link GlobalDatabases} makes through the API the global cluster and the
 * clusters moto's CloudFormation skipped, and moto detaches the secondary when the recovery Region is us-east-1 (it keeps
 * every global cluster there and finds a member only in the Region it is asked in), which is the fallback the runtime
 * takes after moto refuses SwitchoverGlobalCluster and FailoverGlobalCluster (HTTP 500). A plan whose secondary is
 * elsewhere would wait out the step's timeout in moto.
 */
final class GlobalDataTier {
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

    /** The plan without the global table gates when the emulator is moto; the plan unchanged otherwise. */
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
            case CheckGlobalTableKind.NAME -> TABLE_REASON;
            default -> null;
        };
    }
}
