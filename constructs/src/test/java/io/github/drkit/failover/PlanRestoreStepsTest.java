package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.internal.plan.PlanPermissions;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RestoreDatabasePlan;
import io.github.drkit.plan.RestoreImagePlan;
import io.github.drkit.plan.RestoreVolumePlan;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@link PlanRestoreDatabase}, {@link PlanRestoreImage} and {@link PlanRestoreVolume}: their plan steps, stage, scoped statements and validation messages. */
class PlanRestoreStepsTest {
    private static PlanRestoreDatabase.Builder database() {
        return PlanRestoreDatabase.builder().region("us-west-2").sourceDbInstanceIdentifier("orders").dbInstanceIdentifier("orders-restored");
    }

    private static PlanRestoreImage.Builder image() {
        return PlanRestoreImage.builder().region("us-west-2").autoScalingGroupName("web").imageTags(Map.of("drkit:image", "web"))
                .launchTemplateId("lt-0123456789abcdef0");
    }

    private static PlanRestoreVolume.Builder volume() {
        return PlanRestoreVolume.builder().region("us-west-2").availabilityZone("us-west-2a").snapshotTags(Map.of("drkit:volume", "data"))
                .volumeName("data-restored");
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
    void toPlan_whenSecurityGroups_carriesThemToTheStep() {
        RecoveryPlan model = plan(database().vpcSecurityGroupIds(List.of("sg-0123abcd", "sg-0123456789abcdef0")).build()).toPlan();

        assertEquals(List.of("sg-0123abcd", "sg-0123456789abcdef0"),
                ((RestoreDatabasePlan) model.stages().get(0).steps().get(0)).vpcSecurityGroupIds());
    }

    @Test
    void builder_whenASecurityGroupIdIsMalformed_namesTheElementAndTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> database().vpcSecurityGroupIds(List.of("default")).build());

        assertEquals("PlanRestoreDatabase: vpcSecurityGroupIds[0]: must be a VPC security group id, sg- and 8 or 17 hex digits (got 'default')",
                e.getMessage());
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

    @Test
    void toPlan_whenRestoreVolume_putsItInTheDataStageWithItsFields() {
        RecoveryPlan model = plan(volume().volumeType("gp3").attachInstanceId("i-0123456789abcdef0").attachDevice("/dev/sdf")
                .rpo(Duration.days(1)).build()).toPlan();

        assertEquals("data", model.stages().get(0).name());
        var step = model.stages().get(0).steps().get(0);
        assertEquals(new RestoreVolumePlan("us-west-2", "us-west-2a", Map.of("drkit:volume", "data"), "data-restored", "gp3",
                new RestoreVolumePlan.Attachment("i-0123456789abcdef0", "/dev/sdf"), 86400, step.path()), step);
    }

    @Test
    void statements_whenRestoreVolume_createOnlyWithThePlansNamesAndAttachOnlyThoseToThePlansInstances() {
        List<PolicyStatement> statements = statements(plan(volume().attachInstanceId("i-0123456789abcdef0").attachDevice("/dev/sdf").build()));

        Map<String, Object> create = statement(statements, "RestoreVolumeCreate");
        assertEquals("ec2:CreateVolume", create.get("Action"));
        assertTrue(String.valueOf(create.get("Resource")).endsWith(":ec2:us-west-2:111111111111:volume/*"), create.toString());
        assertEquals(Map.of("StringEquals", Map.of("aws:RequestTag/drkit:restored-volume", List.of("data-restored"))), create.get("Condition"));
        assertTrue(String.valueOf(statement(statements, "RestoreVolumeFromSnapshots").get("Resource")).endsWith(":ec2:us-west-2::snapshot/*"));
        Map<String, Object> tag = statement(statements, "RestoreVolumeTagOnCreate");
        assertEquals("ec2:CreateTags", tag.get("Action"));
        assertEquals(Map.of("StringEquals", Map.of("ec2:CreateAction", "CreateVolume")), tag.get("Condition"));
        Map<String, Object> to = statement(statements, "RestoreVolumeAttachTo");
        assertEquals("ec2:AttachVolume", to.get("Action"));
        assertTrue(String.valueOf(to.get("Resource")).endsWith(":ec2:us-west-2:111111111111:instance/i-0123456789abcdef0"), to.toString());
        assertEquals(Map.of("StringEquals", Map.of("aws:ResourceTag/drkit:restored-volume", List.of("data-restored"))),
                statement(statements, "RestoreVolumeAttach").get("Condition"));
    }

