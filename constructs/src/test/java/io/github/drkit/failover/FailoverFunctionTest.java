package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FailoverFunctionTest {

    static FailoverPlan plan(int fleets) {
        List<PlanFleet> list = new ArrayList<>();
        for (int i = 0; i < fleets; i++) {
            list.add(PlanFleet.builder().region("us-west-2").autoScalingGroupName("shop-app-" + i)
                    .standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(2, 4, 8))
                    .standbyInstanceType("t3.small").recoveryInstanceType("m5.large").launchTemplateId("lt-0123456789abcdef" + i % 10)
                    .instanceRoleArn("arn:aws:iam::111111111111:role/shop-app")
                    .targetGroupArns(List.of("arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/shop/0123456789abcdef")).build());
        }
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.WARM_STANDBY).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .databases(List.of(PlanDatabase.of("us-west-2", "shop-replica")))
                .instances(List.of(PlanInstances.of("us-west-2", List.of("i-0123456789abcdef0"))))
                .fleets(list)
                .dns(List.of(PlanDnsZone.of("Z0123456789ABC", List.of(
                        PlanDnsRecord.weighted("app.example.com", "A", "primary", 100, 0),
                        PlanDnsRecord.weighted("app.example.com", "A", "recovery", 0, 100)))))
                .siteSwitches(List.of(PlanSiteSwitch.of("us-east-1", "primary", "drkit", "SiteEnabled",
                        Map.of("Application", "shop", "Site", "primary"), 1, 0)))
                .build();
    }

    @Test
    void constructor_whenSmallPlan_putsPlanInEnvironmentAndConfiguresRuntime() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan(1)).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java21",
                "Handler", "io.github.drkit.lambda.FailoverHandler::handleRequest",
                "MemorySize", 1024,
                "Timeout", 720,
                "ReservedConcurrentExecutions", 1,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DRKIT_PLAN", Match.anyValue())))));
        t.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        t.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of("Qualifier", Match.anyValue(), "MaximumRetryAttempts", 1,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Match.anyValue()))));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Errors", "Threshold", 1,
                "AlarmActions", Match.anyValue()));
        t.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        t.resourceCountIs("AWS::SSM::Parameter", 0);
        assertNull(f.getPlanParameter());
        assertNotNull(f.getPlan().notificationTopicArn());
    }

    @Test
    void constructor_whenPlanAbove4Kb_putsPlanInAdvancedParameter() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan(14)).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::SSM::Parameter", Map.of("Type", "String", "Tier", "Advanced"));
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "DRKIT_PLAN_PARAMETER", Match.anyValue(), "DRKIT_PLAN", Match.absent())))));
        t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", Match.arrayWith(List.of("ssm:GetParameter")))))))))));
        assertNotNull(f.getPlanParameter());
    }

    @Test
    void constructor_whenParameterStorageRequested_usesStandardParameter() {
        Stack stack = Fixtures.recoveryStack();
        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan(1)).planStorage(PlanStorage.PARAMETER).build());
        Template.fromStack(stack).hasResourceProperties("AWS::SSM::Parameter", Map.of("Tier", "Standard"));
    }

    @Test
    void constructor_whenEnvironmentStorageAndLargePlan_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FailoverFunction(stack, "Failover",
                FailoverFunctionProps.builder().plan(plan(14)).planStorage(PlanStorage.ENVIRONMENT).build()));
        assertTrue(e.getMessage().startsWith("FailoverFunction: planStorage ENVIRONMENT cannot hold a plan of about "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes; Lambda allows 4096 bytes of environment; use PlanStorage.AUTO or PARAMETER"));
    }

    @Test
    void constructor_whenPlanAbove8Kb_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan(40)).build()));
        assertTrue(e.getMessage().matches("FailoverFunction: the plan is about \\d+ bytes; an SSM parameter holds at most 8192; split the application into several plans"),
                e.getMessage());
    }

    @Test
    void constructor_whenTimeoutShorterThanHealthWait_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FailoverFunction(stack, "Failover",
                FailoverFunctionProps.builder().plan(plan(1)).timeout(software.amazon.awscdk.Duration.seconds(300)).build()));
        assertEquals("FailoverFunction: timeout must be at least the plan's healthTimeout plus 60 s for DNS and the report (got 300 s, needs 660 s)",
                e.getMessage());
    }

    @Test
    void constructor_whenTimeoutAboveLambdaLimit_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FailoverFunction(stack, "Failover",
                FailoverFunctionProps.builder().plan(plan(1)).timeout(software.amazon.awscdk.Duration.minutes(20)).build()));
        assertEquals("FailoverFunction: timeout must be at most 900 s, Lambda's limit (got 1200 s)", e.getMessage());
    }

    @Test
    void constructor_whenMemoryOutOfRange_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FailoverFunction(stack, "Failover",
                FailoverFunctionProps.builder().plan(plan(1)).memorySize(64).build()));
        assertEquals("FailoverFunction: memorySize must be a whole number from 128 to 10240 (got 64)", e.getMessage());
    }

    @Test
    void constructor_whenNoPlan_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().build()));
        assertEquals("FailoverFunction: plan is required", e.getMessage());
    }

    /** Least privilege, read from the synthesized template: no mutating action on "*". */
    @Test
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    void policies_whenSynthesized_scopeEveryMutatingActionToPlanResources() {
        Stack stack = Fixtures.recoveryStack();
        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan(1)).build());
        Template template = Template.fromStack(stack);
        List<Map<String, Object>> statements = Fixtures.policyStatements(template);
        assertFalse(statements.isEmpty());
        int checked = Fixtures.assertNoMutatingActionOnWildcard(template);
        for (Map<String, Object> s : statements) {
            Object a = s.get("Action");
            Object r = s.get("Resource");
            boolean publishesOnWildcard = (a instanceof List ? (List<Object>) a : List.of(a)).contains("cloudwatch:PutMetricData")
                    && (r instanceof List ? (List<Object>) r : List.of(r)).contains("*");
            if (publishesOnWildcard) {
                // PutMetricData has no resource-level permission: the plan's namespace (or the readiness metric's) must scope it.
                Object namespace = "ReadinessMetric".equals(s.get("Sid")) ? "drkit/readiness" : List.of("drkit");
                assertEquals(Map.of("cloudwatch:namespace", namespace), ((Map<String, Object>) s.get("Condition")).get("StringEquals"));
            }
        }
        assertTrue(checked >= 10, "expected the plan's mutating actions, saw " + checked);
        Map<String, Object> byAction = new java.util.HashMap<>();
        for (Map<String, Object> s : statements) {
            Object a = s.get("Action");
            for (Object x : a instanceof List ? (List<Object>) a : List.of(a)) {
                byAction.put((String) x, s.get("Resource"));
            }
        }
        assertEquals(List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":autoscaling:us-west-2:111111111111:autoScalingGroup:*:autoScalingGroupName/shop-app-0")))),
                normalize(byAction.get("autoscaling:UpdateAutoScalingGroup")));
        assertEquals(List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":route53:::hostedzone/Z0123456789ABC")))),
                normalize(byAction.get("route53:ChangeResourceRecordSets")));
        assertEquals(List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":rds:us-west-2:111111111111:db:shop-replica")))),
                normalize(byAction.get("rds:PromoteReadReplica")));
        assertEquals(List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":ec2:us-west-2:111111111111:instance/i-0123456789abcdef0")))), normalize(byAction.get("ec2:StartInstances")));
    }

    @Test
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    void policies_whenDnsChangeAllowed_limitToPlanRecordNames() {
        Stack stack = Fixtures.recoveryStack();
        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan(1)).build());
        Map<String, Object> change = Fixtures.policyStatements(Template.fromStack(stack)).stream()
                .filter(s -> "DnsChange".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertEquals(Map.of("ForAllValues:StringEquals", Map.of("route53:ChangeResourceRecordSetsNormalizedRecordNames", List.of("app.example.com"))),
                change.get("Condition"));
    }

    private static List<Object> normalize(Object resource) {
        return resource instanceof List ? (List<Object>) resource : List.of(resource);
    }

    @Test
    void runtimeCode_whenExtractedTwice_reusesOneFile(@TempDir Path dir) throws Exception {
        Path first = RuntimeCode.extract(dir);
        long modified = Files.getLastModifiedTime(first).toMillis();
        Path second = RuntimeCode.extract(dir);
        assertEquals(first, second);
        assertEquals(modified, Files.getLastModifiedTime(second).toMillis());
        assertTrue(first.getParent().getFileName().toString().matches("drkit-lambda-[0-9a-f]{16}"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(first.toFile())) {
            assertNotNull(zip.getEntry("META-INF/MANIFEST.MF"), "the extracted runtime is a jar");
        }
    }

    @Test
    void healthTimeout_whenBeyondLambdaLimit_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan(1).toBuilder().healthTimeout(Duration.ofMinutes(20)).build());
        assertEquals("FailoverPlan: healthTimeout must be from 60 to 840 seconds, inside Lambda's 900 s limit (got 1200 s)", e.getMessage());
    }
}
