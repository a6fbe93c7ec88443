package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.objectives.RecoveryObjectives;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;

/** The failover function's readiness schedule, metric and alarm, and its audit trail bucket. */
class FailoverReadinessTest {

    private static FailoverFunction function(Stack stack, FailoverFunctionProps.Builder props) {
        return new FailoverFunction(stack, "Failover", props.plan(FailoverFunctionTest.plan(1)).build());
    }

    @Test
    void constructor_whenDefaults_schedulesEvaluateEvery30MinutesAndAlarmsOnNotReady() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = function(stack, FailoverFunctionProps.builder());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "ScheduleExpression", "rate(30 minutes)",
                "State", "ENABLED",
                "Target", Match.objectLike(Map.of(
                        "Input", "{\"action\":\"evaluate\",\"deadlineSeconds\":120}",
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 0)))));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "drkit/readiness",
                "MetricName", "ReadinessVerdict",
                "Dimensions", List.of(Map.of("Name", "Application", "Value", "shop")),
                "Statistic", "Maximum",
                "Period", 1800,
                "Threshold", 2,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", Match.anyValue()));
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "DRKIT_READINESS_NAMESPACE", "drkit/readiness",
                "DRKIT_AUDIT_BUCKET", Match.anyValue())))));
        assertNotNull(f.getReadinessSchedule());
        assertNotNull(f.getReadinessAlarm());
        assertEquals("ReadinessVerdict", ((software.amazon.awscdk.services.cloudwatch.Metric) f.getReadinessMetric()).getMetricName());
    }

    @Test
    void constructor_whenReadinessIntervalGiven_schedulesAtThatRate() {
        Stack stack = Fixtures.recoveryStack();
        function(stack, FailoverFunctionProps.builder().readinessInterval(Duration.hours(1)));

        Template.fromStack(stack).hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "rate(1 hour)"));
    }

    @Test
    void constructor_whenReadinessOff_createsNoScheduleNorAlarmButKeepsTheReads() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = function(stack, FailoverFunctionProps.builder().readiness(false));
        Template t = Template.fromStack(stack);

        t.resourceCountIs("AWS::Scheduler::Schedule", 0);
        t.resourceCountIs("AWS::CloudWatch::Alarm", 1);
        assertNull(f.getReadinessSchedule());
        assertNull(f.getReadinessAlarm());
        assertEquals(List.of("ec2:DescribeLaunchTemplateVersions", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
                "servicequotas:GetServiceQuota", "cloudwatch:GetMetricStatistics", "ecs:DescribeClusters", "ecs:DescribeTaskDefinition"),
                statement(t, "ReadinessReads").get("Action"));
    }

    @Test
    void constructor_whenBuilt_passesItsRoleArnAndMaySimulateThatRoleOnly() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = function(stack, FailoverFunctionProps.builder().readiness(false));
        Template t = Template.fromStack(stack);

        Object roleArn = stack.resolve(f.getFunction().getRole().getRoleArn());
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "DRKIT_ROLE_ARN", roleArn)))));
        Map<String, Object> simulation = statement(t, "ReadinessPermissionsCheck");
        assertEquals("iam:SimulatePrincipalPolicy", simulation.get("Action"));
        assertEquals(roleArn, simulation.get("Resource"));
        assertEquals(1, Fixtures.policyStatements(t).stream()
                .filter(s -> String.valueOf(s.get("Action")).contains("iam:SimulatePrincipalPolicy")).count(),
                "only the own-role statement grants the simulator");
    }

    @Test
    void constructor_whenReadinessIntervalBelow5Minutes_throwsNamingIt() {
        Stack stack = Fixtures.recoveryStack();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> function(stack, FailoverFunctionProps.builder().readinessInterval(Duration.minutes(1))));

        assertEquals("FailoverFunction: readinessInterval must be whole minutes from 5 minutes to 1 day (got 60 s): EventBridge Scheduler"
                + " runs rates of whole minutes, and evaluate reads every resource of the plan each time", e.getMessage());
    }

    @Test
    void constructor_whenReadinessIntervalNotWholeMinutes_throwsNamingIt() {
        Stack stack = Fixtures.recoveryStack();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> function(stack, FailoverFunctionProps.builder().readinessInterval(Duration.seconds(330))));

        assertEquals(true, e.getMessage().startsWith("FailoverFunction: readinessInterval must be whole minutes from 5 minutes to 1 day (got 330 s)"),
                e.getMessage());
    }

    @Test
    void constructor_whenReadinessIntervalAboveADay_throwsNamingIt() {
        Stack stack = Fixtures.recoveryStack();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> function(stack, FailoverFunctionProps.builder().readinessInterval(Duration.days(2))));

        assertEquals(true, e.getMessage().startsWith("FailoverFunction: readinessInterval must be whole minutes from 5 minutes to 1 day (got 172800 s)"),
                e.getMessage());
    }

    @Test
    void constructor_whenDefaults_createsAVersionedTlsOnlyAuditBucketArchivingAfter90Days() {
        Stack stack = Fixtures.recoveryStack();
        function(stack, FailoverFunctionProps.builder());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of("ServerSideEncryptionByDefault",
                        Map.of("SSEAlgorithm", "AES256")))),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LoggingConfiguration", Map.of("DestinationBucketName", Match.anyValue(), "LogFilePrefix", "audit/"),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Id", "ArchiveReports",
                        "Transitions", List.of(Map.of("StorageClass", "GLACIER", "TransitionInDays", 90))))))));
        t.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));
        t.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void policies_whenAuditBucketGiven_putOnlyUnderTheApplicationsPrefixOfIt() {
        Stack stack = Fixtures.recoveryStack();
        Bucket given = Bucket.Builder.create(stack, "Reports").build();
        FailoverFunction f = function(stack, FailoverFunctionProps.builder().auditBucket(given));
        Template t = Template.fromStack(stack);

        assertEquals(given, f.getAuditBucket());
        t.resourceCountIs("AWS::S3::Bucket", 1);
        Map<String, Object> audit = statement(t, "AuditTrail");
        assertEquals("s3:PutObject", audit.get("Action"));
        String bucketId = stack.getLogicalId((software.amazon.awscdk.CfnElement) given.getNode().getDefaultChild());
        assertEquals(Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucketId, "Arn")), "/shop/*"))),
                audit.get("Resource"));
    }

    @Test
    void plan_whenObjectivesDeclaredOnTheStack_carriesThemInSeconds() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = function(stack, FailoverFunctionProps.builder());
        // Declared after the function is made, as an app may: the values are read when the template is.
        RecoveryObjectives.builder().rto(Duration.minutes(30)).rpo(Duration.minutes(5)).build().applyTo(stack);

        assertTrue(renderedPlan(stack, f).contains("\"objectives\":{\"rtoSeconds\":1800,\"rpoSeconds\":300}"), renderedPlan(stack, f));
    }

    @Test
    void plan_whenPlanDeclaresObjectives_keepsThemOverTheStacks() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder()
                .plan(FailoverFunctionTest.plan(1).toBuilder().rto(java.time.Duration.ofMinutes(10)).build()).build());
        RecoveryObjectives.builder().rto(Duration.minutes(30)).rpo(Duration.minutes(5)).build().applyTo(stack);

        assertTrue(renderedPlan(stack, f).contains("\"objectives\":{\"rtoSeconds\":600}"), renderedPlan(stack, f));
    }

    @Test
    void plan_whenNoObjectivesDeclared_declaresNone() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction f = function(stack, FailoverFunctionProps.builder());

        String plan = renderedPlan(stack, f);
        assertTrue(plan.contains("\"recoveryRegion\""), plan);
        assertFalse(plan.contains("objectives"), plan);
        Template.fromStack(stack).hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables",
                Match.objectLike(Map.of("DRKIT_RTO_SECONDS", Match.absent(), "DRKIT_RPO_SECONDS", Match.absent())))));
    }

    @Test
    void rto_whenNotWholeSeconds_refusesNamingTheProp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FailoverFunctionTest.plan(1).toBuilder().rto(java.time.Duration.ofMillis(1500)).build());

        assertEquals("FailoverPlan: rto must be whole seconds from 1 s to 31536000 s (got PT1.5S)", e.getMessage());
    }

    @Test
    void rpo_whenZero_refusesNamingTheProp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FailoverFunctionTest.plan(1).toBuilder().rpo(java.time.Duration.ZERO).build());

        assertEquals("FailoverPlan: rpo must be whole seconds from 1 s to 31536000 s (got PT0S)", e.getMessage());
    }

    /** The plan the function carries, as the template holds it: the literal text of every part joined. */
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    private static String renderedPlan(Stack stack, FailoverFunction f) {
        software.amazon.awscdk.services.lambda.CfnFunction cfn = (software.amazon.awscdk.services.lambda.CfnFunction) f.getFunction()
                .getNode().getDefaultChild();
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) stack.resolve(cfn.getEnvironment())).get("variables");
        StringBuilder text = new StringBuilder();
        literals(variables.get(FailoverFunction.PLAN_VARIABLE), text);
        return text.toString();
    }

    private static void literals(Object node, StringBuilder text) {
        if (node instanceof String s) {
            text.append(s);
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> literals(v, text));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> literals(v, text));
        }
    }

    private static Map<String, Object> statement(Template t, String sid) {
        return Fixtures.policyStatements(t).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }
}
