package io.github.drkit.internal.plan;

import io.github.drkit.plan.RuntimePermissions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanDatabase;
import io.github.drkit.failover.PlanRestoreDatabase;
import io.github.drkit.failover.PlanRestoreImage;
import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsZone;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.failover.PlanInstances;
import io.github.drkit.failover.PlanSiteSwitch;
import io.github.drkit.failover.PlanStorage;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The failover role grants what the runtime's calls need: for every step kind of the table, the role built for a
 * plan that uses it holds every action of that kind, implicit ones included. The runtime's own calls are held to
 * the same table by drkit-lambda's {@code PermissionTableScenarioTest}.
 */
class RuntimePermissionsTest {
    private static Map.Entry<String, UnaryOperator<FailoverPlan.Builder>> kind(String kind, UnaryOperator<FailoverPlan.Builder> plan) {
        return Map.entry(kind, plan);
    }

    /** The kinds a plan's steps can have; every kind of the table is one of them. */
    private static final Map<String, UnaryOperator<FailoverPlan.Builder>> PLANS = Map.ofEntries(
            kind("database", b -> b.databases(List.of(PlanDatabase.of("us-west-2", "shop-replica")))),
            kind("instances", b -> b.instances(List.of(PlanInstances.of("us-west-2", List.of("i-0123456789abcdef0"))))),
            kind("fleet", b -> b.fleets(List.of(fleet(false)))),
            kind("vertical-scaling", b -> b.fleets(List.of(fleet(true)))),
            kind("dns", b -> b.dns(List.of(PlanDnsZone.of("Z0123456789ABC", List.of(
                    PlanDnsRecord.weighted("app.example.com", "A", "primary", 100, 0),
                    PlanDnsRecord.weighted("app.example.com", "A", "recovery", 0, 100)))))),
            kind("site-switch", b -> b.siteSwitches(List.of(PlanSiteSwitch.of("us-east-1", "primary", "drkit", "SiteEnabled",
                    Map.of("Application", "shop", "Site", "primary"), 1, 0)))),
            kind("restore-database", b -> b.otherSteps(List.of(PlanRestoreDatabase.builder().region("us-west-2")
                    .sourceDbInstanceIdentifier("shop-orders").dbInstanceIdentifier("shop-orders-restored").build(),
                    PlanRestoreDatabase.builder().region("us-west-2").sourceDbInstanceIdentifier("shop-ledger")
                            .dbInstanceIdentifier("shop-ledger-restored").pointInTime(true).build()))),
            kind("restore-image", b -> b.otherSteps(List.of(PlanRestoreImage.builder().region("us-west-2").autoScalingGroupName("shop-batch")
                    .imageTags(Map.of("drkit:image", "shop-batch")).launchTemplateId("lt-0123456789abcdef0")
                    .instanceRoleArn("arn:aws:iam::111111111111:role/shop-batch").build()))),
            kind("restore-volume", b -> b.otherSteps(List.of(io.github.drkit.failover.PlanRestoreVolume.builder().region("us-west-2")
                    .availabilityZone("us-west-2a").snapshotTags(Map.of("drkit:volume", "shop-data")).volumeName("shop-data")
                    .attachInstanceId("i-0123456789abcdef0").attachDevice("/dev/sdf").build()))),
            // Every plan notifies: the topic check and the report go to the notification topic.
            kind("notifications", b -> b.databases(List.of(PlanDatabase.of("us-west-2", "shop-replica")))),
            // Kept in SSM by the test's PlanStorage.PARAMETER below.
            kind("plan-parameter", b -> b.databases(List.of(PlanDatabase.of("us-west-2", "shop-replica")))),
            // Every function may evaluate its plan, whatever the plan holds.
            kind("readiness", b -> b.databases(List.of(PlanDatabase.of("us-west-2", "shop-replica")))),
            // Every function keeps its reports in the audit bucket.
            kind("audit", b -> b.databases(List.of(PlanDatabase.of("us-west-2", "shop-replica")))),
            // A fleet in another account: the failover role may only assume that account's role.
            kind("cross-account", b -> b.otherSteps(List.of(io.github.drkit.crossaccount.CrossAccountStep.of(fleet(false),
                    "arn:aws:iam::222222222222:role/drkit-workload")))),
            kind("global-database", b -> b.otherSteps(List.of(io.github.drkit.failover.PlanGlobalDatabase.of("us-west-2", "shop-global",
                    "shop-secondary", null, 1)))),
            kind("global-table", b -> b.otherSteps(List.of(io.github.drkit.failover.PlanGlobalTable.of("us-west-2", "shop-carts", "us-east-1", 30)))),
            kind("ecs-service", b -> b.otherSteps(List.of(io.github.drkit.failover.PlanEcsService.builder().region("us-west-2").clusterName("shop")
                    .serviceName("web").standbyDesiredCount(0).recoveryDesiredCount(2).build()))),
            kind("eks-nodegroup", b -> b.otherSteps(List.of(io.github.drkit.failover.PlanNodegroup.builder().region("us-west-2").clusterName("shop")
                    .nodegroupName("workers").standby(io.github.drkit.failover.Capacity.of(0, 0, 2))
                    .recovery(io.github.drkit.failover.Capacity.of(1, 2, 4)).build()))),
            kind("restore-backup", b -> b.otherSteps(List.of(io.github.drkit.failover.PlanRestoreBackup.builder().region("us-west-2")
                    .backupVaultName("shop-recovery").resourceType("EBS").resourceArn("arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0")
                    .restoreRoleArn("arn:aws:iam::111111111111:role/shop-backup-restore")
                    .restoreMetadata(Map.of("availabilityZone", "us-west-2a")).build()))),
            kind("custom-action", b -> b.otherSteps(List.of(io.github.drkit.failover.CustomAction.builder()
                    .function(software.amazon.awscdk.services.lambda.Function.fromFunctionArn(new Stack(new software.amazon.awscdk.App(), "Functions"),
                            "Flags", "arn:aws:lambda:us-west-2:111111111111:function:shop-flags")).build()))));

