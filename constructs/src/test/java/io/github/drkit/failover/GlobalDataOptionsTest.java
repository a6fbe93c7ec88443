package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.pilotlight.PilotLightCore;
import io.github.drkit.pilotlight.PilotLightCoreProps;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.plan.GlobalDatabasePlan;
import io.github.drkit.plan.GlobalTablePlan;
import io.github.drkit.standby.WarmStandbyFleet;
import io.github.drkit.standby.WarmStandbyFleetProps;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The global database and global table options of the topology constructs: plan steps, permissions, estimates, validation. */
class GlobalDataOptionsTest {
    private static final String PRIMARY_ARN = "arn:aws:rds:us-east-1:111111111111:cluster:shop-primary";

    private static PilotLightCoreProps.Builder pilotLight(Stack stack) {
        return PilotLightCoreProps.builder().applicationName("shop").primaryRegion("us-east-1").vpc(Fixtures.vpc(stack))
                .database(DatabaseOptions.existingReplica("shop-replica").build())
                .tiers(List.of(ServerTier.builder().name("app").build()))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop").primary(Endpoint.zoneRecord("primary.shop")).build());
    }

    private static GlobalDatabaseOptions.Builder database() {
        return GlobalDatabaseOptions.builder().globalClusterIdentifier("shop-global").secondaryClusterIdentifier("shop-secondary");
    }

    @Test
    void pilotLight_whenGlobalDataOptions_addsDataStepsGrantsThemAndCountsThemInTheEstimate() {
        Stack stack = Fixtures.recoveryStack();
        PilotLightCore core = new PilotLightCore(stack, "Shop", pilotLight(stack)
                .globalDatabases(List.of(database().primaryClusterArn(PRIMARY_ARN).build()))
                .globalTables(List.of(GlobalTableOptions.builder().tableName("shop-carts").maxReplicationLatency(software.amazon.awscdk.Duration.seconds(30)).build()))
                .build());

        List<Object> data = core.getFailover().getPlan().steps().stream().filter(s -> s.stage().equals("data")).map(s -> (Object) s.toPlan()).toList();
        assertTrue(data.contains(new GlobalDatabasePlan("us-west-2", "shop-global", "shop-secondary", PRIMARY_ARN, 1, 900)), data.toString());
        assertTrue(data.contains(new GlobalTablePlan("us-west-2", "shop-carts", "us-east-1", 30)), data.toString());

        Template t = Template.fromStack(stack);
        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        assertTrue(statements.stream().anyMatch(st -> st.get("Action").equals(List.of("rds:DescribeGlobalClusters", "rds:DescribeDBClusters",
                "rds:SwitchoverGlobalCluster", "rds:FailoverGlobalCluster", "rds:RemoveFromGlobalCluster"))
                && st.get("Resource").toString().contains("global-cluster:shop-global") && st.get("Resource").toString().contains(PRIMARY_ARN)
                && st.get("Resource").toString().contains("cluster:shop-secondary")), statements.toString());
        assertTrue(statements.stream().anyMatch(st -> st.get("Action").equals("dynamodb:DescribeTable")
                && st.get("Resource").toString().contains("dynamodb:us-west-2:111111111111:table/shop-carts")
                && st.get("Resource").toString().contains("dynamodb:us-east-1:111111111111:table/shop-carts")), statements.toString());
        Fixtures.assertNoMutatingActionOnWildcard(t);

        RecoveryEstimate e = core.recoveryEstimate();
        assertEquals(Duration.ofMinutes(5), e.rtoTerms().stream().filter(x -> x.name().equals("global database failover")).findFirst()
                .orElseThrow().duration());
        // The RDS replica's 5 min, and the worst global store: the table gate's 30 s bound.
        assertEquals(Duration.ofMinutes(5).plusSeconds(30), e.rpo());
        assertEquals("PilotLightCore.globalTables.maxReplicationLatency", e.rpoTerms().get(1).prop());
    }

