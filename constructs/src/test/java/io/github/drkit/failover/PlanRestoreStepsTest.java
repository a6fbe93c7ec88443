package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.internal.plan.PlanPermissions;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RestoreDatabasePlan;
import io.github.drkit.plan.RestoreImagePlan;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@link PlanRestoreDatabase} and {@link PlanRestoreImage}: their plan steps, stage, scoped statements and validation messages. */
class PlanRestoreStepsTest {
    private static PlanRestoreDatabase.Builder database() {
        return PlanRestoreDatabase.builder().region("us-west-2").sourceDbInstanceIdentifier("orders").dbInstanceIdentifier("orders-restored");
    }

    private static PlanRestoreImage.Builder image() {
        return PlanRestoreImage.builder().region("us-west-2").autoScalingGroupName("web").imageTags(Map.of("drkit:image", "web"))
                .launchTemplateId("lt-0123456789abcdef0");
    }

    private static FailoverPlan plan(RecoveryStep... steps) {
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.BACKUP_RESTORE).primaryRegion("us-east-1")
                .recoveryRegion("us-west-2").otherSteps(List.of(steps)).build();
    }

    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    private static Map<String, Object> statement(List<PolicyStatement> statements, String sid) {
        return (Map<String, Object>) statements.stream().filter(s -> sid.equals(s.getSid())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid)).toStatementJson();
    }

    private static List<PolicyStatement> statements(FailoverPlan plan) {
        Stack stack = new Stack(new App(), "Dr", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
        return PlanPermissions.statements(stack, plan);
    }

    @Test
    void toPlan_whenRestoreSteps_putsThemInTheDataStageWithTheirFields() {
        RecoveryPlan model = plan(database().dbInstanceClass("db.r6g.large").rpo(Duration.hours(4)).build(),
                image().rpo(Duration.days(1)).build()).toPlan();

        assertEquals("data", model.stages().get(0).name());
        var steps = model.stages().get(0).steps();
        assertEquals(new RestoreDatabasePlan("us-west-2", "orders", "orders-restored", "db.r6g.large", null, 14400, steps.get(0).path()),
                steps.get(0));
        assertEquals(new RestoreImagePlan("us-west-2", "web", Map.of("drkit:image", "web"), 86400, steps.get(1).path()), steps.get(1));
    }

    @Test
    void statements_whenRestoreDatabase_scopeTheRestoreToTheNewInstanceAndTheRegionsSnapshots() {
        List<PolicyStatement> statements = statements(plan(database().dbSubnetGroupName("recovery").build()));

        Map<String, Object> restore = statement(statements, "RestoreDatabases");
        assertEquals("rds:RestoreDBInstanceFromDBSnapshot", restore.get("Action"));
        String resources = String.valueOf(restore.get("Resource"));
        assertTrue(resources.contains(":rds:us-west-2:111111111111:db:orders-restored"), resources);
        assertTrue(resources.contains(":rds:us-west-2:111111111111:snapshot:*"), resources);
        assertTrue(resources.contains(":rds:us-west-2:111111111111:subgrp:recovery"), resources);
        Map<String, Object> instances = statement(statements, "RestoredDatabases");
        assertEquals(List.of("rds:DescribeDBInstances", "rds:AddTagsToResource"), instances.get("Action"));
        assertTrue(String.valueOf(instances.get("Resource")).endsWith(":rds:us-west-2:111111111111:db:orders-restored"), instances.toString());
    }

    @Test
    void statements_whenRestoreImage_runOnlyThroughTheTemplateAndPassTheRoleOnlyToEc2() {
        List<PolicyStatement> statements = statements(plan(image().instanceRoleArn("arn:aws:iam::111111111111:role/web").build()));

        Map<String, Object> template = statement(statements, "RestoreImageTemplates");
        assertEquals("ec2:CreateLaunchTemplateVersion", template.get("Action"));
        assertTrue(String.valueOf(template.get("Resource")).endsWith(":ec2:us-west-2:111111111111:launch-template/lt-0123456789abcdef0"),
                template.toString());
        assertTrue(String.valueOf(statement(statements, "RestoreImageRun").get("Condition")).contains("ec2:LaunchTemplate"));
        Map<String, Object> pass = statement(statements, "RestoreImagePassRole");
        assertEquals("arn:aws:iam::111111111111:role/web", pass.get("Resource"));
        assertEquals(Map.of("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com")), pass.get("Condition"));
    }

    @Test
    void build_whenRestoredIdentifierIsTheSource_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreDatabase: dbInstanceIdentifier: must differ from sourceDbInstanceIdentifier (both are"
                + " 'orders'): the restore creates a new instance and never replaces one", () -> database().dbInstanceIdentifier("orders").build());
    }

    @Test
    void build_whenRpoIsBelowASecond_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreDatabase: rpo must be from 1 second to 365 days (got 500 millis)",
                () -> database().rpo(Duration.millis(500)).build());
    }

    @Test
    void build_whenDbInstanceClassIsNotAClass_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreDatabase: dbInstanceClass: must be an RDS DB instance class such as db.r6g.large (got 'large')",
                () -> database().dbInstanceClass("large").build());
    }

    @Test
    void build_whenImageTagsAreEmpty_refusesThem() {
        PlanModelTest.assertMessage("PlanRestoreImage: imageTags: must have 1 to 10 tags (got 0): the copied AMIs are selected by tag",
                () -> image().imageTags(Map.of()).build());
    }

    @Test
    void build_whenLaunchTemplateIdIsMissing_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreImage: launchTemplateId is required", () -> image().launchTemplateId(null).build());
    }

    @Test
    void build_whenRpoIsLongerThanAYear_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreImage: rpo must be from 1 second to 365 days (got 400 days)",
                () -> image().rpo(Duration.days(400)).build());
    }
}
