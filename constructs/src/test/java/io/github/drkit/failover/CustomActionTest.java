package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.ApprovalPlan;
import io.github.drkit.testsupport.Fixtures;
import io.github.drkit.plan.InvokeFunctionPlan;
import io.github.drkit.plan.RecoveryPlan;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;

/** CustomAction and ManualApproval: the steps they write, the stage they join, what the failover role may do, and each rule. */
class CustomActionTest {
    private static IFunction function(Stack stack) {
        return Function.Builder.create(stack, "Flags").runtime(Runtime.PYTHON_3_12).handler("index.handler")
                .code(Code.fromInline("def handler(event, context):\n    return {'changed': True}\n")).build();
    }

    private static FailoverPlan.Builder plan(RecoveryStep... steps) {
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.PILOT_LIGHT).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .instances(List.of(PlanInstances.of("us-west-2", List.of("i-0123456789abcdef0"))))
                .otherSteps(List.of(steps));
    }

    @Test
    void toPlan_whenActionAndApproval_putsThemInTheirStagesWithTheirFields() {
        Stack stack = Fixtures.recoveryStack();
        CustomAction flags = CustomAction.builder().function(function(stack)).payload(Map.of("flag", "read-only")).runOn(CustomAction.RunOn.BOTH)
                .timeout(Duration.seconds(30)).retries(1).stage("data").build();

        RecoveryPlan model = plan(flags, ManualApproval.before("traffic", "Primary down for good?")).build().toPlan();

        assertEquals(List.of("data", "compute", "health", "traffic"), model.stages().stream().map(s -> s.name()).toList());
        InvokeFunctionPlan step = (InvokeFunctionPlan) model.stages().get(0).steps().get(0);
        assertEquals("{\"flag\":\"read-only\"}", step.payload());
        assertEquals(InvokeFunctionPlan.RunOn.BOTH, step.runOn());
        assertEquals(30, step.timeoutSeconds());
        assertEquals(1, step.retries());
        assertEquals(new ApprovalPlan("Primary down for good?"), model.stages().get(3).approval());
    }

    @Test
    void statements_whenCustomActions_grantInvokeAndReadOnTheirFunctionsOnly() {
        Stack stack = Fixtures.recoveryStack();
        IFunction flags = function(stack);
        FailoverPlan plan = plan(CustomAction.builder().function(flags).build(), ManualApproval.before("traffic")).build();

        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan).build());

        Map<String, Object> statement = Fixtures.policyStatements(Template.fromStack(stack)).stream()
                .filter(st -> "CustomActions".equals(st.get("Sid"))).findFirst().orElseThrow();

        assertEquals(List.of("lambda:GetFunctionConfiguration", "lambda:InvokeFunction"), statement.get("Action"));
        String logicalId = stack.resolve(((Function) flags).getNode().getDefaultChild() instanceof software.amazon.awscdk.CfnResource r
                ? r.getLogicalId() : null).toString();
        Map<String, Object> arn = Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
        assertEquals(List.of(arn, Map.of("Fn::Join", List.of("", List.of(arn, ":*")))), statement.get("Resource"));
        // The qualifier wildcard is the one IAM5 finding custom actions add; the role's suppression names it and says why.
        String roleMetadata = Template.fromStack(stack).findResources("AWS::IAM::Role").toString();
        assertEquals(true, roleMetadata.contains("regex=/^Resource::(<[^>]+\\.Arn>|arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:*]+):\\*$/"),
                roleMetadata);
        assertEquals(true, java.util.regex.Pattern.compile("^Resource::(<[^>]+\\.Arn>|arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:*]+):\\*$")
                .matcher("Resource::<" + logicalId + ".Arn>:*").matches());
    }

    @Test
    void build_whenTimeoutBeyondFifteenMinutes_refusesNamingTimeout() {
        Stack stack = Fixtures.recoveryStack();
        PlanModelTest.assertMessage("CustomAction: timeout must be from 1 to 900 seconds, as long as a Lambda function may run (got 16 minutes)",
                () -> CustomAction.builder().function(function(stack)).timeout(Duration.minutes(16)).build());
    }

    @Test
    void build_whenTimeoutIsAToken_refusesNamingTimeout() {
        Stack stack = Fixtures.recoveryStack();
        Duration token = Duration.seconds(CfnParameter.Builder.create(stack, "Timeout").type("Number").build().getValueAsNumber());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomAction.builder().function(function(stack)).timeout(token).build());
        assertTrue(e.getMessage().startsWith("CustomAction: timeout must be known at synth time, not a deploy-time token (got "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): the plan bounds each attempt by it and the recovery time check adds it"), e.getMessage());
    }

    @Test
    void build_whenRetriesOutOfRange_refusesNamingRetries() {
        Stack stack = Fixtures.recoveryStack();
        PlanModelTest.assertMessage("CustomAction: retries: must be between 0 and 5 (got 6)",
                () -> CustomAction.builder().function(function(stack)).retries(6).build());
    }

    @Test
    void build_whenPayloadUsesTheReservedField_refusesNamingIt() {
        Stack stack = Fixtures.recoveryStack();
        PlanModelTest.assertMessage("CustomAction: payload.drkit: is reserved: the runtime writes the idempotency key, application, action,"
                        + " step and run id there",
                () -> CustomAction.builder().function(function(stack)).payload(Map.of("drkit", "mine")).build());
    }

    @Test
    void build_whenNoFunction_refusesNamingFunction() {
        PlanModelTest.assertMessage("CustomAction: function is required", () -> CustomAction.builder().build());
    }

    @Test
    void build_whenFunctionInAnotherPartitionThanThePlan_refusesNamingFunctionArn() {
        Stack stack = Fixtures.recoveryStack();
        IFunction china = Function.fromFunctionArn(stack, "China", "arn:aws-cn:lambda:cn-north-1:111111111111:function:flags");

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan(CustomAction.builder().function(china).build()).build());

        assertEquals(true, e.getMessage().contains("functionArn: must be in partition 'aws' of the plan's Region us-west-2"), e.getMessage());
    }

    @Test
    void build_whenTwoApprovalsGuardOneStage_refuses() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan(ManualApproval.before("traffic"), ManualApproval.before("traffic")).build());

        assertEquals(true, e.getMessage().matches("FailoverPlan: stages\\[2\\]\\.steps\\[1\\]\\.kind: is a second approval in stages\\[2\\] .*"),
                e.getMessage());
    }

    @Test
    void before_whenMessageSpansLines_refusesNamingMessage() {
        PlanModelTest.assertMessage("ManualApproval: message: must be 1-1024 characters on one line, starting with a visible character (got 'a\nb')",
                () -> ManualApproval.before("traffic", "a\nb"));
    }

    @Test
    void build_whenApprovalNamesNoStageOfFailoverPlan_refusesNamingTheStages() {
        PlanModelTest.assertMessage("FailoverPlan: otherSteps[0] (approval) names stage 'dns'; a step joins one of [data, compute, traffic]",
                () -> plan(ManualApproval.before("dns")).build());
    }
}