    @Test
    void warmStandby_whenOnlyAGlobalDatabase_itsLagIsTheRpo() {
        Stack stack = Fixtures.recoveryStack();
        WarmStandbyFleet fleet = new WarmStandbyFleet(stack, "Shop", WarmStandbyFleetProps.builder().applicationName("shop").primaryRegion("us-east-1").recoveryCapacity(Capacity.of(2, 2, 4))
                .vpc(Fixtures.vpc(stack))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop").primary(Endpoint.zoneRecord("primary.shop")).build())
                .globalDatabases(List.of(database().expectedReplicationLag(software.amazon.awscdk.Duration.seconds(2)).build()))
                .build());

        RecoveryEstimate e = fleet.recoveryEstimate();
        assertEquals(Duration.ofSeconds(2), e.rpo());
        assertTrue(fleet.getFailover().getPlan().steps().stream().anyMatch(s -> s.toPlan() instanceof GlobalDatabasePlan g && g.rpoSeconds() == 2));
        // No primary named: the role may act on the primary Region's clusters, whichever the global cluster reports as writer.
        assertTrue(Fixtures.policyStatements(Template.fromStack(stack)).stream().anyMatch(st -> st.get("Action").toString().contains("rds:FailoverGlobalCluster")
                && st.get("Resource").toString().contains(":rds:*:111111111111:cluster:*")));
    }

    @Test
    void warmStandby_whenObjectivesDeclared_theStepCarriesTheDeclaredRpoAndTheEstimateTheLag() {
        Stack stack = Fixtures.recoveryStack();
        WarmStandbyFleet fleet = new WarmStandbyFleet(stack, "Shop", WarmStandbyFleetProps.builder().applicationName("shop").primaryRegion("us-east-1").recoveryCapacity(Capacity.of(2, 2, 4))
                .vpc(Fixtures.vpc(stack))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop").primary(Endpoint.zoneRecord("primary.shop")).build())
                .globalDatabases(List.of(database().build()))
                .build());
        io.github.drkit.objectives.RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.minutes(30))
                .rpo(software.amazon.awscdk.Duration.minutes(5)).build().applyTo(stack);

