package io.github.drkit.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;

class ArcRegionSwitchPlanTest {

    private static ArcRegionSwitchPlanProps.Builder props(FailoverFunction failover) {
        return ArcRegionSwitchPlanProps.builder().failover(failover);
    }

    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    private static Map<String, Object> planProperties(Template t) {
        Map<String, Map<String, Object>> plans = t.findResources("AWS::ARCRegionSwitch::Plan");
        assertEquals(1, plans.size());
        return (Map<String, Object>) plans.values().iterator().next().get("Properties");
    }

    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> workflow) {
        return (List<Map<String, Object>>) workflow.get("Steps");
    }

    /** The drkit steps a synthesized block carries out, read from the template: nested blocks for Parallel. */
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    private static List<String> blockTypes(Map<String, Object> step) {
        List<String> types = new ArrayList<>();
        if ("Parallel".equals(step.get("ExecutionBlockType"))) {
            Map<String, Object> parallel = (Map<String, Object>) ((Map<String, Object>) step.get("ExecutionBlockConfiguration")).get("ParallelConfig");
            for (Map<String, Object> inner : (List<Map<String, Object>>) parallel.get("Steps")) {
                types.addAll(blockTypes(inner));
            }
        } else {
            types.add((String) step.get("ExecutionBlockType"));
        }
        return types;
    }

    @Test
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    void constructor_whenEveryKind_accountsForEveryStepInStageOrder() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction failover = ArcFixtures.function(stack, ArcFixtures.everyKind());
        ArcRegionSwitchPlan arc = new ArcRegionSwitchPlan(stack, "Arc", props(failover).build());
        RecoveryPlan drkit = ArcFixtures.read(failover);
        Template t = Template.fromStack(stack);
        Map<String, Object> plan = planProperties(t);
        List<Map<String, Object>> workflows = (List<Map<String, Object>>) plan.get("Workflows");
        assertEquals(2, workflows.size());

        // Failover: the data stage's two promotions in a Parallel block, then drkit from the compute stage on.
        Map<String, Object> failover0 = workflows.get(0);
        assertEquals("activate", failover0.get("WorkflowTargetAction"));
        assertEquals("us-west-2", failover0.get("WorkflowTargetRegion"));
        List<Map<String, Object>> blocks = steps(failover0);
        assertEquals(List.of("data", "drkit-failover"), blocks.stream().map(b -> b.get("Name")).toList());
        assertEquals(List.of("RdsPromoteReadReplica", "RdsPromoteReadReplica"), blockTypes(blocks.get(0)));
        assertEquals(List.of("CustomActionLambda"), blockTypes(blocks.get(1)));
        String template = t.toJSON().toString();
        assertTrue(template.contains(":db:shop-replica") && template.contains(":db:shop-orders-replica"), "both replicas are promoted");

        // Every step of the drkit plan is carried out by exactly one block, and the blocks follow the stage order.
        List<String> carried = arc.workflow("failover").orElseThrow().blocks().stream().flatMap(b -> b.steps().stream()).toList();
        assertEquals(drkit.steps().stream().map(PlanStep::path).toList(), carried);
        for (String path : arc.workflow("failover").orElseThrow().blocks().get(1).steps()) {
            assertTrue(((String) blocks.get(1).get("Description")).contains(path), path);
        }
        Map<String, Object> custom = (Map<String, Object>) ((Map<String, Object>) blocks.get(1).get("ExecutionBlockConfiguration"))
                .get("CustomActionLambdaConfig");
        assertEquals("activatingRegion", custom.get("RegionToRun"));

        // Failback: drkit's failback of every step that has a failback rank, run from the recovery Region.
        Map<String, Object> failback = workflows.get(1);
        assertEquals("us-east-1", failback.get("WorkflowTargetRegion"));
        assertEquals(List.of("drkit-failback"), steps(failback).stream().map(b -> b.get("Name")).toList());
        List<String> undone = drkit.failbackOrder().stream().flatMap(List::stream).map(PlanStep::path).toList();
        assertEquals(undone, arc.workflow("failback").orElseThrow().blocks().get(0).steps());
        assertFalse(undone.contains("stages[0].steps[0]"), "a promoted database is never demoted");
        Map<String, Object> back = (Map<String, Object>) ((Map<String, Object>) steps(failback).get(0).get("ExecutionBlockConfiguration"))
                .get("CustomActionLambdaConfig");
        assertEquals("deactivatingRegion", back.get("RegionToRun"));

        assertEquals("activePassive", plan.get("RecoveryApproach"));
        assertEquals(List.of("us-east-1", "us-west-2"), plan.get("Regions"));
        assertEquals("us-east-1", plan.get("PrimaryRegion"));
        assertEquals("drkit-shop", plan.get("Name"));
        assertNull(plan.get("RecoveryTimeObjectiveMinutes"), "no objectives declared, no RTO");
    }

    @Test
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    void constructor_whenFleetHasCounterpart_scalesWithArcThenRunsDrkitFromTheGate() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction failover = ArcFixtures.function(stack, ArcFixtures.scaleOut());
        ArcRegionSwitchPlan arc = new ArcRegionSwitchPlan(stack, "Arc", props(failover)
                .autoScalingCounterparts(List.of(ArcFixtures.counterpart())).build());
        RecoveryPlan drkit = ArcFixtures.read(failover);
        Map<String, Object> plan = planProperties(Template.fromStack(stack));
        List<Map<String, Object>> blocks = steps(((List<Map<String, Object>>) plan.get("Workflows")).get(0));
        assertEquals(List.of("data-promoteDatabase-1", "compute-scaleFleet-1", "drkit-failover"), blocks.stream().map(b -> b.get("Name")).toList());
        assertEquals(List.of("RdsPromoteReadReplica", "EC2AutoScaling", "CustomActionLambda"),
                blocks.stream().map(b -> b.get("ExecutionBlockType")).toList());
        List<String> carried = arc.workflow("failover").orElseThrow().blocks().stream().flatMap(b -> b.steps().stream()).toList();
        assertEquals(drkit.steps().stream().map(PlanStep::path).toList(), carried);
        assertEquals(List.of("stages[2].steps[0]", "stages[3].steps[0]"), arc.workflow("failover").orElseThrow().blocks().get(2).steps());
    }

    @Test
    void constructor_whenDefaults_grantsExecutionRoleOnlyWhatItsBlocksNeed() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction failover = ArcFixtures.function(stack, ArcFixtures.everyKind());
        ArcRegionSwitchPlan arc = new ArcRegionSwitchPlan(stack, "Arc", props(failover).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                "Action", "sts:AssumeRole", "Effect", "Allow", "Principal", Map.of("Service", "arc-region-switch.amazonaws.com"))),
                "Version", "2012-10-17")));
        List<Map<String, Object>> statements = executionRoleStatements(t, stack, arc);
        List<Object> actions = statements.stream().map(s -> s.get("Action")).toList();
        assertTrue(actions.contains(List.of("arc-region-switch:GetPlan", "arc-region-switch:GetPlanExecution", "arc-region-switch:ListPlanExecutions")));
        assertTrue(actions.contains("iam:SimulatePrincipalPolicy"));
        assertTrue(actions.contains(List.of("rds:DescribeDBInstances", "rds:PromoteReadReplica", "rds:ModifyDBInstance")));
        assertTrue(actions.contains(List.of("lambda:GetFunction", "lambda:InvokeFunction")));
        // No Auto Scaling block, so no Auto Scaling statement; nothing mutating on '*'.
        assertFalse(actions.stream().anyMatch(a -> a.toString().contains("autoscaling:")), actions.toString());
        assertTrue(Fixtures.assertNoMutatingActionOnWildcard(t) > 0);
        // The invoker may run drkit's live alias only, and ARC starts it in the recovery Region.
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Runtime", "python3.14", "Handler", "index.handler",
                "ReservedConcurrentExecutions", 1, "Timeout", 780,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DRKIT_FUNCTION", Match.anyValue(), "DRKIT_ARC_STEPS", Match.anyValue())))));
        t.hasResource("AWS::ARCRegionSwitch::Plan", Map.of("DependsOn", Match.anyValue()));
    }

    @Test
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    void constructor_whenApprovalReportsAlarmsAndObjectives_writesThemAll() {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunction failover = ArcFixtures.function(stack, ArcFixtures.everyKind());
        Role approver = Role.Builder.create(stack, "Approver").assumedBy(new AccountRootPrincipal()).build();
        Bucket audit = Bucket.Builder.create(stack, "Audit").bucketName("shop-audit").encryption(BucketEncryption.KMS).build();
        software.amazon.awscdk.services.cloudwatch.Alarm alarm = failover.getErrorsAlarm() instanceof software.amazon.awscdk.services.cloudwatch.Alarm
                ? (software.amazon.awscdk.services.cloudwatch.Alarm) failover.getErrorsAlarm() : null;
        ArcRegionSwitchPlan arc = new ArcRegionSwitchPlan(stack, "Arc", props(failover).approvalRole(approver).reportBucket(audit)
                .healthAlarms(List.of(alarm)).planName("shop-dr").recoveryTimeObjective(Duration.seconds(1801)).build());
        Template t = Template.fromStack(stack);
        Map<String, Object> plan = planProperties(t);
        assertEquals(31, plan.get("RecoveryTimeObjectiveMinutes"), "1801 s rounds up to 31 minutes");
        assertEquals("shop-dr", plan.get("Name"));
        Map<String, Object> report = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) plan.get("ReportConfiguration"))
                .get("ReportOutput")).get(0);
        String bucket = stack.getLogicalId((software.amazon.awscdk.CfnElement) audit.getNode().getDefaultChild());
        assertEquals(Map.of("Fn::Join", List.of("", List.of(Map.of("Ref", bucket), "/arc-region-switch/shop-dr"))),
                ((Map<String, Object>) report.get("S3Configuration")).get("BucketPath"));
        assertEquals("111111111111", ((Map<String, Object>) report.get("S3Configuration")).get("BucketOwner"));
        Map<String, Object> alarms = (Map<String, Object>) plan.get("AssociatedAlarms");
        assertEquals("applicationHealth", ((Map<String, Object>) alarms.get("health-1")).get("AlarmType"));
        for (Object w : (List<Object>) plan.get("Workflows")) {
            assertEquals("ManualApproval", steps((Map<String, Object>) w).get(0).get("ExecutionBlockType"));
        }
        List<Map<String, Object>> statements = executionRoleStatements(t, stack, arc);
        assertTrue(statements.stream().anyMatch(s -> "Reports".equals(s.get("Sid")) && "s3:PutObject".equals(s.get("Action"))));
        assertTrue(statements.stream().anyMatch(s -> "HealthAlarms".equals(s.get("Sid"))));
        assertTrue(statements.stream().anyMatch(s -> List.of("kms:GenerateDataKey", "kms:Encrypt").equals(s.get("Action"))));
        assertTrue(Fixtures.policyStatements(t).stream().anyMatch(s -> s.get("Action") instanceof List
                && ((List<Object>) s.get("Action")).contains("arc-region-switch:ApprovePlanExecutionStep")));
        assertNotNull(alarm);
    }

    /** The statements of the execution role's policy only (the template holds drkit's function's role too). */
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> executionRoleStatements(Template t, Stack stack, ArcRegionSwitchPlan arc) {
        String role = stack.getLogicalId((software.amazon.awscdk.CfnElement) arc.getExecutionRole().getNode().getDefaultChild());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : t.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) r).get("Properties");
            if (props.get("Roles").toString().contains(role)) {
                out.addAll((List<Map<String, Object>>) ((Map<String, Object>) props.get("PolicyDocument")).get("Statement"));
            }
        }
        assertFalse(out.isEmpty(), "the execution role has a policy");
        return out;
    }

    @Test
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    void grantExecute_whenOperatorRole_allowsStartingAndFollowingThisPlanOnly() {
        Stack stack = Fixtures.recoveryStack();
        ArcRegionSwitchPlan arc = new ArcRegionSwitchPlan(stack, "Arc", props(ArcFixtures.function(stack, ArcFixtures.everyKind())).build());
        Role operator = Role.Builder.create(stack, "Operator").assumedBy(new AccountRootPrincipal()).build();
        arc.grantExecute(operator);
        String plan = stack.getLogicalId(arc.getPlan());
        Map<String, Object> statement = Fixtures.policyStatements(Template.fromStack(stack)).stream()
                .filter(s -> s.get("Action") instanceof List && ((List<Object>) s.get("Action")).contains("arc-region-switch:StartPlanExecution"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("Fn::GetAtt", List.of(plan, "Arn")), statement.get("Resource"));
    }

    @Test
    void defaultName_whenApplicationHasOtherCharactersOrIsLong_keepsArcNameRule() {
        assertEquals("drkit-shop-eu", ArcRegionSwitchPlan.defaultName("shop_eu"));
        String name = ArcRegionSwitchPlan.defaultName("a-very-long-application-name-for-the-shop");
        assertTrue(name.length() <= 32 && name.matches(ArcRegionSwitchPlan.NAME_PATTERN), name);
    }
}
