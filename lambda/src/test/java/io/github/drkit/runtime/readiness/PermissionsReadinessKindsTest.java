package io.github.drkit.runtime.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.sun.net.httpserver.HttpServer;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.plan.StepKinds;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.engine.Parallel;
import io.github.drkit.runtime.engine.StepClients;
import io.github.drkit.runtime.readiness.permissions.PermissionScopesRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The permissions check for every step kind: which actions it simulates on which resources and with which condition
 * values, held to the grants the constructs write for the kind ({@code internal/plan/*Permissions}), written out here ARN
 * by ARN. The emulator has no policy simulator, so a loopback server answers SimulatePrincipalPolicy in IAM's shapes for
 * a role that holds every action but those a test takes away, one evaluation per action and resource, as IAM does.
 */
class PermissionsReadinessKindsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/drkit-failover";
    private static final String WEST = "arn:aws:%s:us-west-2:123456789012:%s";

    private HttpServer server;
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    /** The actions the simulated role lacks. */
    private volatile Set<String> denied = Set.of();
    private AwsClients aws;
    private Parallel pool;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                Map<String, String> form = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                requests.add(form);
                byte[] body = simulate(form).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        aws = AwsClients.builder().region(Region.US_WEST_2).endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).maxAttempts(1).build();
        pool = new Parallel(2);
    }

    @AfterEach
    void stop() {
        pool.close();
        aws.close();
        server.stop(0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static List<String> members(Map<String, String> form, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; form.containsKey(prefix + i); i++) {
            out.add(form.get(prefix + i));
        }
        return out;
    }

    /** IAM's answer: one evaluation per action and resource, denied for the actions the role lacks. */
    private String simulate(Map<String, String> form) {
        StringBuilder members = new StringBuilder();
        for (String action : members(form, "ActionNames.member.")) {
            for (String resource : members(form, "ResourceArns.member.")) {
                members.append("<member><EvalActionName>").append(action).append("</EvalActionName><EvalResourceName>").append(resource)
                        .append("</EvalResourceName><EvalDecision>").append(denied.contains(action) ? "implicitDeny" : "allowed")
                        .append("</EvalDecision></member>");
            }
        }
        return "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><SimulatePrincipalPolicyResult>"
                + "<IsTruncated>false</IsTruncated><EvaluationResults>" + members + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>";
    }

    /** Every action simulated, with the resources it was simulated on. */
    private Map<String, Set<String>> simulated() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Map<String, String> form : requests) {
            for (String action : members(form, "ActionNames.member.")) {
                out.computeIfAbsent(action, a -> new TreeSet<>()).addAll(members(form, "ResourceArns.member."));
            }
        }
        return out;
    }

    /** The condition values of the simulations of an action on a resource, as key=values. */
    private Set<String> contextOf(String action, String resource) {
        Set<String> out = new TreeSet<>();
        for (Map<String, String> form : requests) {
            if (members(form, "ActionNames.member.").contains(action) && members(form, "ResourceArns.member.").contains(resource)) {
                for (int i = 1; form.containsKey("ContextEntries.member." + i + ".ContextKeyName"); i++) {
                    out.add(form.get("ContextEntries.member." + i + ".ContextKeyName") + "="
                            + members(form, "ContextEntries.member." + i + ".ContextKeyValues.member."));
                }
            }
        }
        return out;
    }

    private List<Finding> check(String stepJson) {
        RecoveryPlan plan = RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "recover", "steps": [%s]}]}
                """.formatted(stepJson));
        ReadinessContext context = new ReadinessContext(plan, new StepClients(aws), Objectives.declaredBy(plan), pool);
        return new CallLog(Deadline.after(Duration.ofSeconds(30))).bind(() -> new PermissionsReadiness(ROLE).check(plan.steps(), context));
    }

    private static String west(String service, String resource) {
        return WEST.formatted(service, resource);
    }

    /** A step of a newer kind and the grant the constructs write for it: action to resources. */
    private record Case(String kind, String step, Map<String, Set<String>> grant) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private static Map<String, Set<String>> grant(Object... actionThenResources) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (int i = 0; i < actionThenResources.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> resources = (List<String>) actionThenResources[i + 1];
            for (String action : ((String) actionThenResources[i]).split(",")) {
                out.put(action, new TreeSet<>(resources));
            }
        }
        return out;
    }

    static Stream<Case> cases() {
        String function = west("lambda", "function:shop-hook");
        String db = west("rds", "db:shop-restored");
        String volumes = west("ec2", "volume/*");
        return Stream.of(
                new Case("failoverGlobalDatabase", """
                        {"kind": "failoverGlobalDatabase", "globalClusterIdentifier": "shop-global", "dbClusterIdentifier": "shop-west"}""",
                        grant("rds:DescribeGlobalClusters,rds:DescribeDBClusters,rds:SwitchoverGlobalCluster,rds:FailoverGlobalCluster,"
                                + "rds:RemoveFromGlobalCluster", List.of("arn:aws:rds::123456789012:global-cluster:shop-global",
                                        west("rds", "cluster:shop-west"), "arn:aws:rds:*:123456789012:cluster:*"),
                                "cloudwatch:GetMetricStatistics", List.of("*"))),
                new Case("checkGlobalTable", """
                        {"kind": "checkGlobalTable", "tableName": "shop-carts", "sourceRegion": "us-east-1", "rpoSeconds": 5}""",
                        grant("dynamodb:DescribeTable", List.of(west("dynamodb", "table/shop-carts"),
                                        "arn:aws:dynamodb:us-east-1:123456789012:table/shop-carts"),
                                "cloudwatch:GetMetricStatistics", List.of("*"))),
                new Case("scaleService", """
                        {"kind": "scaleService", "cluster": "shop", "service": "web", "standbyDesiredCount": 0, "recoveryDesiredCount": 2,
                         "recoveryPercentOfPrimary": 50, "primaryRegion": "us-east-1", "primaryCluster": "shop-east", "primaryService": "web-east"}""",
                        grant("ecs:DescribeServices", List.of(west("ecs", "service/shop/web"),
                                        "arn:aws:ecs:us-east-1:123456789012:service/shop-east/web-east"),
                                // Failover never changes the primary: the update is granted on the recovery service only.
                                "ecs:UpdateService", List.of(west("ecs", "service/shop/web")))),
                new Case("scaleNodegroup", """
                        {"kind": "scaleNodegroup", "clusterName": "shop", "nodegroupName": "workers",
                         "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 1, "desired": 2, "max": 4}}""",
                        grant("eks:DescribeNodegroup,eks:UpdateNodegroupConfig", List.of(west("eks", "nodegroup/shop/workers/*")),
                                "eks:DescribeUpdate", List.of(west("eks", "cluster/shop")))),
                new Case("invokeFunction", """
                        {"kind": "invokeFunction", "functionArn": "%s"}""".formatted(function),
                        grant("lambda:GetFunctionConfiguration,lambda:InvokeFunction", List.of(function, function + ":*"))),
                new Case("restoreDatabase", """
                        {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "shop", "dbInstanceIdentifier": "shop-restored"}""",
                        grant("rds:DescribeDBInstances,rds:AddTagsToResource", List.of(db),
                                "rds:DescribeDBSnapshots", List.of(west("rds", "snapshot:*")),
                                "rds:RestoreDBInstanceFromDBSnapshot", List.of(db, west("rds", "snapshot:*"), west("rds", "subgrp:*"),
                                        west("rds", "og:*"), west("rds", "pg:*")))),
                new Case("restoreDatabase", """
                        {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "shop", "dbInstanceIdentifier": "shop-restored",
                         "source": "pointInTime", "dbSubnetGroupName": "shop-data"}""",
                        grant("rds:DescribeDBInstances,rds:AddTagsToResource", List.of(db),
                                "rds:DescribeDBInstanceAutomatedBackups", List.of(west("rds", "auto-backup:*")),
                                "rds:RestoreDBInstanceToPointInTime", List.of(db, west("rds", "auto-backup:*"), west("rds", "subgrp:shop-data"),
                                        west("rds", "og:*"), west("rds", "pg:*")))),
                new Case("restoreImage", """
                        {"kind": "restoreImage", "autoScalingGroupName": "web", "imageTags": {"drkit:image": "web"}}""",
                        grant("autoscaling:DescribeAutoScalingGroups,ec2:DescribeLaunchTemplateVersions,ec2:DescribeImages", List.of("*"),
                                "autoscaling:UpdateAutoScalingGroup", List.of(west("autoscaling", "autoScalingGroup:*:autoScalingGroupName/web")))),
                new Case("restoreVolume", """
                        {"kind": "restoreVolume", "availabilityZone": "us-west-2a", "snapshotTags": {"drkit:volume": "shop-data"},
                         "volumeName": "shop-data", "attachTo": {"instanceId": "i-0123456789abcdef0", "device": "/dev/sdf"}}""",
                        grant("ec2:DescribeSnapshots,ec2:DescribeVolumes,ec2:DescribeInstances", List.of("*"),
                                "ec2:CreateVolume", List.of(volumes, "arn:aws:ec2:us-west-2::snapshot/*"),
                                "ec2:CreateTags", List.of(volumes),
                                "ec2:AttachVolume", List.of(volumes, west("ec2", "instance/i-0123456789abcdef0")))),
                new Case("restoreBackup", """
                        {"kind": "restoreBackup", "backupVaultName": "shop-recovery", "resourceType": "EBS",
                         "resourceArn": "arn:aws:ec2:us-east-1:123456789012:volume/vol-0123456789abcdef0",
                         "restoreRoleArn": "arn:aws:iam::123456789012:role/shop-restore", "restoreMetadata": {"availabilityZone": "us-west-2a"}}""",
                        grant("backup:ListRecoveryPointsByBackupVault", List.of(west("backup", "backup-vault:shop-recovery")),
                                "backup:ListRestoreJobs,backup:DescribeRestoreJob", List.of("*"),
                                "backup:StartRestoreJob", List.of(west("backup", "recovery-point:*"), "arn:aws:ec2:us-west-2::snapshot/*"),
                                "iam:PassRole", List.of("arn:aws:iam::123456789012:role/shop-restore"))));
    }

    /** The findings other than those for scopes known only at run time (restoreImage's launch template and role). */
    private static List<Finding> simulatedFindings(List<Finding> findings) {
        return findings.stream().filter(f -> !(f.severity() == Severity.INFO && f.problem().contains("read when the step runs"))).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void check_whenRoleAllowsEveryCall_findsNothingAndSimulatesTheGrantOfEachAction(Case c) {
        List<Finding> findings = check(c.step());

        assertEquals(List.of(), simulatedFindings(findings), "nothing denied and no scope of " + c.kind() + " left unchecked");
        assertEquals(c.grant(), simulated(), "the actions of " + c.kind() + " on the resources its construct grants them on");
    }

    static Stream<Arguments> deniedActions() {
        return cases().flatMap(c -> c.grant().keySet().stream().map(action -> Arguments.of(c, action)));
    }

    @ParameterizedTest
    @MethodSource("deniedActions")
    void check_whenRoleLacksOneAction_isCriticalNamingThatActionOnEachResource(Case c, String action) {
        denied = Set.of(action);

        List<Finding> findings = check(c.step());

        List<Finding> critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
        assertEquals(c.grant().get(action), new TreeSet<>(critical.stream().map(Finding::resource).toList()), findings::toString);
        for (Finding f : critical) {
            assertEquals(Finding.Category.PERMISSION, f.category());
            assertEquals("stages[0].steps[0]", f.path());
            assertTrue(f.problem().startsWith("role " + ROLE + " may not call " + action + " on " + f.resource() + " (implicitDeny)"), f.problem());
            assertEquals("grant " + action + " on " + f.resource() + " to " + ROLE + ", or redeploy the stack", f.fix());
        }
    }

    @Test
    void check_whenRestoreVolume_simulatesTheTagConditionsTheGrantHolds() {
        check(cases().filter(c -> c.kind().equals("restoreVolume")).findFirst().orElseThrow().step());

        String volumes = west("ec2", "volume/*");
        assertEquals(Set.of("aws:RequestTag/drkit:restored-volume=[shop-data]"), contextOf("ec2:CreateVolume", volumes));
        assertEquals(Set.of(), contextOf("ec2:CreateVolume", "arn:aws:ec2:us-west-2::snapshot/*"));
        assertEquals(Set.of("ec2:CreateAction=[CreateVolume]"), contextOf("ec2:CreateTags", volumes));
        assertEquals(Set.of("aws:ResourceTag/drkit:restored-volume=[shop-data]"), contextOf("ec2:AttachVolume", volumes));
        assertEquals(Set.of(), contextOf("ec2:AttachVolume", west("ec2", "instance/i-0123456789abcdef0")));
    }

    @Test
    void check_whenRestoreBackup_passesTheRestoreRoleToAwsBackupOnly() {
        check(cases().filter(c -> c.kind().equals("restoreBackup")).findFirst().orElseThrow().step());

        assertEquals(Set.of("iam:PassedToService=[backup.amazonaws.com]"), contextOf("iam:PassRole", "arn:aws:iam::123456789012:role/shop-restore"));
    }

    @Test
    void check_whenFailoverGlobalDatabaseNamesItsPrimary_simulatesThatClusterNotEveryCluster() {
        String primary = "arn:aws:rds:us-east-1:123456789012:cluster:shop-east";

        check("""
                {"kind": "failoverGlobalDatabase", "globalClusterIdentifier": "shop-global", "dbClusterIdentifier": "shop-west",
                 "primaryDbClusterArn": "%s"}""".formatted(primary));

        assertEquals(Set.of("arn:aws:rds::123456789012:global-cluster:shop-global", west("rds", "cluster:shop-west"), primary),
                simulated().get("rds:FailoverGlobalCluster"));
    }

    @Test
    void check_whenRestoreImage_saysPerScopeThatTheLaunchTemplateAndRoleAreKnownAtRunTime() {
        List<Finding> findings = check("""
                {"kind": "restoreImage", "autoScalingGroupName": "web", "imageTags": {"drkit:image": "web"}}""");

        List<Finding> atRunTime = findings.stream().filter(f -> f.severity() == Severity.INFO).toList();
        assertEquals(3, atRunTime.size(), findings::toString);
        assertTrue(atRunTime.get(0).problem().startsWith("not checked: the calls of stages[0].steps[0] on scope launch-template "
                + "(ec2:CreateLaunchTemplateVersion): the launch template is group web's, read when the step runs"), atRunTime.get(0).problem());
        assertTrue(atRunTime.get(1).problem().contains("on scope run-from-launch-template (ec2:RunInstances, ec2:CreateTags)"), atRunTime.get(1).problem());
        assertTrue(atRunTime.get(2).problem().contains("on scope instance-role (iam:PassRole): the instance role is that of group web's launch template"),
                atRunTime.get(2).problem());
        assertFalse(simulated().containsKey("ec2:CreateLaunchTemplateVersion"), "a template the plan does not name is not simulated");
    }

    @Test
    void check_whenApprovalAndHealthGate_simulatesOnlyTheOtherSteps() {
        List<Finding> findings = check("""
                {"kind": "approval", "message": "Primary down for good?"},
                {"kind": "startInstances", "instanceIds": ["i-0123456789abcdef0"]},
                {"kind": "healthGate", "timeoutSeconds": 5}""");

        assertEquals(List.of(), findings);
        assertEquals(Set.of("ec2:DescribeInstances", "ec2:StartInstances", "ec2:StopInstances"), simulated().keySet());
    }

    @Test
    void check_whenPlanHasATopic_simulatesReadingAndPublishingToIt() {
        String topic = "arn:aws:sns:us-west-2:123456789012:drkit-shop";
        RecoveryPlan plan = RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "notificationTopicArn": "%s",
                 "stages": [{"name": "compute", "steps": [{"kind": "startInstances", "instanceIds": ["i-0123456789abcdef0"]}]}]}
                """.formatted(topic));
        denied = Set.of("sns:Publish");

        ReadinessContext context = new ReadinessContext(plan, new StepClients(aws), Objectives.declaredBy(plan), pool);
        List<Finding> findings = new CallLog(Deadline.after(Duration.ofSeconds(30)))
                .bind(() -> new PermissionsReadiness(ROLE).check(plan.steps(), context));

        assertEquals(Set.of(topic), simulated().get("sns:GetTopicAttributes"));
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(Severity.CRITICAL, findings.get(0).severity());
        assertEquals("notificationTopicArn", findings.get(0).path());
        assertEquals(topic, findings.get(0).resource());
        assertTrue(findings.get(0).problem().startsWith("role " + ROLE + " may not call sns:Publish on " + topic), findings.get(0).problem());
    }

    /** The package of the test-only step kind that shows how a kind joins from outside the runtime. */
    private static final String EXTENSION_PACKAGE = "io.github.drkit.runtime.extension";

    @Test
    void check_whenKindHasNoPermissionScopes_saysItWasNotCheckedNeverPasses() {
        List<Finding> findings = check("""
                {"kind": "setFlag", "namespace": "shop/flags", "metricName": "recovered"}""");

        assertEquals(1, findings.size(), findings::toString);
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertEquals(Finding.Category.UNCHECKED, findings.get(0).category());
        assertTrue(findings.get(0).problem().startsWith("not checked for step kind setFlag"), findings.get(0).problem());
        assertEquals(List.of(), requests);
    }

    @Test
    void everyStepKind_hasPermissionScopesNamingOnlyTheTablesKinds() {
        Set<String> tableKinds = new TreeSet<>();
        RuntimePermissions.rows().forEach(r -> tableKinds.add(r.kind()));

        // The runtime's own kinds; the test-only extension kind (setFlag) has none, see the test below.
        Set<String> shipped = new TreeSet<>(StepKinds.all().stream().filter(k -> !k.getClass().getPackageName().equals(EXTENSION_PACKAGE))
                .map(k -> k.name()).toList());
        assertEquals(shipped, new TreeSet<>(PermissionScopesRegistry.kinds()),
                "every step kind registers PermissionScopes (META-INF/services), a kind that makes no call with no table kinds");
        // Each newer kind's case above ran its table kinds; these are the kinds that name none.
        Set<String> noCalls = new TreeSet<>();
        for (String kind : PermissionScopesRegistry.kinds()) {
            if (cases().noneMatch(c -> c.kind().equals(kind)) && !Set.of("promoteDatabase", "startInstances", "scaleFleet", "changeDns",
                    "switchSite").contains(kind)) {
                noCalls.add(kind);
            }
        }
        assertEquals(Set.of("approval", "healthGate"), noCalls);
        assertTrue(tableKinds.containsAll(List.of("global-database", "global-table", "ecs-service", "eks-nodegroup", "custom-action",
                "restore-database", "restore-image", "restore-volume", "restore-backup")), tableKinds::toString);
    }
}
