package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.drkit.objectives.DrStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The plan writer's JSON shape and every validation message of the plan and option types. */
class PlanModelTest {

    static void assertMessage(String expected, Executable code) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, code).getMessage());
    }

    @Test
    // Safe: PlanModel.toJson writes the plan tree, every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    void toJson_whenFullPlan_matchesContractFieldNames() {
        Map<String, Object> json = FailoverFunctionTest.plan(1).withNotificationTopicArn("arn:aws:sns:us-west-2:111111111111:shop-dr").toJson();
        assertEquals(List.of("version", "application", "strategy", "primaryRegion", "recoveryRegion", "stages", "notificationTopicArn"),
                List.copyOf(json.keySet()));
        assertEquals(2, json.get("version"));
        assertEquals("WARM_STANDBY", json.get("strategy"));
        List<Map<String, Object>> stages = (List<Map<String, Object>>) json.get("stages");
        assertEquals(List.of("data", "compute", "health", "traffic"), stages.stream().map(s -> s.get("name")).toList());
        Map<String, Object> fleet = step(stages, "compute", "scaleFleet");
        assertEquals(Map.of("min", 2, "desired", 4, "max", 8), fleet.get("recovery"));
        assertEquals("m5.large", fleet.get("recoveryInstanceType"));
        Map<String, Object> record = ((List<Map<String, Object>>) step(stages, "traffic", "changeDns").get("records")).get(0);
        assertEquals(Map.of("routing", "WEIGHTED", "name", "app.example.com.", "type", "A", "setIdentifier", "primary", "normalWeight", 100,
                "failoverWeight", 0), record);
        assertEquals(Map.of("kind", "healthGate", "timeoutSeconds", 600), step(stages, "health", "healthGate"));
        Map<String, Object> sw = step(stages, "traffic", "switchSite");
        assertEquals(1L, sw.get("normalValue"));
        assertEquals(0L, sw.get("failoverValue"));
    }

    /** The first step of a kind in the named stage of a written plan. */
    // Safe: PlanModel.toJson writes the plan tree, every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    static Map<String, Object> step(List<Map<String, Object>> stages, String stage, String kind) {
        return stages.stream().filter(s -> stage.equals(s.get("name")))
                .flatMap(s -> ((List<Map<String, Object>>) s.get("steps")).stream())
                .filter(step -> kind.equals(step.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " step in stage " + stage + ": " + stages));
    }

    @Test
    void failoverRecord_whenAliasTargets_writesNormalAndRecovery() {
        PlanDnsRecord r = PlanDnsRecord.failover("www.example.com", "A", "primary", null,
                PlanDnsTarget.alias("primary-alb.us-east-1.elb.amazonaws.com.", "Z35SXDOTRQ7X7K"),
                PlanDnsTarget.alias("recovery-alb.us-west-2.elb.amazonaws.com.", "Z1H1FL5HABSF5"));
        assertEquals(Map.of("routing", "FAILOVER", "name", "www.example.com.", "type", "A", "setIdentifier", "primary",
                "normal", Map.of("alias", Map.of("dnsName", "primary-alb.us-east-1.elb.amazonaws.com.", "hostedZoneId", "Z35SXDOTRQ7X7K")),
                "recovery", Map.of("alias", Map.of("dnsName", "recovery-alb.us-west-2.elb.amazonaws.com.", "hostedZoneId", "Z1H1FL5HABSF5"))),
                io.github.drkit.plan.PlanWriter.record(r.toPlan()));
    }

    @Test
    void validation_whenBadInput_namesFieldValueAndRule() {
        assertMessage("Capacity: min: must be at most desired (got 2, desired 1)", () -> Capacity.of(2, 1, 4));
        assertMessage("Capacity: max: must be between 0 and 10000 (got 10001)", () -> Capacity.of(0, 0, 10_001));
        assertMessage("PlanDnsZone: records[0].failoverWeight: must be between 0 and 255 (got 256)",
                () -> PlanDnsZone.of("Z1", List.of(PlanDnsRecord.weighted("a.example.com", "A", "recovery", 0, 256))));
        assertMessage("PlanDnsRecord: ttl of a.example.com. must be a whole number from 0 to 60 (got 300)",
                () -> PlanDnsRecord.simple("a.example.com", "CNAME", 300, PlanDnsTarget.values(List.of("x")), PlanDnsTarget.values(List.of("y"))));
        assertMessage("PlanDnsZone: records[0].failoverWeight: every weighted record of app.example.com. A has failoverWeight 0; at least one must carry traffic after failover",
                () -> PlanDnsZone.of("Z1", List.of(PlanDnsRecord.weighted("app.example.com", "A", "p", 100, 0),
                        PlanDnsRecord.weighted("app.example.com", "A", "r", 0, 0))));
        assertMessage("PlanDnsZone: records[0].normalWeight: every weighted record of app.example.com. A has normalWeight 0; at least one must carry traffic",
                () -> PlanDnsZone.of("Z1", List.of(PlanDnsRecord.weighted("app.example.com", "A", "p", 0, 100),
                        PlanDnsRecord.weighted("app.example.com", "A", "r", 0, 0))));
        assertMessage("PlanDnsZone: records[1]: names the same record as records[0] (app.example.com. A [p])",
                () -> PlanDnsZone.of("Z1", List.of(PlanDnsRecord.weighted("app.example.com", "A", "p", 100, 0),
                        PlanDnsRecord.weighted("app.example.com", "A", "p", 0, 100))));
        assertMessage("PlanInstances: instanceIds[0]: must be an EC2 instance id, i- and 8 or 17 hex digits (got 'web-1')",
                () -> PlanInstances.of("us-west-2", List.of("web-1")));
        assertMessage("PlanSiteSwitch: namespace: must not start with 'AWS/' (got 'AWS/EC2'): that prefix is reserved for AWS metrics",
                () -> PlanSiteSwitch.of("us-east-1", "a", "AWS/EC2", "m", Map.of(), 1, 0));
        assertMessage("PlanSiteSwitch: failoverValue: must differ from normalValue (both are 1.0)",
                () -> PlanSiteSwitch.of("us-east-1", "a", "drkit", "m", Map.of(), 1, 1));
        assertMessage("PlanFleet: recovery.min: must be at least standby.min (got 0, standby 1): failover never shrinks a fleet",
                () -> PlanFleet.builder().region("us-west-2").autoScalingGroupName("app").standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(0, 0, 1)).build());
        // The runtime's rule, now the only one: minHealthy above recovery.desired could never be met.
        assertMessage("PlanFleet: minHealthy: must be at most recovery.desired (got 3, recovery.desired 2): the fleet could never become healthy",
                () -> PlanFleet.builder().region("us-west-2").autoScalingGroupName("app").standby(Capacity.of(0, 0, 0)).recovery(Capacity.of(2, 2, 4)).minHealthy(3).build());
        assertMessage("PlanFleet: region: must be an AWS Region code such as us-west-2 (got 'west')",
                () -> PlanFleet.builder().region("west").autoScalingGroupName("app").standby(Capacity.of(0, 0, 0)).recovery(Capacity.of(2, 2, 4)).build());
        assertMessage("PlanFleet: launchTemplateId is required for vertical scaling to m5.large",
                () -> PlanFleet.builder().region("us-west-2").autoScalingGroupName("app").standby(Capacity.of(0, 0, 0)).recovery(Capacity.of(2, 2, 4))
                        .standbyInstanceType("t3.small").recoveryInstanceType("m5.large").build());
        assertMessage("PlanFleet: standbyInstanceType: is required when recoveryInstanceType is set: failback needs the type to return to",
                () -> PlanFleet.builder().region("us-west-2").autoScalingGroupName("app").standby(Capacity.of(0, 0, 0)).recovery(Capacity.of(2, 2, 4))
                        .recoveryInstanceType("m5.large").build());
        assertMessage("FailoverPlan: plan for shop changes nothing; it needs at least one of databases, instances, fleets, dns, siteSwitches or otherSteps",
                () -> FailoverPlan.builder().application("shop").strategy(DrStrategy.PILOT_LIGHT).recoveryRegion("us-west-2").build());
        assertMessage("FailoverPlan: recoveryRegion is required",
                () -> FailoverPlan.builder().application("shop").strategy(DrStrategy.PILOT_LIGHT).build());
    }

    /** A duration only known at deploy time: the estimates cannot use it. */
    private static final software.amazon.awscdk.Duration DEPLOY_TIME_DURATION = software.amazon.awscdk.Duration.seconds(software.amazon.awscdk.Token.asNumber(new software.amazon.awscdk.Intrinsic("Lag")));

    @Test
    void options_whenBadInput_namesFieldValueAndRule() {
        assertMessage("HealthCheckOptions: interval must be 10 or 30 seconds, the two Route 53 offers (got 20.0 s)",
                () -> HealthCheckOptions.builder().interval(software.amazon.awscdk.Duration.seconds(20)).build());
        assertMessage("HealthCheckOptions: failureThreshold must be a whole number from 1 to 10 (got 11)",
                () -> HealthCheckOptions.builder().failureThreshold(11).build());
        assertMessage("HealthCheckOptions: path must start with / (got health)", () -> HealthCheckOptions.builder().path("health").build());
        assertMessage("Endpoint: ipAddress must be an IPv4 address like 203.0.113.10 (got 300.1.1.1)", () -> Endpoint.ipAddress("300.1.1.1"));
        assertMessage("Endpoint: hostname must be a domain name like www.example.com (got not a host)", () -> Endpoint.hostname("not a host"));
        assertMessage("DatabaseOptions: sourceDatabaseArn must be an RDS DB instance ARN like arn:aws:rds:us-east-1:111111111111:db:shop (got shop-primary)",
                () -> DatabaseOptions.crossRegionReplica("shop-primary").build());
        assertMessage("DatabaseOptions: port must be a whole number from 1150 to 65535 (got 80)",
                () -> DatabaseOptions.crossRegionReplica("arn:aws:rds:us-east-1:111111111111:db:shop").port(80).build());
        software.amazon.awscdk.Duration deployTime = DEPLOY_TIME_DURATION;
        assertMessage("DatabaseOptions: expectedReplicationLag must be known at synth time, not a deploy-time token (got " + deployTime + ")",
                () -> DatabaseOptions.existingReplica("shop").expectedReplicationLag(deployTime).build());
        assertMessage("DatabaseOptions: replicaIdentifier must start with a letter and hold at most 63 letters, digits or hyphens (got 1shop)",
                () -> DatabaseOptions.crossRegionReplica("arn:aws:rds:us-east-1:111111111111:db:shop").replicaIdentifier("1shop").build());
        assertMessage("RecoveryTimings: appWarmUpTime must be known at synth time, not a deploy-time token (got " + deployTime + ")",
                () -> RecoveryTimings.builder().appWarmUpTime(deployTime).build());
        assertMessage("DnsSwitchOptions: primary must be an IP address or an alias, because the recovery side is a load balancer alias (A record); got hostname www.example.net; use Endpoint.zoneRecord or Endpoint.alias",
                () -> DnsSwitchOptions.builder().hostedZone(software.amazon.awscdk.services.route53.HostedZone.fromHostedZoneAttributes(
                        io.github.drkit.testsupport.Fixtures.recoveryStack(), "Z", software.amazon.awscdk.services.route53.HostedZoneAttributes.builder()
                                .hostedZoneId("Z1").zoneName("example.com").build()))
                        .recordName("app").primary(Endpoint.hostname("www.example.net")).build());
        assertMessage("DnsSwitchOptions: recordName is required", () -> DnsSwitchOptions.builder().hostedZone(
                software.amazon.awscdk.services.route53.HostedZone.fromHostedZoneAttributes(io.github.drkit.testsupport.Fixtures.recoveryStack(), "Z",
                        software.amazon.awscdk.services.route53.HostedZoneAttributes.builder().hostedZoneId("Z1").zoneName("example.com").build()))
                .primary(Endpoint.ipAddress("203.0.113.10")).build());
    }
}
