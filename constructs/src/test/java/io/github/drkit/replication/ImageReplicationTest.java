package io.github.drkit.replication;

import io.github.drkit.internal.protection.NagFindings;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageReplicationTest {

    private static Stack stack() {
        return new Stack(new App(), "Images", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    }

    @Test
    void constructor_whenVolumeSnapshots_copiesToRecoveryRegion() {
        Stack stack = stack();
        ImageReplication r = new ImageReplication(stack, "Snapshots", ImageReplicationProps.builder()
                .targetTags(Map.of("dr", "snapshot"))
                .interval(Duration.hours(4))
                .retainCount(12)
                .copyTo(List.of(RegionCopy.builder().targetRegion("us-west-2").retention(Duration.days(14))
                        .encryptionKeyArn("arn:aws:kms:us-west-2:111111111111:key/abc").build()))
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::DLM::LifecyclePolicy", Match.objectLike(Map.of(
                "State", "ENABLED",
                "Description", "drkit volume snapshots to us-west-2",
                "ExecutionRoleArn", Match.anyValue(),
                "PolicyDetails", Map.of(
                        "PolicyType", "EBS_SNAPSHOT_MANAGEMENT",
                        "ResourceTypes", List.of("VOLUME"),
                        "TargetTags", List.of(Map.of("Key", "dr", "Value", "snapshot")),
                        "Schedules", List.of(Map.of(
                                "Name", "Every 4 h",
                                "CopyTags", true,
                                "CreateRule", Map.of("Interval", 4, "IntervalUnit", "HOURS", "Times", List.of("05:00")),
                                "RetainRule", Map.of("Count", 12),
                                "CrossRegionCopyRules", List.of(Map.of(
                                        "TargetRegion", "us-west-2",
                                        "Encrypted", true,
                                        "CmkArn", "arn:aws:kms:us-west-2:111111111111:key/abc",
                                        "CopyTags", true,
                                        "RetainRule", Map.of("Interval", 14, "IntervalUnit", "DAYS")))))))));
        t.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "dlm.amazonaws.com")))))),
                "ManagedPolicyArns", List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole")))))));
        assertEquals(java.time.Duration.ofHours(4), r.getInterval());
    }

    @Test
    void constructor_whenAmis_usesImageManagementWithoutReboot() {
        Stack stack = stack();
        new ImageReplication(stack, "Amis", ImageReplicationProps.builder()
                .kind(ImageKind.AMIS).targetTags(Map.of("dr", "ami")).copyTo(List.of(RegionCopy.to("us-west-2", Duration.days(7)))).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::DLM::LifecyclePolicy", Match.objectLike(Map.of(
                "PolicyDetails", Match.objectLike(Map.of(
                        "PolicyType", "IMAGE_MANAGEMENT",
                        "ResourceTypes", List.of("INSTANCE"),
                        "Parameters", Map.of("NoReboot", true),
                        "Schedules", List.of(Match.objectLike(Map.of(
                                "CreateRule", Map.of("Interval", 24, "IntervalUnit", "HOURS", "Times", List.of("05:00")),
                                "CrossRegionCopyRules", List.of(Map.of("TargetRegion", "us-west-2", "Encrypted", true, "CopyTags", true,
                                        "RetainRule", Map.of("Interval", 7, "IntervalUnit", "DAYS")))))))))));
        t.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "ManagedPolicyArns", List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRoleForAMIManagement")))))));
    }

    @Test
    void constructor_whenInstanceSnapshotsAndGivenRole_usesRole() {
        Stack stack = stack();
        Role role = Role.Builder.create(stack, "Mine").assumedBy(new AccountRootPrincipal()).build();
        ImageReplication r = new ImageReplication(stack, "Sets", ImageReplicationProps.builder()
                .kind(ImageKind.INSTANCE_SNAPSHOTS).targetTags(Map.of("dr", "set")).executionRole(role).build());
        Template t = Template.fromStack(stack);
        t.resourceCountIs("AWS::IAM::Role", 1);
        t.hasResourceProperties("AWS::DLM::LifecyclePolicy", Match.objectLike(Map.of(
                "Description", "drkit instance snapshots to this Region",
                "PolicyDetails", Match.objectLike(Map.of("PolicyType", "EBS_SNAPSHOT_MANAGEMENT", "ResourceTypes", List.of("INSTANCE"),
                        "Parameters", Match.absent())))));
        assertEquals(role, r.getExecutionRole());
    }

    @Test
    void awsSolutionsChecks_whenAmiReplication_reportNoUnsuppressedFinding() {
        Stack stack = stack();
        new ImageReplication(stack, "Amis", ImageReplicationProps.builder()
                .kind(ImageKind.AMIS).targetTags(Map.of("dr", "ami")).copyTo(List.of(RegionCopy.to("us-west-2", Duration.days(7)))).build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }

    private static String message(ImageReplicationProps.Builder p) {
        return assertThrows(IllegalArgumentException.class, () -> new ImageReplication(stack(), "R", p.build())).getMessage();
    }

    private static ImageReplicationProps.Builder tagged() {
        return ImageReplicationProps.builder().targetTags(Map.of("dr", "x"));
    }

    @Test
    void constructor_whenNoTags_fails() {
        assertEquals("ImageReplication: targetTags must not be empty: Data Lifecycle Manager selects volumes and instances by tag",
                message(ImageReplicationProps.builder()));
    }

    @Test
    void constructor_whenIntervalUnsupported_fails() {
        assertEquals("ImageReplication: interval must be 1, 2, 3, 4, 6, 8, 12 or 24 hours (got 5 hours): the intervals Data "
                + "Lifecycle Manager schedules", message(tagged().interval(Duration.hours(5))));
        assertEquals("ImageReplication: interval must be 1, 2, 3, 4, 6, 8, 12 or 24 hours (got 30 minutes): the intervals Data "
                + "Lifecycle Manager schedules", message(tagged().interval(Duration.minutes(30))));
    }

    @Test
    void constructor_whenStartTimeMalformed_fails() {
        assertEquals("ImageReplication: startTime must be HH:MM in UTC (got '5am')", message(tagged().startTime("5am")));
    }

    @Test
    void constructor_whenRetainCountOutOfRange_fails() {
        assertEquals("ImageReplication: retainCount must be between 1 and 1000 (got 0)", message(tagged().retainCount(0)));
    }

    @Test
    void constructor_whenMoreThanThreeRegions_fails() {
        assertEquals("ImageReplication: copyTo must name at most 3 Regions (got 4): a DLM schedule has at most 3 cross-Region copy rules",
                message(tagged().copyTo(List.of(RegionCopy.to("us-west-1", Duration.days(1)), RegionCopy.to("us-west-2", Duration.days(1)),
                        RegionCopy.to("eu-west-1", Duration.days(1)), RegionCopy.to("eu-central-1", Duration.days(1))))));
    }

    @Test
    void constructor_whenCopyToOwnRegion_fails() {
        assertEquals("ImageReplication: copyTo[0].targetRegion must differ from the policy's Region (got us-east-1)",
                message(tagged().copyTo(List.of(RegionCopy.to("us-east-1", Duration.days(1))))));
    }

    @Test
    void constructor_whenCopyRetentionFractional_fails() {
        assertEquals("ImageReplication: copyTo[0].retention must be a whole number of days, at least 1 (got 12 hours)",
                message(tagged().copyTo(List.of(RegionCopy.to("us-west-2", Duration.hours(12))))));
    }

    @Test
    void constructor_whenStartTimeAndRebootChosen_appliesThem() {
        Stack stack = stack();
        new ImageReplication(stack, "Amis", ImageReplicationProps.builder()
                .kind(ImageKind.AMIS).targetTags(Map.of("dr", "ami")).startTime("23:30").noReboot(false).build());
        Template.fromStack(stack).hasResourceProperties("AWS::DLM::LifecyclePolicy", Match.objectLike(Map.of(
                "PolicyDetails", Match.objectLike(Map.of(
                        "Parameters", Map.of("NoReboot", false),
                        "Schedules", List.of(Match.objectLike(Map.of(
                                "CreateRule", Map.of("Interval", 24, "IntervalUnit", "HOURS", "Times", List.of("23:30")),
                                "CrossRegionCopyRules", Match.absent()))))))));
    }
}
