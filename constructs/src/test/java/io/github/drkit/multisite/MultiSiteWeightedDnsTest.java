package io.github.drkit.multisite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MultiSiteWeightedDnsTest {

    static List<WeightedSite> sites() {
        return List.of(
                WeightedSite.builder().name("onprem").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(50).failoverWeight(0).build(),
                WeightedSite.builder().name("aws").endpoint(Endpoint.zoneRecord("west.shop")).normalWeight(50).failoverWeight(100).build());
    }

    static MultiSiteWeightedDnsProps.Builder props(Stack stack) {
        return MultiSiteWeightedDnsProps.builder().applicationName("shop").hostedZone(Fixtures.zone(stack)).recordName("shop").sites(sites());
    }

    @Test
    void constructor_whenControlPlane_createsHealthCheckedWeightsAndAlarmChain() {
        Stack stack = Fixtures.stack("us-east-1");
        new MultiSiteWeightedDns(stack, "Shop", props(stack).healthCheck(HealthCheckOptions.builder().interval(software.amazon.awscdk.Duration.seconds(10)).build()).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Name", "shop.example.com.", "Type", "A", "SetIdentifier", "onprem",
                "Weight", 50, "TTL", "60", "ResourceRecords", List.of("203.0.113.10"), "HealthCheckId", Match.anyValue()));
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("SetIdentifier", "aws", "Weight", 50, "HealthCheckId", Match.anyValue(),
                "AliasTarget", Match.objectLike(Map.of("DNSName", "west.shop.example.com."))));
        t.resourceCountIs("AWS::Route53::HealthCheck", 2);
        t.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "IPAddress", "203.0.113.10", "RequestInterval", 10))));
        // Only the drained site's alarm starts failover.
        t.resourceCountIs("AWS::CloudWatch::Alarm", 2); // the site alarm and the function's error alarm
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "AWS/Route53", "MetricName", "HealthCheckStatus",
                "ComparisonOperator", "LessThanThreshold", "Threshold", 1));
        t.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Match.objectLike(Map.of(
                "source", List.of("aws.cloudwatch"), "detail-type", List.of("CloudWatch Alarm State Change"),
                "detail", Map.of("state", Map.of("value", List.of("ALARM"))))),
                "Targets", Match.arrayWith(List.of(Match.objectLike(Map.of("Input", "{\"action\":\"failover\"}")))) ));
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "DRKIT_PLAN", Match.anyValue())))));
        assertTrue(Fixtures.assertNoMutatingActionOnWildcard(t) >= 1);
    }

    @Test
    void constructor_whenDataPlane_createsSwitchAlarmAndCalculatedCheck() {
        Stack stack = Fixtures.stack("us-east-1");
        new MultiSiteWeightedDns(stack, "Shop", props(stack).mode(FailoverMode.DATA_PLANE).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "drkit", "MetricName", "SiteEnabled",
                "TreatMissingData", "ignore", "ComparisonOperator", "LessThanThreshold",
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Site", "Value", "onprem")))));
        t.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "CLOUDWATCH_METRIC", "InsufficientDataHealthStatus", "Healthy",
                "AlarmIdentifier", Match.objectLike(Map.of("Region", "us-east-1"))))));
        t.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "CALCULATED", "HealthThreshold", 2))));
        // No Route 53 change in the data-plane plan: the function may not change records.
        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        assertEquals(0, statements.stream().filter(s -> "DnsChange".equals(s.get("Sid"))).count());
        assertEquals(1, statements.stream().filter(s -> "SiteSwitches".equals(s.get("Sid"))).count());
        assertTrue(Fixtures.assertNoMutatingActionOnWildcard(t) >= 1);
    }

    @Test
    void constructor_whenHostnameSites_usesCnameRecordsWithTtl() {
        Stack stack = Fixtures.stack("us-west-2");
        new MultiSiteWeightedDns(stack, "Shop", props(stack).automaticFailover(false).ttl(software.amazon.awscdk.Duration.seconds(30)).sites(List.of(
                WeightedSite.builder().name("dc1").endpoint(Endpoint.hostname("www.dc1.example.net")).normalWeight(100).failoverWeight(0).build(),
                WeightedSite.builder().name("dc2").endpoint(Endpoint.hostname("www.dc2.example.net")).normalWeight(0).failoverWeight(100).build()))
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Type", "CNAME", "SetIdentifier", "dc1", "TTL", "30",
                "ResourceRecords", List.of("www.dc1.example.net")));
        t.resourceCountIs("AWS::Events::Rule", 0);
    }

    @Test
    void recoveryEstimate_whenAutomatic_countsAlarmNotDecision() {
        Stack stack = Fixtures.stack("us-east-1");
        RecoveryEstimate e = new MultiSiteWeightedDns(stack, "Shop", props(stack).build()).recoveryEstimate();
        assertEquals(DrStrategy.MULTI_SITE, e.strategy());
        // 90 detection + 60 alarm + 30 orchestration + 60 propagation + 60 TTL
        assertEquals(Duration.ofSeconds(90 + 60 + 30 + 60 + 60), e.rto());
        assertEquals(Duration.ZERO, e.rpo());
        assertEquals(0, e.rtoTerms().stream().filter(x -> x.name().equals("decision to fail over")).count());
    }

    @Test
    void recoveryEstimate_whenSharedData_countsDeclaredLag() {
        Stack stack = Fixtures.stack("us-east-1");
        RecoveryEstimate e = new MultiSiteWeightedDns(stack, "Shop", props(stack).dataReplicationLag(software.amazon.awscdk.Duration.seconds(5)).build())
                .recoveryEstimate();
        assertEquals(Duration.ofSeconds(5), e.rpo());
    }

    static void assertMessage(String expected, Stack stack, MultiSiteWeightedDnsProps props) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MultiSiteWeightedDns(stack, "Shop", props));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void constructor_whenOneSite_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: sites needs at least 2 sites (got 1)", stack, props(stack).sites(sites().subList(0, 1)).build());
    }

    @Test
    void constructor_whenTtlAbove60_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: ttl must be from 0 to 60 seconds, so that failover reaches clients within a minute (got 300 s)",
                stack, props(stack).ttl(software.amazon.awscdk.Duration.minutes(5)).build());
    }

    @Test
    void constructor_whenEverySiteEndsAtZero_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: failover would leave every site at weight 0; at least one failoverWeight must be above 0", stack,
                props(stack).sites(List.of(
                        WeightedSite.builder().name("a").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(50).failoverWeight(0).build(),
                        WeightedSite.builder().name("b").endpoint(Endpoint.ipAddress("203.0.113.11")).normalWeight(50).failoverWeight(0).build()))
                        .build());
    }

    @Test
    void constructor_whenEveryNormalWeightZero_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: every normalWeight is 0; at least one must be above 0", stack, props(stack).sites(List.of(
                WeightedSite.builder().name("a").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(0).build(),
                WeightedSite.builder().name("b").endpoint(Endpoint.ipAddress("203.0.113.11")).normalWeight(0).failoverWeight(10).build())).build());
    }

    @Test
    void constructor_whenNoSiteDrained_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: no site loses weight on failover; set failoverWeight below normalWeight on the site(s) failover drains",
                stack, props(stack).sites(List.of(
                        WeightedSite.builder().name("a").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(50).build(),
                        WeightedSite.builder().name("b").endpoint(Endpoint.ipAddress("203.0.113.11")).normalWeight(50).build())).build());
    }

    @Test
    void constructor_whenDuplicateSite_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: site names must be unique (got a twice)", stack, props(stack).sites(List.of(
                WeightedSite.builder().name("a").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(50).failoverWeight(0).build(),
                WeightedSite.builder().name("a").endpoint(Endpoint.ipAddress("203.0.113.11")).normalWeight(50).build())).build());
    }

    @Test
    void constructor_whenIpAndHostnameMixed_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: site a is an IP address (A record) but site b is a hostname (CNAME record); the records of one name share one type",
                stack, props(stack).sites(List.of(
                        WeightedSite.builder().name("a").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(50).failoverWeight(0).build(),
                        WeightedSite.builder().name("b").endpoint(Endpoint.hostname("www.example.net")).normalWeight(50).build())).build());
    }

    @Test
    void constructor_whenAutomaticOutsideUsEast1_throws() {
        Stack stack = Fixtures.stack("us-west-2");
        assertMessage("MultiSiteWeightedDns: automaticFailover needs the stack in us-east-1, the only Region where Route 53 publishes health check metrics (got us-west-2); deploy this construct there or set automaticFailover(false) and invoke failover on command",
                stack, props(stack).build());
    }

    @Test
    void weightedSite_whenWeightAbove255_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightedSite.builder().name("a").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(300).build());
        assertEquals("WeightedSite: normalWeight of a must be a whole number from 0 to 255 (got 300)", e.getMessage());
    }

    @Test
    void constructor_whenZoneNameOrSitesMissing_throws() {
        Stack a = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: hostedZone is required", a, props(a).hostedZone(null).build());
        Stack b = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: recordName is required", b, props(b).recordName(null).build());
        Stack c = Fixtures.stack("us-east-1");
        assertMessage("MultiSiteWeightedDns: sites is required", c, props(c).sites(null).build());
    }

    @Test
    void getHealthCheck_whenUnknownSite_throws() {
        Stack stack = Fixtures.stack("us-east-1");
        MultiSiteWeightedDns dns = new MultiSiteWeightedDns(stack, "Shop", props(stack).build());
        assertEquals("MultiSiteWeightedDns: no site named dc9 (sites: [onprem, aws])",
                assertThrows(IllegalArgumentException.class, () -> dns.getHealthCheck("dc9")).getMessage());
    }

    @Test
    void weightedSite_whenNameOrEndpointInvalid_throws() {
        assertEquals("WeightedSite: name must be 1 to 32 letters, digits or hyphens, starting with a letter (got 1dc)",
                assertThrows(IllegalArgumentException.class, () -> WeightedSite.builder().name("1dc").build()).getMessage());
        assertEquals("WeightedSite: endpoint is required",
                assertThrows(IllegalArgumentException.class, () -> WeightedSite.builder().name("dc").normalWeight(1).build()).getMessage());
        assertEquals("WeightedSite: normalWeight is required", assertThrows(IllegalArgumentException.class,
                () -> WeightedSite.builder().name("dc").endpoint(Endpoint.ipAddress("203.0.113.10")).build()).getMessage());
    }

    @Test
    void constructor_whenRegionSwitchPlanOption_runsEveryStepWithDrkit() {
        Stack stack = Fixtures.stack("us-east-1");
        MultiSiteWeightedDns dns = new MultiSiteWeightedDns(stack, "Shop", props(stack).primaryRegion("us-west-2")
                .regionSwitchPlan(io.github.drkit.arc.ArcRegionSwitchPlanProps.builder().build()).build());
        io.github.drkit.arc.ArcWorkflow failover = dns.getRegionSwitchPlan().workflow("failover").orElseThrow();
        assertEquals(List.of("CustomActionLambda"), failover.blocks().stream().map(io.github.drkit.arc.ArcBlock::type).toList());
        assertEquals("us-east-1", failover.targetRegion());
        Template.fromStack(stack).resourceCountIs("AWS::ARCRegionSwitch::Plan", 1);
    }
}
