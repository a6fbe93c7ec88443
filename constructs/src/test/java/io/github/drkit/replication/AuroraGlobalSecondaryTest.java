package io.github.drkit.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.pilotlight.PilotLightCore;
import io.github.drkit.pilotlight.PilotLightCoreProps;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.plan.GlobalDatabasePlan;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.rds.AuroraMysqlClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraMysqlEngineVersion;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.IClusterEngine;

/** The secondary cluster of an Aurora global database: what it creates, its option for the topology constructs, validation. */
class AuroraGlobalSecondaryTest {
    private static final IClusterEngine POSTGRES = DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
            .version(AuroraPostgresEngineVersion.VER_16_4).build());

    private static AuroraGlobalSecondaryProps.Builder props(Stack stack) {
        return AuroraGlobalSecondaryProps.builder().globalClusterIdentifier("shop-global").engine(POSTGRES).vpc(Fixtures.vpc(stack))
                .clusterIdentifier("shop-secondary");
    }

    @Test
    void construct_whenHeadless_createsAnEncryptedProtectedClusterJoinedToTheGlobalDatabaseWithNoInstance() {
        Stack stack = Fixtures.recoveryStack();
        AuroraGlobalSecondary secondary = new AuroraGlobalSecondary(stack, "Orders", props(stack).build());

        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "DBClusterIdentifier", "shop-secondary",
                "GlobalClusterIdentifier", "shop-global",
                "Engine", "aurora-postgresql",
                "EngineVersion", "16.4",
                "StorageEncrypted", true,
                "KmsKeyId", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Arn")))),
                "DeletionProtection", true,
                "EnableIAMDatabaseAuthentication", true,
                "EnableCloudwatchLogsExports", List.of("postgresql"))));
        t.hasResource("AWS::RDS::DBCluster", Match.objectLike(Map.of("DeletionPolicy", "Snapshot")));
        // A secondary inherits the primary's credentials: it must not declare any.
        t.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("MasterUsername", Match.absent(),
                "MasterUserPassword", Match.absent())));
        t.resourceCountIs("AWS::RDS::DBInstance", 0);
        t.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
        assertTrue(secondary.isHeadless());
    }

    @Test
    void construct_whenReaders_createsThemInTheCluster() {
        Stack stack = Fixtures.recoveryStack();
        AuroraGlobalSecondary secondary = new AuroraGlobalSecondary(stack, "Orders", props(stack).readers(2)
                .instanceType(InstanceType.of(InstanceClass.R7G, InstanceSize.LARGE)).build());

        Template t = Template.fromStack(stack);
        t.resourceCountIs("AWS::RDS::DBInstance", 2);
        t.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.r7g.large",
                "Engine", "aurora-postgresql", "PubliclyAccessible", false,
                "DBClusterIdentifier", Match.objectLike(Map.of("Ref", Match.anyValue())))));
        assertFalse(secondary.isHeadless());
        assertEquals(2, secondary.getReaderCount());
    }

    @Test
    void options_whenHeadless_countTheWriterInstanceInTheRtoAndNameTheCreatedCluster() {
        Stack stack = Fixtures.recoveryStack();
        AuroraGlobalSecondary secondary = new AuroraGlobalSecondary(stack, "Orders", props(stack)
                .primaryClusterArn("arn:aws:rds:us-east-1:111111111111:cluster:shop-primary").build());
        PilotLightCore core = new PilotLightCore(stack, "Shop", PilotLightCoreProps.builder().applicationName("shop").primaryRegion("us-east-1")
                .vpc(Fixtures.vpc(stack)).database(DatabaseOptions.existingReplica("shop-replica").build())
                .tiers(List.of(ServerTier.builder().name("app").build()))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop").primary(Endpoint.zoneRecord("primary.shop")).build())
                .globalDatabases(List.of(secondary.toGlobalDatabaseOptions())).build());

        List<Object> data = core.getFailover().getPlan().steps().stream().filter(s -> s.stage().equals("data")).map(s -> (Object) s.toPlan()).toList();
        assertTrue(data.stream().anyMatch(p -> p instanceof GlobalDatabasePlan g && g.globalClusterIdentifier().equals("shop-global")
                && g.region().equals("us-west-2")), data.toString());
        RecoveryEstimate e = core.recoveryEstimate();
        assertEquals(Duration.ofMinutes(10), e.rtoTerms().stream().filter(x -> x.name().equals("writer instance creation")).findFirst()
                .orElseThrow().duration());
        assertEquals(Duration.ofMinutes(5), e.rtoTerms().stream().filter(x -> x.name().equals("global database failover")).findFirst()
                .orElseThrow().duration());
    }

    @Test
    void options_whenReaders_countNoInstanceCreation() {
        Stack stack = Fixtures.recoveryStack();
        GlobalDatabaseOptions options = new AuroraGlobalSecondary(stack, "Orders", props(stack).readers(1).build()).toGlobalDatabaseOptions();
        assertEquals(null, options.getInstanceCreationTime());
    }

    @Test
    void construct_whenAuroraMysql_exportsItsLogsAndSaysWhyBacktrackIsOff() {
        Stack stack = Fixtures.recoveryStack();
        new AuroraGlobalSecondary(stack, "Orders", props(stack).engine(DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder()
                .version(AuroraMysqlEngineVersion.VER_3_08_0).build())).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("Engine", "aurora-mysql", "Port", 3306,
                "EnableCloudwatchLogsExports", List.of("audit", "error", "general", "slowquery"))));
        t.hasResource("AWS::RDS::DBCluster", Match.objectLike(Map.of("Metadata", Match.objectLike(Map.of("cdk_nag", Match.objectLike(Map.of(
                "rules_to_suppress", Match.arrayWith(List.of(Match.objectLike(Map.of("id", "AwsSolutions-RDS14")))))))))));
    }

    @Test
    void construct_whenEngineIsNotAurora_isRefused() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuroraGlobalSecondary(stack, "Orders",
                props(stack).engine(DatabaseClusterEngine.AURORA_POSTGRESQL).build()));
        assertEquals("AuroraGlobalSecondary: engine must name its exact version (got aurora-postgresql without one): a secondary joins"
                + " only a global database of the same engine version", e.getMessage());
    }

    @Test
    void construct_whenReadersOutOfRange_isRefused() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuroraGlobalSecondary(stack, "Orders",
                props(stack).readers(16).build()));
        assertEquals("AuroraGlobalSecondary: readers must be a whole number from 0 to 15 (got 16)", e.getMessage());
    }

    @Test
    void construct_whenClusterIdentifierMalformed_isRefused() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuroraGlobalSecondary(stack, "Orders",
                props(stack).clusterIdentifier("1-bad--id").build()));
        assertEquals("AuroraGlobalSecondary: clusterIdentifier must be 1-63 letters, digits or hyphens, starting with a letter, not ending"
                + " with a hyphen and without two in a row (got 1-bad--id)", e.getMessage());
    }

    @Test
    void construct_whenPortBelow1150_isRefused() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuroraGlobalSecondary(stack, "Orders",
                props(stack).port(80).build()));
        assertEquals("AuroraGlobalSecondary: port must be a whole number from 1150 to 65535 (got 80)", e.getMessage());
    }

    @Test
    void construct_whenInstanceCreationTimeWithReaders_isRefused() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuroraGlobalSecondary(stack, "Orders",
                props(stack).readers(1).instanceCreationTime(software.amazon.awscdk.Duration.minutes(5)).build()));
        assertEquals("AuroraGlobalSecondary: instanceCreationTime applies to a headless secondary only (got 300 s with readers 1):"
                + " a reader becomes the writer", e.getMessage());
    }

    @Test
    void construct_whenInstanceTypeButHeadless_isRefused() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuroraGlobalSecondary(stack, "Orders",
                props(stack).instanceType(InstanceType.of(InstanceClass.R6G, InstanceSize.LARGE)).build()));
        assertEquals("AuroraGlobalSecondary: instanceType needs readers of at least 1 (got r6g.large with readers 0): a headless"
                + " secondary has no instance", e.getMessage());
    }

    @Test
    void construct_whenGlobalClusterIdentifierMissing_isRefused() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuroraGlobalSecondary(stack, "Orders",
                props(stack).globalClusterIdentifier(null).build()));
        assertEquals("AuroraGlobalSecondary: globalClusterIdentifier is required", e.getMessage());
    }
}
