package io.github.drkit.crossaccount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsZone;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.PlanReader;
import io.github.drkit.plan.PlanWriter;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class WorkloadAccountRoleTest {
    private static final String WORKLOAD = "222222222222";
    private static final String FAILOVER_ROLE = "arn:aws:iam::" + Fixtures.ACCOUNT + ":role/drkit-shop-failover";

    private static Stack workloadStack() {
        return new Stack(new App(), "Workload", StackProps.builder()
                .env(Environment.builder().account(WORKLOAD).region("us-west-2").build()).build());
    }

    private static PlanFleet fleet() {
        return PlanFleet.builder().region("us-west-2").autoScalingGroupName("shop-app")
                .standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(2, 4, 8)).build();
    }

    private static WorkloadAccountRoleProps.Builder props() {
        return WorkloadAccountRoleProps.builder().failoverRoleArn(FAILOVER_ROLE).roleName("drkit-shop-workload").steps(List.of(fleet()));
    }

    @Test
    void constructor_whenGivenSteps_trustsTheFailoverRoleAloneWithSessionTags() {
        Stack stack = workloadStack();
        WorkloadAccountRole role = new WorkloadAccountRole(stack, "Workload", props().build());

        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "drkit-shop-workload",
                "MaxSessionDuration", 3600,
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", FAILOVER_ROLE),
                        "Action", List.of("sts:AssumeRole", "sts:TagSession"))), "Version", "2012-10-17")));
        assertEquals("arn:aws:iam::" + WORKLOAD + ":role/drkit-shop-workload", role.getRoleArn());
    }

    @Test
    void constructor_whenGivenAFleet_grantsItsStatementsScopedToThisAccount() {
        Stack stack = workloadStack();
        new WorkloadAccountRole(stack, "Workload", props().build());

        List<Map<String, Object>> statements = Fixtures.policyStatements(Template.fromStack(stack));
        Map<String, Object> fleets = statements.stream().filter(s -> "Fleets".equals(s.get("Sid"))).findFirst().orElseThrow();

        assertEquals("autoscaling:UpdateAutoScalingGroup", fleets.get("Action"));
        assertTrue(Template.fromStack(stack).toJSON().toString().contains(":autoscaling:us-west-2:" + WORKLOAD
                + ":autoScalingGroup:*:autoScalingGroupName/shop-app"), () -> fleets.toString());
        assertTrue(Fixtures.assertNoMutatingActionOnWildcard(Template.fromStack(stack)) > 0, "the fleet update is checked: it names its group");
    }

    @Test
    void constructor_whenExternalIdIsSet_trustPolicyAsksForIt() {
        Stack stack = workloadStack();
        WorkloadAccountRole role = new WorkloadAccountRole(stack, "Workload", props().externalId("shop-dr-7f3a").build());

        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Condition", Map.of("StringEquals", Map.of("sts:ExternalId", "shop-dr-7f3a"))))),
                "Version", "2012-10-17")));
        assertEquals(AssumeRole.of(role.getRoleArn(), "shop-dr-7f3a"), role.assume(fleet()).assumeRole());
    }

    @Test
    void failoverFunction_whenPlanHasAStepInAnotherAccount_mayOnlyAssumeItsRole() {
        WorkloadAccountRole workload = new WorkloadAccountRole(workloadStack(), "Workload", props().build());
        Stack stack = Fixtures.recoveryStack();
        FailoverPlan plan = FailoverPlan.builder().application("shop").strategy(DrStrategy.WARM_STANDBY).primaryRegion("us-east-1")
                .recoveryRegion("us-west-2")
                .dns(List.of(PlanDnsZone.of("Z0123456789ABC", List.of(
                        PlanDnsRecord.weighted("app.example.com", "A", "primary", 100, 0),
                        PlanDnsRecord.weighted("app.example.com", "A", "recovery", 0, 100)))))
                .otherSteps(List.of(workload.assume(fleet())))
                .build();

        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan).roleName("drkit-shop-failover").build());

        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("RoleName", "drkit-shop-failover")));
        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        Map<String, Object> assume = statements.stream().filter(s -> "AssumeWorkloadRoles".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertEquals(List.of("sts:AssumeRole", "sts:TagSession"), assume.get("Action"));
        assertEquals(workload.getRoleArn(), assume.get("Resource"));
        assertTrue(statements.stream().noneMatch(s -> String.valueOf(s.get("Action")).contains("autoscaling:")),
                "the fleet's own actions are the workload role's, not the failover role's: " + statements);
        RecoveryPlan written = PlanReader.strict().read(PlanWriter.render(plan.toJson()));
        FleetPlan step = written.fleets().get(0);
        assertEquals(workload.getRoleArn(), written.assumeRole(step).roleArn());
        assertEquals("222222222222", written.assumeRole(step).account());
    }

    @Test
    void assume_whenStepAlreadyAssumesARole_isRefused() {
        CrossAccountStep once = CrossAccountStep.of(fleet(), "arn:aws:iam::333333333333:role/other");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossAccountStep.of(once, "arn:aws:iam::222222222222:role/drkit-shop-workload"));

        assertEquals("CrossAccountStep: step already assumes arn:aws:iam::333333333333:role/other; a step runs with one role "
                + "(got arn:aws:iam::222222222222:role/drkit-shop-workload as well)", e.getMessage());
    }

    @Test
    void failoverPlan_whenRoleArnIsMalformed_namesTheField() {
        RecoveryStep step = CrossAccountStep.of(fleet(), "arn:aws:iam::2222:role/x");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FailoverPlan.builder().application("shop")
                .strategy(DrStrategy.WARM_STANDBY).recoveryRegion("us-west-2").otherSteps(List.of(step)).build());

        assertTrue(e.getMessage().contains("stages[0].steps[0].assumeRole.roleArn: must be an IAM role ARN"), e.getMessage());
        assertTrue(e.getMessage().contains("(got 'arn:aws:iam::2222:role/x')"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "failoverRoleArn|WorkloadAccountRole: failoverRoleArn must be an IAM role ARN, arn:<partition>:iam::<account>:role/<name> (got 'arn:aws:iam::111111111111:user/ops')",
            "roleName|WorkloadAccountRole: roleName must be 1-64 letters, digits or +=,.@_- (got 'drkit shop')",
            "externalId|WorkloadAccountRole: externalId must be 2-1224 letters, digits or +=,.@:/_- (got 'x')",
            "maxSessionDuration|WorkloadAccountRole: maxSessionDuration must be from 1 to 12 hours, as IAM allows (got 1800 s)",
            "steps|WorkloadAccountRole: steps must not be empty"})
    void constructor_whenPropIsBad_namesPropValueAndRule(String prop, String message) {
        Map<String, UnaryOperator<WorkloadAccountRoleProps.Builder>> bad = Map.of(
                "failoverRoleArn", b -> b.failoverRoleArn("arn:aws:iam::111111111111:user/ops"),
                "roleName", b -> b.roleName("drkit shop"),
                "externalId", b -> b.externalId("x"),
                "maxSessionDuration", b -> b.maxSessionDuration(Duration.minutes(30)),
                "steps", b -> b.steps(List.of()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkloadAccountRole(workloadStack(), "Workload", bad.get(prop).apply(props()).build()));

        assertEquals(message, e.getMessage());
    }

    @Test
    void constructor_whenStackHasNoAccount_isRefused() {
        Stack stack = new Stack(new App(), "Agnostic");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkloadAccountRole(stack, "Workload", props().build()));

        assertEquals("WorkloadAccountRole: the stack's account must be set (env.account) so that the failover stack, in another account, "
                + "can name the role in its plan (got an account known only at deploy time)", e.getMessage());
    }
}
