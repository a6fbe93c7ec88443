package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of {@code failoverGlobalDatabase} and {@code checkGlobalTable}, one test per message. */
class GlobalDataKindsTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "data", "steps": [%s]}]}""";
    private static final String DATABASE = """
            {"kind": "failoverGlobalDatabase", "globalClusterIdentifier": "shop-global", "dbClusterIdentifier": "%s"%s}""";
    private static final String TABLE = """
            {"kind": "checkGlobalTable", "tableName": "%s", "sourceRegion": "%s", "rpoSeconds": %s}""";

    private static String database(String cluster, String extra) {
        return PLAN.formatted(DATABASE.formatted(cluster, extra));
    }

    private static String table(String name, String source, String rpo) {
        return PLAN.formatted(TABLE.formatted(name, source, rpo));
    }

    @Test
    void parse_whenGlobalDatabaseHasOnlyRequiredFields_takesRecoveryRegionAndDefaults() {
        RecoveryPlan plan = RecoveryPlan.parse(database("shop-secondary", ""));

        assertEquals(List.of(new GlobalDatabasePlan("us-west-2", "shop-global", "shop-secondary", null, null,
                GlobalDatabasePlan.DEFAULT_TIMEOUT_SECONDS, "stages[0].steps[0]")), plan.steps(GlobalDatabasePlan.class));
    }

    @Test
    void parse_whenGlobalDatabaseHasEveryField_readsThemAndWritesThemBack() {
        String json = database("arn:aws:rds:us-west-2:111111111111:cluster:shop-secondary",
                ", \"primaryDbClusterArn\": \"arn:aws:rds:us-east-1:111111111111:cluster:shop-primary\", \"rpoSeconds\": 0, \"timeoutSeconds\": 60");

        RecoveryPlan plan = RecoveryPlan.parse(json);

        assertEquals(List.of(new GlobalDatabasePlan("us-west-2", "shop-global", "arn:aws:rds:us-west-2:111111111111:cluster:shop-secondary",
                "arn:aws:rds:us-east-1:111111111111:cluster:shop-primary", 0, 60, "stages[0].steps[0]")), plan.steps(GlobalDatabasePlan.class));
        assertEquals(PlanWriter.toTree(plan), PlanWriter.toTree(RecoveryPlan.parse(PlanWriter.toJson(plan))));
        assertEquals(List.of(), PlanSchema.errors(PlanWriter.toJson(plan)));
    }

    @Test
    void parse_whenGlobalTableValid_readsIt() {
        RecoveryPlan plan = RecoveryPlan.parse(table("shop.carts_v2", "us-east-1", "30"));

        assertEquals(List.of(new GlobalTablePlan("us-west-2", "shop.carts_v2", "us-east-1", 30, "stages[0].steps[0]")),
                plan.steps(GlobalTablePlan.class));
        assertEquals(List.of(), PlanSchema.errors(PlanWriter.toJson(plan)));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(PLAN.formatted("{\"kind\": \"failoverGlobalDatabase\", \"dbClusterIdentifier\": \"a\"}"),
                        "stages[0].steps[0].globalClusterIdentifier: is required"),
                Arguments.of(PLAN.formatted(DATABASE.formatted("a", "").replace("shop-global", "shop--global")),
                        "stages[0].steps[0].globalClusterIdentifier: must be an Aurora global cluster identifier: 1-63 letters, digits or '-',"
                                + " starting with a letter, not ending with '-', no '--' (got 'shop--global')"),
                Arguments.of(database("secondary-", ""),
                        "stages[0].steps[0].dbClusterIdentifier: must be an Aurora DB cluster identifier (1-63 letters, digits or '-', starting"
                                + " with a letter, not ending with '-', no '--') or its ARN, arn:aws:rds:<region>:<account>:cluster:<id> (got 'secondary-')"),
                Arguments.of(database("arn:aws:rds:us-west-2:111111111111:db:shop", ""),
                        "stages[0].steps[0].dbClusterIdentifier: must be an Aurora DB cluster ARN, arn:aws:rds:<region>:<account>:cluster:<id>"
                                + " with an identifier of 1-63 letters, digits or '-', starting with a letter, not ending with '-', no '--'"
                                + " (got 'arn:aws:rds:us-west-2:111111111111:db:shop')"),
                Arguments.of(database("arn:aws:rds:us-east-1:111111111111:cluster:shop", ""),
                        "stages[0].steps[0].dbClusterIdentifier: is in us-east-1 but the step's region is us-west-2: the secondary cluster"
                                + " is the one in the Region failover moves to (got 'arn:aws:rds:us-east-1:111111111111:cluster:shop')"),
                Arguments.of(database("arn:aws:rds:us-moon-1:111111111111:cluster:shop", ""),
                        "stages[0].steps[0].dbClusterIdentifier: 'us-moon-1' is not an AWS Region this runtime knows"),
                Arguments.of(database("shop", ", \"primaryDbClusterArn\": \"arn:aws:rds:us-west-2:111111111111:cluster:old\""),
                        "stages[0].steps[0].primaryDbClusterArn: is in us-west-2, the Region of the secondary cluster: the primary cluster"
                                + " of a global database runs in another Region (got 'arn:aws:rds:us-west-2:111111111111:cluster:old')"),
                Arguments.of(database("shop", ", \"rpoSeconds\": 31536001"),
                        "stages[0].steps[0].rpoSeconds: must be between 0 and 31536000 (got 31536001)"),
                Arguments.of(database("shop", ", \"timeoutSeconds\": 0"),
                        "stages[0].steps[0].timeoutSeconds: must be between 1 and 3600 (got 0)"),
                Arguments.of(database("shop", ", \"primaryRegion\": \"us-east-1\""),
                        "stages[0].steps[0].primaryRegion: is not a field of stages[0].steps[0] (known fields: kind, assumeRole, region,"
                                + " globalClusterIdentifier, dbClusterIdentifier, primaryDbClusterArn, rpoSeconds, timeoutSeconds)"),
                Arguments.of(PLAN.formatted(DATABASE.formatted("a", "") + ", " + DATABASE.formatted("b", "")),
                        "stages[0].steps[1].globalClusterIdentifier: names the same global cluster as stages[0].steps[0]"),
                Arguments.of(table("ab", "us-east-1", "5"),
                        "stages[0].steps[0].tableName: must be a DynamoDB table name: 3-255 letters, digits, '_', '-' or '.' (got 'ab')"),
                Arguments.of(table("carts", "us-west-2", "5"),
                        "stages[0].steps[0].sourceRegion: must differ from region (both are us-west-2): the replication latency is measured"
                                + " from the Region that takes the writes to the replica in region"),
                Arguments.of(table("carts", "east", "5"),
                        "stages[0].steps[0].sourceRegion: must be an AWS Region code such as us-west-2 (got 'east')"),
                Arguments.of(table("carts", "us-east-1", "0"),
                        "stages[0].steps[0].rpoSeconds: must be between 1 and 86400 (got 0)"),
                Arguments.of(PLAN.formatted(TABLE.formatted("carts", "us-east-1", "5") + ", " + TABLE.formatted("carts", "us-east-1", "9")),
                        "stages[0].steps[1].tableName: names the same global table replica as stages[0].steps[0]"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void parse_whenFieldBreaksARule_throwsNamingFieldValueAndRule(String json, String expected) {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(json));

        assertEquals(expected, e.getMessage());
    }

    @Test
    void failbackOrder_whenDataStepsBesideTraffic_movesTheWriterAndChecksTheTableFirst() {
        RecoveryPlan plan = RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "data", "steps": [%s, %s]},
                   {"name": "traffic", "steps": [{"kind": "switchSite", "site": "a", "namespace": "drkit", "metricName": "On",
                     "normalValue": 1, "failoverValue": 0}]}]}""".formatted(DATABASE.formatted("a", ""), TABLE.formatted("carts", "us-east-1", "5")));

        assertEquals(List.of(List.of("failoverGlobalDatabase", "checkGlobalTable"), List.of("switchSite")),
                plan.failbackOrder().stream().map(g -> g.stream().map(PlanStep::kind).toList()).toList());
    }
}
