package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.drkit.objectives.DrStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every "is required" and "must not be empty" message of the plan and option types, one case each. */
class RequiredInputTest {
    /** A duration only known at deploy time: the estimates cannot use it. */
    private static final software.amazon.awscdk.Duration DEPLOY_TIME = software.amazon.awscdk.Duration.seconds(software.amazon.awscdk.Token.asNumber(new software.amazon.awscdk.Intrinsic("Lag")));

    static final Capacity C = Capacity.of(0, 0, 2);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("PlanDatabase: region is required", (Executable) () -> PlanDatabase.of(null, "db")),
                Arguments.of("PlanDatabase: dbInstanceIdentifier is required", (Executable) () -> PlanDatabase.of("us-west-2", " ")),
                Arguments.of("PlanInstances: instanceIds: must list at least one instance id", (Executable) () -> PlanInstances.of("us-west-2", List.of())),
                Arguments.of("PlanFleet: region is required", (Executable) () -> PlanFleet.builder().autoScalingGroupName("a").standby(C).recovery(C).build()),
                Arguments.of("PlanFleet: autoScalingGroupName is required", (Executable) () -> PlanFleet.builder().region("us-west-2").standby(C).recovery(C).build()),
                Arguments.of("PlanFleet: standby is required", (Executable) () -> PlanFleet.builder().region("us-west-2").autoScalingGroupName("a").recovery(C).build()),
                Arguments.of("PlanFleet: recovery is required", (Executable) () -> PlanFleet.builder().region("us-west-2").autoScalingGroupName("a").standby(C).build()),
                Arguments.of("PlanDnsTarget: values must not be empty", (Executable) () -> PlanDnsTarget.values(List.of())),
                Arguments.of("PlanDnsTarget: alias hostedZoneId is required", (Executable) () -> PlanDnsTarget.alias("a.example.com", null)),
                Arguments.of("PlanDnsRecord: setIdentifier is required", (Executable) () -> PlanDnsRecord.weighted("a.example.com", "A", null, 1, 1)),
                Arguments.of("PlanDnsRecord: type is required", (Executable) () -> PlanDnsRecord.weighted("a.example.com", null, "p", 1, 1)),
                Arguments.of("PlanDnsRecord: recovery is required",
                        (Executable) () -> PlanDnsRecord.simple("a.example.com", "CNAME", 60, PlanDnsTarget.values(List.of("x")), null)),
                Arguments.of("PlanDnsZone: hostedZoneId is required", (Executable) () -> PlanDnsZone.of(null, List.of())),
                Arguments.of("PlanDnsZone: records: must list at least one record", (Executable) () -> PlanDnsZone.of("Z1", List.of())),
                Arguments.of("PlanSiteSwitch: metricName is required",
                        (Executable) () -> PlanSiteSwitch.of("us-east-1", "a", "drkit", null, Map.of(), 1, 0)),
                Arguments.of("FailoverPlan: application is required",
                        (Executable) () -> FailoverPlan.builder().strategy(DrStrategy.MULTI_SITE).recoveryRegion("us-west-2").build()),
                Arguments.of("FailoverPlan: strategy is required",
                        (Executable) () -> FailoverPlan.builder().application("a").recoveryRegion("us-west-2").build()),
                Arguments.of("Endpoint: alias dnsName is required", (Executable) () -> Endpoint.alias(null, "Z1")),
                Arguments.of("Endpoint: zoneRecord is required", (Executable) () -> Endpoint.zoneRecord("")),
                Arguments.of("Endpoint: loadBalancer is required", (Executable) () -> Endpoint.loadBalancer(null)),
                Arguments.of("DatabaseOptions: existingReplicaIdentifier is required", (Executable) () -> DatabaseOptions.existingReplica(null)),
                Arguments.of("DatabaseOptions: promotionTime must be known at synth time, not a deploy-time token (got " + DEPLOY_TIME + ")",
                        (Executable) () -> DatabaseOptions.existingReplica("db").promotionTime(DEPLOY_TIME).build()),
                Arguments.of("RecoveryTimings: decisionTime must be known at synth time, not a deploy-time token (got " + DEPLOY_TIME + ")",
                        (Executable) () -> RecoveryTimings.builder().decisionTime(DEPLOY_TIME).build()),
                Arguments.of("RecoveryTimings: orchestrationTime must be known at synth time, not a deploy-time token (got " + DEPLOY_TIME + ")",
                        (Executable) () -> RecoveryTimings.builder().orchestrationTime(DEPLOY_TIME).build()),
                Arguments.of("RecoveryTimings: instanceBootTime must be known at synth time, not a deploy-time token (got " + DEPLOY_TIME + ")",
                        (Executable) () -> RecoveryTimings.builder().instanceBootTime(DEPLOY_TIME).build()),
                Arguments.of("HealthCheckOptions: port must be a whole number from 1 to 65535 (got 0)",
                        (Executable) () -> HealthCheckOptions.builder().port(0).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void build_whenInputMissingOrInvalid_namesIt(String expected, Executable code) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, code).getMessage());
    }
}
