package io.github.drkit.backuprestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class BackupRestoreSiteTest {
    static BackupRestoreSiteProps.Builder props(Stack stack) {
        return BackupRestoreSiteProps.builder()
                .applicationName("shop")
                .primaryRegion("us-east-1")
                .vpc(Fixtures.vpc(stack))
                .sourceDatabaseIdentifier("shop-db")
                .databasePort(5432)
                .imageTags(Map.of("drkit:ami", "shop"))
                .rpo(software.amazon.awscdk.Duration.hours(4))
                .tiers(List.of(ServerTier.builder().name("web").recoveryCapacity(Capacity.of(2, 2, 4)).build()))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                        .primary(Endpoint.zoneRecord("primary.shop")).build());
    }

    @Test
    void constructor_whenDefaults_createsAStoppedTierASubnetGroupAndARestorePlan() {
        Stack stack = Fixtures.recoveryStack();
        BackupRestoreSite site = new BackupRestoreSite(stack, "Shop", props(stack).build());
        Template t = Template.fromStack(stack);

        t.resourceCountIs("AWS::AutoScaling::AutoScalingGroup", 1);
        t.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "0", "MaxSize", "4",
                "DesiredCapacity", Match.absent(), "TargetGroupARNs", Match.anyValue()));
        t.hasResourceProperties("AWS::RDS::DBSubnetGroup", Map.of("DBSubnetGroupName", "shop-restore"));
        // Nothing runs until a restore: no database in the template.
        t.resourceCountIs("AWS::RDS::DBInstance", 0);
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Failover", "SECONDARY", "SetIdentifier", "recovery"));
        String plan = planOf(t);
        assertTrue(plan.contains("\"strategy\":\"BACKUP_RESTORE\""), plan);
        assertTrue(plan.contains("\"kind\":\"restoreDatabase\",\"region\":\"us-west-2\",\"sourceDbInstanceIdentifier\":\"shop-db\","
                + "\"dbInstanceIdentifier\":\"shop-db-restored\",\"dbSubnetGroupName\":\"shop-restore\",\"vpcSecurityGroupIds\":[\""), plan);
        assertTrue(plan.contains("ShopDatabaseSecurityGroup"), "the restored database's group, by reference: " + plan);
        assertTrue(plan.contains("\"kind\":\"restoreImage\""), plan);
        assertTrue(plan.contains("\"imageTags\":{\"drkit:ami\":\"shop\"}"), plan);
        assertTrue(plan.indexOf("restoreImage") < plan.indexOf("scaleFleet"), "the image is chosen before the tier scales: " + plan);
        assertEquals("shop-db-restored", site.getRestoredDatabaseIdentifier());
    }

    @Test
    void constructor_whenDefaults_scopesPassRoleToTheInstanceRoleAndEc2() {
        Stack stack = Fixtures.recoveryStack();
        new BackupRestoreSite(stack, "Shop", props(stack).build());
        Template t = Template.fromStack(stack);

        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        Map<String, Object> pass = statements.stream().filter(s -> "RestoreImagePassRole".equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError(statements));
        assertEquals("iam:PassRole", pass.get("Action"));
        assertEquals(Map.of("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com")), pass.get("Condition"));
        assertTrue(String.valueOf(pass.get("Resource")).contains("webInstanceRole"), String.valueOf(pass.get("Resource")));
        Map<String, Object> restore = statements.stream().filter(s -> "RestoreDatabases".equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError(statements));
        assertTrue(String.valueOf(restore.get("Resource")).contains(":subgrp:shop-restore"), String.valueOf(restore.get("Resource")));
        Fixtures.assertNoMutatingActionOnWildcard(t);
    }

    @Test
    void constructor_whenNoDatabase_restoresImagesOnly() {
        Stack stack = Fixtures.recoveryStack();
        BackupRestoreSite site = new BackupRestoreSite(stack, "Shop", props(stack).sourceDatabaseIdentifier(null).databasePort(null)
                .build());
        Template t = Template.fromStack(stack);

        t.resourceCountIs("AWS::RDS::DBSubnetGroup", 0);
        t.resourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress", Map.of("Description", Match.stringLikeRegexp(".*restored database.*")), 0);
        assertNull(site.getRestoredDatabaseSecurityGroup());
        String plan = planOf(t);
        assertTrue(!plan.contains("restoreDatabase") && plan.contains("restoreImage"), plan);
        assertNull(site.getRestoredDatabaseIdentifier());
        assertTrue(site.recoveryEstimate().rtoTerms().stream().noneMatch(term -> term.name().equals("database restore")));
    }

    @Test
    void recoveryEstimate_whenDatabase_budgetsTheRestoreBeforeTheServers() {
        Stack stack = Fixtures.recoveryStack();
        BackupRestoreSite site = new BackupRestoreSite(stack, "Shop", props(stack)
                .expectedDatabaseRestore(software.amazon.awscdk.Duration.hours(6)).build());

        RecoveryEstimate e = site.recoveryEstimate();

        assertEquals(DrStrategy.BACKUP_RESTORE, e.strategy());
        List<String> names = e.rtoTerms().stream().map(EstimateTerm::name).toList();
        assertEquals(List.of("failure detection", "decision to fail over", "failover orchestration", "database restore", "instance boot",
                "application warm-up", "load balancer health", "DNS propagation", "DNS TTL"), names);
        EstimateTerm restore = e.rtoTerms().get(3);
        assertEquals(Duration.ofHours(6), restore.duration());
        assertEquals("BackupRestoreSite.expectedDatabaseRestore", restore.prop());
        assertEquals(List.of(), e.rpoTerms());
    }

    @Test
    void constructor_whenNoImageTags_namesTheProp() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BackupRestoreSite(stack, "Shop", props(stack).imageTags(Map.of()).build()));
        assertEquals("BackupRestoreSite: imageTags must hold 1 to 10 tags, the ones the copied AMIs carry (got 0)", e.getMessage());
    }

    @Test
    void constructor_whenImageTagsMissingAndTheTierNamesNone_namesBothProps() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BackupRestoreSite(stack, "Shop", props(stack).imageTags(null).build()));
        assertEquals("BackupRestoreSite: tier web has no image tags: give it ServerTier.imageTags, or give the site imageTags for every"
                + " tier that names none (got neither)", e.getMessage());
    }

    @Test
    void constructor_whenRestoredIdentifierWithoutSource_namesBothProps() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).sourceDatabaseIdentifier(null).databasePort(null).restoredDatabaseIdentifier("shop-new").build()));
        assertEquals("BackupRestoreSite: restoredDatabaseIdentifier needs sourceDatabaseIdentifier, the instance whose snapshots it is "
                + "restored from (got restoredDatabaseIdentifier shop-new alone)", e.getMessage());
    }

    @Test
    void constructor_whenTierNamesRepeat_namesTheName() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).tiers(List.of(ServerTier.builder().name("web").build(), ServerTier.builder().name("web").build())).build()));
        assertEquals("BackupRestoreSite: tier names must be unique (got web twice)", e.getMessage());
    }

    @Test
    void constructor_whenPrimaryIsThisRegion_namesTheRegion() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).primaryRegion(stack.getRegion()).build()));
        assertTrue(e.getMessage().startsWith("BackupRestoreSite: primaryRegion must differ from the stack's Region"), e.getMessage());
    }

    @Test
    void constructor_whenSameIdentifierAsSource_isRefusedByThePlanRules() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).restoredDatabaseIdentifier("shop-db").build()));
        assertTrue(e.getMessage().contains("shop-db"), e.getMessage());
    }

    private static String planOf(Template t) {
        Map<String, Map<String, Object>> functions = t.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of("DRKIT_PLAN", Match.anyValue()))))));
        assertEquals(1, functions.size(), String.valueOf(functions.keySet()));
        Object props = functions.values().iterator().next().get("Properties");
        return String.valueOf(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) props).get("Environment")).get("Variables")).get("DRKIT_PLAN"));
    }
}
