package io.github.drkit.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

/** A test per validation message: each names the prop, the value and the rule, and nothing is built. */
class ArcRegionSwitchPlanValidationTest {

    private static String message(Executable build) {
        return assertThrows(IllegalArgumentException.class, build).getMessage();
    }

    private static ArcRegionSwitchPlanProps.Builder props(Stack stack) {
        return ArcRegionSwitchPlanProps.builder().failover(ArcFixtures.function(stack, ArcFixtures.everyKind()));
    }

    @Test
    void constructor_whenNoFailover_saysItIsRequired() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("ArcRegionSwitchPlan: failover is required",
                message(() -> new ArcRegionSwitchPlan(stack, "Arc", ArcRegionSwitchPlanProps.builder().build())));
    }

    @Test
    void constructor_whenPlanHasNoPrimaryRegion_asksForIt() {
        Stack stack = Fixtures.recoveryStack();
        FailoverPlan plan = ArcFixtures.everyKind().toBuilder().primaryRegion(null).build();
        FailoverFunction failover = ArcFixtures.function(stack, plan);
        assertEquals("ArcRegionSwitchPlan: the plan of shop must name its primaryRegion: an ARC Region switch plan spans two Regions "
                + "(got none; set primaryRegion on the topology construct)",
                message(() -> new ArcRegionSwitchPlan(stack, "Arc", ArcRegionSwitchPlanProps.builder().failover(failover).build())));
    }

    @Test
    void constructor_whenPlanNameBreaksArcRule_namesIt() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("ArcRegionSwitchPlan: planName must be 1 to 32 letters, digits and hyphens, starting and ending with a letter "
                + "or digit (got 'shop_dr-')", message(() -> new ArcRegionSwitchPlan(stack, "Arc", props(stack).planName("shop_dr-").build())));
    }

    @Test
    void constructor_whenRtoOutOfArcRange_namesIt() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("ArcRegionSwitchPlan: recoveryTimeObjective must be from 1 minute to 10080 minutes, ARC's range (got 30 s)",
                message(() -> new ArcRegionSwitchPlan(stack, "Arc", props(stack).recoveryTimeObjective(Duration.seconds(30)).build())));
        Stack other = Fixtures.recoveryStack();
        assertEquals("ArcRegionSwitchPlan: recoveryTimeObjective must be from 1 minute to 10080 minutes, ARC's range (got 691200 s)",
                message(() -> new ArcRegionSwitchPlan(other, "Arc", props(other).recoveryTimeObjective(Duration.days(8)).build())));
    }

    @Test
    void constructor_whenBlockTimeoutNotWholeMinutes_namesIt() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("ArcRegionSwitchPlan: blockTimeout must be whole minutes, as ARC counts it (got 90 s)",
                message(() -> new ArcRegionSwitchPlan(stack, "Arc", props(stack).blockTimeout(Duration.seconds(90)).build())));
    }

    @Test
    void constructor_whenReportPrefixHasEmptySegment_namesIt() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("ArcRegionSwitchPlan: reportPrefix must be key segments separated by single '/', none starting with a space, "
                + "as ARC's bucket path allows (got 'dr//arc')", message(() -> new ArcRegionSwitchPlan(stack, "Arc", props(stack)
                .reportBucket(Bucket.Builder.create(stack, "Audit").build()).reportPrefix("dr//arc").build())));
    }

    @Test
    void constructor_whenReportBucketNameHasDots_namesIt() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("ArcRegionSwitchPlan: reportBucket must have a name of lower-case letters, digits and hyphens, which is all "
                + "ARC's report path allows (got 'audit.example.com')", message(() -> new ArcRegionSwitchPlan(stack, "Arc", props(stack)
                .reportBucket(Bucket.fromBucketName(stack, "Audit", "audit.example.com")).build())));
    }

    @Test
    void counterpart_whenArnLacksGroupId_namesIt() {
        assertEquals("AutoScalingCounterpart: primaryGroupArn must be an Auto Scaling group ARN with the group's id, "
                + "arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name>, as ARC requires "
                + "(got 'arn:aws:autoscaling:us-east-1:111111111111:autoScalingGroup:*:autoScalingGroupName/shop')",
                message(() -> AutoScalingCounterpart.builder().autoScalingGroupName("shop-app").recoveryGroupArn(ArcFixtures.RECOVERY_GROUP)
                        .primaryGroupArn("arn:aws:autoscaling:us-east-1:111111111111:autoScalingGroup:*:autoScalingGroupName/shop").build()));
    }

    @Test
    void counterpart_whenTargetPercentOutOfRange_namesIt() {
        assertEquals("AutoScalingCounterpart: targetPercent must be a whole number from 1 to 100 (got 150)",
                message(() -> AutoScalingCounterpart.builder()
                        .autoScalingGroupName("shop-app").recoveryGroupArn(ArcFixtures.RECOVERY_GROUP)
                        .primaryGroupArn(ArcFixtures.PRIMARY_GROUP).targetPercent(150).build()));
    }
}