    @Test
    void table_whenRead_namesOnlyKnownKindsAndScopes() {
        Set<String> kinds = RuntimePermissions.rows().stream().map(RuntimePermissions.Row::kind).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(PLANS.keySet());
        // The CLI's own web identity credentials: the role's trust policy allows them, no plan grants them.
        expected.add("credentials");
        // The archive CLI's inventory search: ArchiveCatalog grants it, no plan does.
        expected.add("archive-search");
        // The restore testing validation function: BackupVault grants it, no plan does.
        expected.add("restore-validation");
        assertEquals(expected, kinds);
        for (RuntimePermissions.Row row : RuntimePermissions.rows()) {
            assertTrue(row.action().matches("[a-z0-9-]+:[A-Za-z0-9*]+"), "not an IAM action: " + row);
            // AWS authorizes Lambda's Invoke as lambda:InvokeFunction, the one operation whose action has another name.
            boolean renamed = row.operation().equals("Invoke") && row.action().equals("lambda:InvokeFunction")
                    // S3 authorizes a listing of a bucket's objects as s3:ListBucket.
                    || row.operation().equals("ListObjectsV2") && row.action().equals("s3:ListBucket");
            assertTrue(row.implicit() || renamed || row.action().endsWith(":" + row.operation()), "a called row names its operation's action: " + row);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"database", "instances", "fleet", "vertical-scaling", "dns", "site-switch", "restore-database", "restore-image",
            "restore-volume", "notifications", "plan-parameter", "readiness", "audit", "cross-account",
            "global-database", "global-table", "ecs-service", "eks-nodegroup", "custom-action", "restore-backup"})
    void role_whenPlanUsesKind_grantsEveryActionTheTableLists(String kind) {
        Set<String> granted = grantedActions(kind);

        List<String> missing = new ArrayList<>(RuntimePermissions.actions(kind));
        missing.removeAll(granted);

        assertEquals(List.of(), missing, kind + " needs these actions the role does not grant; it grants " + granted);
    }

    @Test
    void role_whenPlanPromotesDatabase_grantsPromotionAndItsTag() {
        Set<String> granted = grantedActions("database");

        assertTrue(granted.containsAll(List.of("rds:AddTagsToResource", "rds:PromoteReadReplica", "rds:DescribeDBInstances")), granted.toString());
    }

    @Test
    void role_whenFleetScalesVertically_grantsImplicitActionsThroughItsLaunchTemplateOnly() {
        Stack stack = Fixtures.recoveryStack();
        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan("vertical-scaling")).build());

        Map<String, Object> run = Fixtures.policyStatements(Template.fromStack(stack)).stream()
                .filter(s -> "RunFromLaunchTemplates".equals(s.get("Sid"))).findFirst().orElseThrow();

        assertEquals(List.of("ec2:RunInstances", "ec2:CreateTags"), run.get("Action"));
        assertTrue(((Map<?, ?>) run.get("Condition")).containsKey("ArnLike"), run.toString());
    }

    private static Set<String> grantedActions(String kind) {
        Stack stack = Fixtures.recoveryStack();
        FailoverFunctionProps.Builder props = FailoverFunctionProps.builder().plan(plan(kind));
        if (kind.equals("plan-parameter")) {
            props.planStorage(PlanStorage.PARAMETER);
        }
        new FailoverFunction(stack, "Failover", props.build());
        Set<String> granted = new TreeSet<>();
        for (Map<String, Object> statement : Fixtures.policyStatements(Template.fromStack(stack))) {
            if ("Allow".equals(statement.get("Effect"))) {
                Object action = statement.get("Action");
                for (Object a : action instanceof List ? (List<?>) action : List.of(action)) {
                    granted.add((String) a);
                }
            }
        }
        return granted;
    }

    private static FailoverPlan plan(String kind) {
        FailoverPlan.Builder builder = FailoverPlan.builder().application("shop").strategy(DrStrategy.WARM_STANDBY)
                .primaryRegion("us-east-1").recoveryRegion("us-west-2");
        return PLANS.get(kind).apply(builder).build();
    }

    private static PlanFleet fleet(boolean vertical) {
        PlanFleet.Builder fleet = PlanFleet.builder().region("us-west-2").autoScalingGroupName("shop-app")
                .standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(2, 4, 8))
                .targetGroupArns(List.of("arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/shop/0123456789abcdef"));
        if (vertical) {
            fleet.standbyInstanceType("t3.small").recoveryInstanceType("m5.large").launchTemplateId("lt-0123456789abcdef0")
                    .instanceRoleArn("arn:aws:iam::111111111111:role/shop-app");
        }
        return fleet.build();
    }
}
