package io.github.drkit.arc;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanDatabase;
import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsZone;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.failover.PlanInstances;
import io.github.drkit.failover.PlanSiteSwitch;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.RecoveryPlan;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;

/** drkit plans and failover functions for the ARC tests, each in the stack given. */
final class ArcFixtures {
    static final String PRIMARY_GROUP = "arn:aws:autoscaling:us-east-1:111111111111:autoScalingGroup:"
            + "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9:autoScalingGroupName/shop-primary";
    static final String RECOVERY_GROUP = "arn:aws:autoscaling:us-west-2:111111111111:autoScalingGroup:"
            + "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d:autoScalingGroupName/shop-app";

    private ArcFixtures() {
    }

    static PlanFleet fleet(String name, boolean vertical) {
        PlanFleet.Builder b = PlanFleet.builder().region("us-west-2").autoScalingGroupName(name)
                .standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(2, 4, 8))
                .targetGroupArns(List.of("arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/shop/0123456789abcdef"));
        if (vertical) {
            b.standbyInstanceType("t3.small").recoveryInstanceType("m5.large").launchTemplateId("lt-0123456789abcdef0")
                    .instanceRoleArn("arn:aws:iam::111111111111:role/shop-app");
        }
        return b.build();
    }

    /** Every kind: two replicas (data), stopped instances and a fleet (compute), the gate, DNS and a site switch (traffic). */
    static FailoverPlan everyKind() {
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.PILOT_LIGHT).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .databases(List.of(PlanDatabase.of("us-west-2", "shop-replica"), PlanDatabase.of("us-west-2", "shop-orders-replica")))
                .instances(List.of(PlanInstances.of("us-west-2", List.of("i-0123456789abcdef0"))))
                .fleets(List.of(fleet("shop-app", true)))
                .dns(List.of(PlanDnsZone.of("Z0123456789ABC", List.of(
                        PlanDnsRecord.weighted("app.example.com", "A", "primary", 100, 0),
                        PlanDnsRecord.weighted("app.example.com", "A", "recovery", 0, 100)))))
                .siteSwitches(List.of(PlanSiteSwitch.of("us-east-1", "primary", "drkit", "SiteEnabled",
                        Map.of("Application", "shop", "Site", "primary"), 1, 0)))
                .build();
    }

    /** A replica and a fleet that scales out only: both have ARC blocks when the fleet has a counterpart. */
    static FailoverPlan scaleOut() {
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.WARM_STANDBY).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .databases(List.of(PlanDatabase.of("us-west-2", "shop-replica")))
                .fleets(List.of(fleet("shop-app", false)))
                .dns(List.of(PlanDnsZone.of("Z0123456789ABC", List.of(
                        PlanDnsRecord.weighted("app.example.com", "A", "primary", 100, 0),
                        PlanDnsRecord.weighted("app.example.com", "A", "recovery", 0, 100)))))
                .build();
    }

    static AutoScalingCounterpart counterpart() {
        return AutoScalingCounterpart.builder().autoScalingGroupName("shop-app").primaryGroupArn(PRIMARY_GROUP)
                .recoveryGroupArn(RECOVERY_GROUP).build();
    }

    static FailoverFunction function(Stack stack, FailoverPlan plan) {
        return new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan).build());
    }

    /** The plan as the model reads it back: every step with its place in the plan. */
    static RecoveryPlan read(FailoverFunction function) {
        return PlanRules.reader().read(function.getPlan().toJson());
    }

    static MappingContext context(Stack stack, RecoveryPlan plan, List<AutoScalingCounterpart> counterparts) {
        return new MappingContext(plan, stack, counterparts, 60);
    }
}
