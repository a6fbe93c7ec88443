package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A step's {@code assumeRole}: read around every kind, written back, checked with the schema's rules. */
class AssumeRoleTest {
    private static final String ROLE = "arn:aws:iam::222222222222:role/drkit/workload-recovery";

    /** A plan of two stages: a fleet in account 222222222222, then DNS in the runtime's own account. */
    private static String plan(String assumeRole) {
        return """
                {"version": 2, "application": "web", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "compute", "steps": [
                     {"kind": "scaleFleet", "autoScalingGroupName": "web", "standby": {"min": 1, "desired": 1, "max": 2},
                      "recovery": {"min": 2, "desired": 4, "max": 8}%s}]},
                   {"name": "traffic", "steps": [
                     {"kind": "changeDns", "hostedZoneId": "Z0123456789ABCDEFGHIJ", "records": [
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}]}
                """.formatted(assumeRole == null ? "" : ", \"assumeRole\": " + assumeRole);
    }

    @Test
    void parse_whenStepNamesARole_carriesItBesideTheStep() {
        RecoveryPlan plan = RecoveryPlan.parse(plan("{\"roleArn\": \"" + ROLE + "\", \"externalId\": \"drkit-web\"}"));

        PlanStep fleet = plan.stages().get(0).steps().get(0);
        AssumeRole role = plan.assumeRole(fleet);
        assertEquals(ROLE, role.roleArn());
        assertEquals("drkit-web", role.externalId());
        assertEquals("222222222222", role.account());
        assertEquals("aws", role.partition());
        assertEquals("stages[0].steps[0].assumeRole", role.path());
        assertNull(plan.assumeRole(plan.stages().get(1).steps().get(0)), "the DNS step runs in the runtime's own account");
        assertEquals(List.of(role), plan.assumeRoles());
    }

    @Test
    void write_whenStepHasARole_roundTripsAndPassesTheSchema() {
        RecoveryPlan plan = RecoveryPlan.parse(plan("{\"roleArn\": \"" + ROLE + "\"}"));

        String written = PlanWriter.toJson(plan);
        RecoveryPlan again = RecoveryPlan.parse(written);

        assertTrue(written.contains("\"assumeRole\":{\"roleArn\":\"" + ROLE + "\"}"), written);
        assertEquals(ROLE, again.assumeRole(again.stages().get(0).steps().get(0)).roleArn());
        assertNull(again.assumeRole(again.stages().get(0).steps().get(0)).externalId());
        assertEquals(List.of(), PlanSchema.errors(written));
    }

    @Test
    void toPlan_whenBuiltInCode_writesTheRoleOfTheIndexedStep() {
        FleetPlan fleet = (FleetPlan) RecoveryPlan.parse(plan(null)).stages().get(0).steps().get(0);
        Stage stage = new Stage("compute", List.of(fleet), null, Map.of(0, AssumeRole.of(ROLE, "drkit-web")));

        Map<String, Object> written = PlanWriter.stage(stage);

        // Safe: plan trees (PlanWriter's, Jackson's untyped reads) hold every JSON object as Map<String, Object>, every array as a List.
        @SuppressWarnings("unchecked")
        Map<String, Object> step = ((List<Map<String, Object>>) written.get("steps")).get(0);
        assertEquals(Map.of("roleArn", ROLE, "externalId", "drkit-web"), step.get("assumeRole"));
        assertSame(stage.assumeRoles().get(0), stage.assumeRole(fleet));
    }

    @Test
    void stage_whenRoleNamesNoStep_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Stage("compute", List.of(), null, Map.of(0, AssumeRole.of(ROLE))));
        assertEquals("assumeRoles names step 0 of a stage of 0 step(s)", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"roleArn\": \"arn:aws:iam::2222:role/x\"}|stages[0].steps[0].assumeRole.roleArn|must be an IAM role ARN, arn:<partition>:iam::<12-digit account>:role/<path/><name> (a name of 1-64 letters, digits or +=,.@_-) (got 'arn:aws:iam::2222:role/x')",
            "{\"roleArn\": \"arn:aws:iam::222222222222:user/x\"}|stages[0].steps[0].assumeRole.roleArn|must be an IAM role ARN, arn:<partition>:iam::<12-digit account>:role/<path/><name> (a name of 1-64 letters, digits or +=,.@_-) (got 'arn:aws:iam::222222222222:user/x')",
            "{\"roleArn\": \"" + ROLE + "\", \"externalId\": \"x\"}|stages[0].steps[0].assumeRole.externalId|must be 2-1224 letters, digits or +=,.@:/_- as STS accepts it (got 'x')",
            "{\"roleArn\": \"" + ROLE + "\", \"account\": \"222222222222\"}|stages[0].steps[0].assumeRole.account|is not a field of stages[0].steps[0].assumeRole (known fields: roleArn, externalId)",
            "{}|stages[0].steps[0].assumeRole.roleArn|is required",
            "\"" + ROLE + "\"|stages[0].steps[0].assumeRole|must be a JSON object (got '" + ROLE + "')",
            "null|stages[0].steps[0].assumeRole|must not be null; leave the field out to take its default"})
    void parse_whenAssumeRoleIsBad_namesTheFieldTheValueAndTheRule(String assumeRole, String field, String message) {
        String json = plan(assumeRole);

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(json));

        assertEquals(field, e.field());
        assertEquals(field + ": " + message, e.getMessage());
        assertFalse(PlanSchema.errors(json).isEmpty(), () -> "the schema accepts " + assumeRole);
    }

    /** A rule across fields, which the schema cannot state: the reader alone refuses it. */
    @Test
    void parse_whenRolePartitionIsNotTheStepRegions_isRefused() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(plan("{\"roleArn\": \"arn:aws-cn:iam::222222222222:role/x\"}")));

        assertEquals("stages[0].steps[0].assumeRole.roleArn: is in partition aws-cn but the step works in us-west-2, partition aws: "
                + "a role session is valid only in its own partition (got 'arn:aws-cn:iam::222222222222:role/x')", e.getMessage());
    }

    @Test
    void partition_whenRegionIsChineseOrGovCloud_isTheirs() {
        assertEquals("aws-cn", Regions.partition("cn-north-1"));
        assertEquals("aws-us-gov", Regions.partition("us-gov-west-1"));
        assertEquals("aws-iso-b", Regions.partition("us-isob-east-1"));
        assertEquals("aws", Regions.partition("eu-west-1"));
    }

    @Test
    void toString_whenExternalIdIsSet_leavesItOut() {
        assertEquals("AssumeRole[" + ROLE + ", with external id]", AssumeRole.of(ROLE, "s3cret-id").toString());
    }
}