    @Test
    void statements_whenRestoreVolumeAttachesNothing_grantNoAttachment() {
        List<PolicyStatement> statements = statements(plan(volume().build()));

        assertTrue(statements.stream().noneMatch(s -> s.getActions().contains("ec2:AttachVolume")), statements.toString());
    }

    @Test
    void build_whenZoneIsOfAnotherRegion_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreVolume: availabilityZone: must be an Availability Zone of the step's Region us-west-2 (got"
                + " 'us-east-1a'): the volume is restored where the snapshot copies are", () -> volume().availabilityZone("us-east-1a").build());
    }

    @Test
    void build_whenAttachDeviceComesAlone_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreVolume: attachInstanceId and attachDevice go together (got attachDevice '/dev/sdf' alone):"
                + " the volume is attached to an instance under a device name, or not at all", () -> volume().attachDevice("/dev/sdf").build());
    }

    @Test
    void build_whenVolumeTypeIsUnknown_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreVolume: volumeType: must be one of gp2, gp3, io1, io2, sc1, st1, standard (got 'gp4')",
                () -> volume().volumeType("gp4").build());
    }

    @Test
    void build_whenSnapshotTagsAreMissing_refusesThem() {
        PlanModelTest.assertMessage("PlanRestoreVolume: snapshotTags is required", () -> volume().snapshotTags(null).build());
    }

    @Test
    void build_whenAttachDeviceIsTheRootDevice_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreVolume: attachTo.device: must be a device name such as /dev/sdf or xvdf (got '/dev/sda1')",
                () -> volume().attachInstanceId("i-0123456789abcdef0").attachDevice("/dev/sda1").build());
    }

    @Test
    void toPlan_whenPointInTime_writesTheSource() {
        RecoveryPlan model = plan(database().pointInTime(true).build()).toPlan();

        RestoreDatabasePlan step = (RestoreDatabasePlan) model.stages().get(0).steps().get(0);
        assertEquals("pointInTime", step.source());
    }

    @Test
    void statements_whenPointInTime_grantTheRegionsAutomatedBackupsAndOnlyThen() {
        List<PolicyStatement> statements = statements(plan(database().pointInTime(true).build()));

        Map<String, Object> backups = statement(statements, "DatabaseAutomatedBackups");
        assertEquals("rds:DescribeDBInstanceAutomatedBackups", backups.get("Action"));
        assertTrue(String.valueOf(backups.get("Resource")).endsWith(":rds:us-west-2:111111111111:auto-backup:*"), backups.toString());
        Map<String, Object> restore = statement(statements, "RestoreDatabasesToPointInTime");
        assertEquals("rds:RestoreDBInstanceToPointInTime", restore.get("Action"));
        String resources = String.valueOf(restore.get("Resource"));
        assertTrue(resources.contains(":rds:us-west-2:111111111111:auto-backup:*"), resources);
        assertTrue(resources.contains(":rds:us-west-2:111111111111:db:orders-restored"), resources);
        assertTrue(statements.stream().noneMatch(s -> s.getActions().contains("rds:RestoreDBInstanceFromDBSnapshot")), statements.toString());
        assertTrue(statements(plan(database().build())).stream().noneMatch(s -> s.getActions().contains("rds:RestoreDBInstanceToPointInTime")
                || s.getActions().contains("rds:DescribeDBInstanceAutomatedBackups")));
    }
}