        String plan = Template.fromStack(stack).findResources("AWS::Lambda::Function").toString();
        assertTrue(plan.contains("\"dbClusterIdentifier\":\"shop-secondary\",\"rpoSeconds\":300,"), plan);
        // The expected lag stays the estimate's term: what the architecture can reach, not what is asked of it.
        assertEquals(Duration.ofSeconds(1), fleet.recoveryEstimate().rpo());
    }

    @Test
    void warmStandby_whenDeclaredRpoIsDays_theStepCarriesItAndTheStackSynthesizes() {
        Stack stack = Fixtures.recoveryStack();
        new WarmStandbyFleet(stack, "Shop", WarmStandbyFleetProps.builder().applicationName("shop").primaryRegion("us-east-1").recoveryCapacity(Capacity.of(2, 2, 4))
                .vpc(Fixtures.vpc(stack))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop").primary(Endpoint.zoneRecord("primary.shop")).build())
                .globalDatabases(List.of(database().build()))
                .build());
        io.github.drkit.objectives.RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.hours(12))
                .rpo(software.amazon.awscdk.Duration.days(2)).build().applyTo(stack);

        // The plan is read back at synth: a step RPO capped below the declared objective's range would fail it here.
        String plan = Template.fromStack(stack).findResources("AWS::Lambda::Function").toString();
        assertTrue(plan.contains("\"dbClusterIdentifier\":\"shop-secondary\",\"rpoSeconds\":172800,"), plan);
    }

    @Test
    void planGlobalDatabase_whenDeclaredRpoGiven_onlyTheOptionsStepFollowsIt() {
        PlanGlobalDatabase fromOptions = PlanGlobalDatabase.of("us-west-2", database().build());
        PlanGlobalDatabase own = PlanGlobalDatabase.of("us-west-2", "shop-global", "shop-secondary", null, 7);

        assertEquals(300, ((GlobalDatabasePlan) fromOptions.toPlan(Duration.ofMinutes(5))).rpoSeconds());
        assertEquals(1, ((GlobalDatabasePlan) fromOptions.toPlan(null)).rpoSeconds());
        assertEquals(1, fromOptions.toPlan().rpoSeconds());
        assertEquals(7, ((GlobalDatabasePlan) own.toPlan(Duration.ofMinutes(5))).rpoSeconds());
    }

    static Stream<Arguments> invalid() {
        return Stream.<Arguments>of(
                Arguments.of((Supplier<Object>) () -> database().globalClusterIdentifier("shop--global").build(),
                        "GlobalDatabaseOptions: globalClusterIdentifier must be 1-63 letters, digits or hyphens, starting with a letter, not ending"
                                + " with a hyphen and without two in a row (got shop--global)"),
                Arguments.of((Supplier<Object>) () -> database().secondaryClusterIdentifier(null).build(),
                        "GlobalDatabaseOptions: secondaryClusterIdentifier is required"),
                Arguments.of((Supplier<Object>) () -> database().primaryClusterArn("arn:aws:rds:us-east-1:111111111111:db:shop").build(),
                        "GlobalDatabaseOptions: primaryClusterArn must be an Aurora DB cluster ARN like"
                                + " arn:aws:rds:us-east-1:111111111111:cluster:shop-primary (got arn:aws:rds:us-east-1:111111111111:db:shop)"),
                Arguments.of((Supplier<Object>) () -> database().failoverTime(software.amazon.awscdk.Duration.seconds(0)).build(),
                        "GlobalDatabaseOptions: failoverTime must be positive (got 0 s)"),
                Arguments.of((Supplier<Object>) () -> database().expectedReplicationLag(software.amazon.awscdk.Duration.days(2)).build(),
                        "GlobalDatabaseOptions: expectedReplicationLag must be from 0 to 1 day (got 172800 s)"),
                Arguments.of((Supplier<Object>) () -> GlobalTableOptions.builder().tableName("ab").build(),
                        "GlobalTableOptions: tableName must be 3-255 letters, digits, '_', '-' or '.' (got ab)"),
                Arguments.of((Supplier<Object>) () -> GlobalTableOptions.builder().tableName("shop-carts")
                                .maxReplicationLatency(software.amazon.awscdk.Duration.days(2)).build(),
                        "GlobalTableOptions: maxReplicationLatency must be from 1 second to 1 day (got 172800 s)"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void build_whenPropBreaksARule_throwsNamingPropValueAndRule(Supplier<Object> build, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);

        assertEquals(message, e.getMessage());
    }

    @Test
    void pilotLight_whenGlobalTableHasNoSourceRegion_namesBothWaysToGiveOne() {
        Stack stack = Fixtures.recoveryStack();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PilotLightCore(stack, "Shop", pilotLight(stack)
                .primaryRegion(null).globalTables(List.of(GlobalTableOptions.builder().tableName("shop-carts").build())).build()));

        assertEquals("PilotLightCore: globalTables[0] (shop-carts) needs a source Region: set GlobalTableOptions.sourceRegion or the"
                + " construct's primaryRegion", e.getMessage());
    }

    @Test
    void pilotLight_whenSecondaryIsInThePrimaryRegion_isRefusedByThePlanRules() {
        Stack stack = Fixtures.recoveryStack();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PilotLightCore(stack, "Shop", pilotLight(stack)
                .globalDatabases(List.of(database().primaryClusterArn("arn:aws:rds:us-west-2:111111111111:cluster:shop-primary").build())).build()));

        assertTrue(e.getMessage().startsWith("PlanGlobalDatabase: primaryDbClusterArn: is in us-west-2, the Region of the secondary cluster"),
                e.getMessage());
    }
}
