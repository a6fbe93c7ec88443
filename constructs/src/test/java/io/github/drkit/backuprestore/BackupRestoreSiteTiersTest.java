package io.github.drkit.backuprestore;

import static io.github.drkit.backuprestore.BackupRestoreSiteTest.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;

/** Each tier's copied AMIs, and the security group of the restored database. */
class BackupRestoreSiteTiersTest {
    private static final Map<String, String> WEB = Map.of("drkit:ami", "shop", "drkit:ami-tier", "web");
    private static final Map<String, String> APP = Map.of("drkit:ami", "shop", "drkit:ami-tier", "app");

    private static List<ServerTier> webAndApp(Map<String, String> webTags, Map<String, String> appTags) {
        return List.of(ServerTier.builder().name("web").imageTags(webTags).build(),
                ServerTier.builder().name("app").port(8080).imageTags(appTags).build());
    }

    /** The plan as the function's environment holds it: text with the template's references to the groups inside. */
    private static String planOf(Template t) {
        Map<String, Map<String, Object>> functions = t.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Environment",
                Map.of("Variables", Match.objectLike(Map.of("DRKIT_PLAN", Match.anyValue()))))));
        assertEquals(1, functions.size(), String.valueOf(functions.keySet()));
        return String.valueOf(functions.values().iterator().next());
    }

    @Test
    void constructor_whenEachTierHasItsTags_eachRestoreImageSelectsByItsTiersTags() {
        Stack stack = Fixtures.recoveryStack();
        new BackupRestoreSite(stack, "Shop", props(stack).imageTags(null).tiers(webAndApp(WEB, APP)).build());
        Template t = Template.fromStack(stack);

        String plan = planOf(t);
        int webStep = plan.indexOf("\"drkit:ami-tier\":\"web\"");
        int appStep = plan.indexOf("\"drkit:ami-tier\":\"app\"");
        assertTrue(webStep > 0 && appStep > webStep, "one restoreImage per tier, web first, each with its own tags: " + plan);
        // Each step names its own group: the group reference sits between the step's kind and its tags.
        String webPart = plan.substring(plan.lastIndexOf("restoreImage", webStep), webStep);
        String appPart = plan.substring(plan.lastIndexOf("restoreImage", appStep), appStep);
        assertTrue(webPart.contains("Shopweb") && !webPart.contains("Shopapp"), webPart);
        assertTrue(appPart.contains("Shopapp") && !appPart.contains("Shopweb"), appPart);
        Annotations.fromStack(stack).hasNoWarning("*", Match.stringLikeRegexp(".*same tags.*"));
    }

    @Test
    void constructor_whenOneTierNamesNone_itTakesTheSitesTags() {
        Stack stack = Fixtures.recoveryStack();
        new BackupRestoreSite(stack, "Shop", props(stack).imageTags(WEB).tiers(webAndApp(null, APP)).build());

        String plan = planOf(Template.fromStack(stack));
        assertTrue(plan.contains("\"drkit:ami-tier\":\"web\"") && plan.contains("\"drkit:ami-tier\":\"app\""), plan);
    }

    @Test
    void constructor_whenTwoTiersShareTheirTags_warnsNamingBoth() {
        Stack stack = Fixtures.recoveryStack();
        new BackupRestoreSite(stack, "Shop", props(stack).imageTags(Map.of("drkit:ami", "shop")).tiers(webAndApp(null, null)).build());

        Annotations.fromStack(stack).hasWarning("/Test/Shop", Match.stringLikeRegexp(
                "tiers web and app select their AMIs by the same tags \\{drkit:ami=shop\\}: both launch the latest AMI carrying them.*"));
    }

    @Test
    void constructor_whenATiersTagsAreASubsetOfAnothers_warnsThatItMayLaunchTheOthersImage() {
        Stack stack = Fixtures.recoveryStack();
        new BackupRestoreSite(stack, "Shop", props(stack).imageTags(Map.of("drkit:ami", "shop")).tiers(webAndApp(null, APP)).build());

        Annotations.fromStack(stack).hasWarning("/Test/Shop", Match.stringLikeRegexp("tier web selects its AMIs by \\{drkit:ami=shop\\},"
                + " which tier app's AMIs also carry \\(its tags: \\{drkit:ami=shop, drkit:ami-tier=app\\}\\): web launches app's AMI"
                + " when it is the newer.*"));
    }

    @Test
    void constructor_whenATierHasNoTagsAndTheSiteNone_namesTheTier() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).imageTags(null).tiers(webAndApp(WEB, null)).build()));

        assertEquals("BackupRestoreSite: tier app has no image tags: give it ServerTier.imageTags, or give the site imageTags for every"
                + " tier that names none (got neither)", e.getMessage());
    }

    @Test
    void serverTier_whenImageTagsEmpty_namesTheTierAndTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerTier.builder().name("app").imageTags(Map.of()).build());

        assertEquals("ServerTier: imageTags of tier app must hold 1 to 10 tags, the ones the tier's copied AMIs carry (got 0)", e.getMessage());
    }

    @Test
    void serverTier_whenMoreThanTenImageTags_namesTheTierAndTheCount() {
        Map<String, String> eleven = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerTier.builder().name("app").imageTags(eleven).build());

        assertEquals("ServerTier: imageTags of tier app must hold 1 to 10 tags, the ones the tier's copied AMIs carry (got 11)", e.getMessage());
    }

    @Test
    void constructor_whenSiteImageTagsHoldMoreThanTen_namesTheProp() {
        Map<String, String> eleven = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).imageTags(eleven).build()));

        assertEquals("BackupRestoreSite: imageTags must hold 1 to 10 tags, the ones the copied AMIs carry (got 11)", e.getMessage());
    }

    @Test
    void constructor_whenDatabase_createsItsGroupAndLetsOnlyTheLastTierInOnThePort() {
        Stack stack = Fixtures.recoveryStack();
        BackupRestoreSite site = new BackupRestoreSite(stack, "Shop", props(stack).imageTags(null).tiers(webAndApp(WEB, APP)).build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("GroupDescription",
                "The database a restore creates: only the last tier may reach it"));
        t.resourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress", Map.of("Description", Match.stringLikeRegexp(".*restored database.*")), 1);
        t.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("Description", "app to the restored database", "FromPort", 5432,
                "ToPort", 5432, "IpProtocol", "tcp",
                "GroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ShopDatabaseSecurityGroup.*"), "GroupId")),
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Shopapp.*"), "GroupId"))));
        assertTrue(site.getRestoredDatabaseSecurityGroup() != null);
    }

    @Test
    void constructor_whenDatabaseSecurityGroupGiven_usesItInThePlanAndCreatesNone() {
        Stack stack = Fixtures.recoveryStack();
        var given = SecurityGroup.fromSecurityGroupId(stack, "Given", "sg-0123456789abcdef0");
        new BackupRestoreSite(stack, "Shop", props(stack).databaseSecurityGroup(given).databasePort(3306).build());
        Template t = Template.fromStack(stack);

        String plan = planOf(t);
        assertTrue(plan.contains("\"vpcSecurityGroupIds\":[\"sg-0123456789abcdef0\"]"), plan);
        t.resourcePropertiesCountIs("AWS::EC2::SecurityGroup", Map.of("GroupDescription",
                "The database a restore creates: only the last tier may reach it"), 0);
        t.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("GroupId", "sg-0123456789abcdef0", "FromPort", 3306,
                "Description", "web to the restored database"));
    }

    @Test
    void constructor_whenDatabaseWithoutPort_namesThePropAndExamples() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).databasePort(null).build()));

        assertEquals("BackupRestoreSite: databasePort is required with sourceDatabaseIdentifier: the port the last tier reaches the restored"
                + " database on, e.g. 5432 for PostgreSQL or 3306 for MySQL (got none)", e.getMessage());
    }

    @Test
    void constructor_whenPortOutOfRange_namesThePropAndTheRange() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).databasePort(70000).build()));

        assertEquals("BackupRestoreSite: databasePort must be a whole number from 1 to 65535 (got 70000)", e.getMessage());
    }

    @Test
    void constructor_whenPortWithoutDatabase_namesBothProps() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).sourceDatabaseIdentifier(null).databasePort(5432).build()));

        assertEquals("BackupRestoreSite: databasePort needs sourceDatabaseIdentifier, the instance whose snapshots the database is restored"
                + " from (got databasePort 5432 alone)", e.getMessage());
    }

    @Test
    void constructor_whenSecurityGroupWithoutDatabase_namesBothProps() {
        Stack stack = Fixtures.recoveryStack();
        var given = SecurityGroup.fromSecurityGroupId(stack, "Given", "sg-0123456789abcdef0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupRestoreSite(stack, "Shop",
                props(stack).sourceDatabaseIdentifier(null).databasePort(null).databaseSecurityGroup(given).build()));

        assertEquals("BackupRestoreSite: databaseSecurityGroup needs sourceDatabaseIdentifier, the instance whose snapshots the database is"
                + " restored from (got databaseSecurityGroup alone)", e.getMessage());
    }
}
