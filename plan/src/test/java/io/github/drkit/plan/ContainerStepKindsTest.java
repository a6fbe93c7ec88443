package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@code scaleService} and {@code scaleNodegroup}, one case per message. */
class ContainerStepKindsTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "WARM_STANDBY", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "compute", "steps": [%s]}]}""";
    private static final String SERVICE = """
            {"kind": "scaleService", "cluster": "shop", "service": "web", "standbyDesiredCount": 1, "recoveryDesiredCount": 4 %s}""";
    private static final String NODEGROUP = """
            {"kind": "scaleNodegroup", "clusterName": "shop", "nodegroupName": "workers",
             "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 2, "desired": 3, "max": 6} %s}""";

    /** The step with the fields of {@code extra} set, replacing those it has. */
    private static String with(String step, String extra) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(step.formatted(""));
            node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree("{" + extra + "}"));
            return json.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void read_whenServiceFollowsPrimary_defaultsPrimaryNamesAndRegion() {
        ServicePlan service = RecoveryPlan.parse(PLAN.formatted(SERVICE.formatted(", \"recoveryPercentOfPrimary\": 50, \"primaryRegion\": \"us-east-1\"")))
                .steps(ServicePlan.class).get(0);

        assertEquals(new ServicePlan("us-west-2", "shop", "web", 1, 4, 50, "us-east-1", "shop", "web", 600, "stages[0].steps[0]"), service);
        assertEquals(5, service.recoveryCount(9), "half of 9 rounded up");
        assertEquals(1, service.recoveryCount(1), "never below standby... and the share of 1 rounded up is 1");
        assertEquals(4, service.recoveryCount(null), "the plan's count when the primary did not answer");
        assertEquals(4, service.recoveryCount(0), "the plan's count when the primary asks for no task");
    }

    @Test
    void read_whenNodegroupHasNoTimeout_takesTheDefault() {
        NodegroupPlan nodegroup = RecoveryPlan.parse(PLAN.formatted(NODEGROUP.formatted(""))).steps(NodegroupPlan.class).get(0);

        assertEquals(ScaleNodegroupKind.DEFAULT_UPDATE_TIMEOUT_SECONDS, nodegroup.updateTimeoutSeconds());
        assertEquals(new Capacity(2, 3, 6), nodegroup.recovery());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"cluster\": \"bad name\"' | cluster | must be an ECS cluster name: 1-255 letters, digits, '-' and '_' (got 'bad name')",
            "'\"service\": \"\"' | service | must not be empty",
            "'\"recoveryDesiredCount\": 0' | recoveryDesiredCount | must be at least standbyDesiredCount (got 0, standbyDesiredCount 1): failover never shrinks a service",
            "'\"standbyDesiredCount\": 10001' | standbyDesiredCount | must be between 0 and 10000 (got 10001)",
            "'\"recoveryPercentOfPrimary\": 101, \"primaryRegion\": \"us-east-1\"' | recoveryPercentOfPrimary | must be between 1 and 100 (got 101)",
            "'\"recoveryPercentOfPrimary\": 0, \"primaryRegion\": \"us-east-1\"' | recoveryPercentOfPrimary | must be between 1 and 100 (got 0)",
            "'\"recoveryPercentOfPrimary\": 50' | primaryRegion | is required when recoveryPercentOfPrimary is set (got recoveryPercentOfPrimary 50): the Region to read the primary service in",
            "'\"primaryCluster\": \"shop\"' | primaryCluster | is read only with recoveryPercentOfPrimary (got primaryCluster without it): set the share of the primary's desired count, or leave the primary out",
            "'\"recoveryPercentOfPrimary\": 50, \"primaryRegion\": \"us-west-2\"' | primaryRegion | must differ from the step's region (got 'us-west-2' for both): the primary service runs in the other Region",
            "'\"recoveryPercentOfPrimary\": 50, \"primaryRegion\": \"mars-1\"' | primaryRegion | must be an AWS Region code such as us-west-2 (got 'mars-1')",
            "'\"steadyStateTimeoutSeconds\": 3601' | steadyStateTimeoutSeconds | must be between 0 and 3600 (got 3601)",
            "'\"desiredCount\": 3' | desiredCount | is not a field of stages[0].steps[0]"})
    void read_whenServiceFieldIsBad_namesTheFieldTheValueAndTheRule(String extra, String field, String rule) {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(PLAN.formatted(with(SERVICE, extra))));

        assertEquals("stages[0].steps[0]." + field, e.field());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"clusterName\": \"_k8s\"' | clusterName | must be an EKS cluster name: 1-100 letters, digits, '-' and '_', starting with a letter or digit (got '_k8s')",
            "'\"nodegroupName\": \"n g\"' | nodegroupName | must be an EKS node group name: 1-63 letters, digits, '-' and '_', starting with a letter or digit (got 'n g')",
            "'\"updateTimeoutSeconds\": -1' | updateTimeoutSeconds | must be between 0 and 3600 (got -1)"})
    void read_whenNodegroupFieldIsBad_namesTheFieldTheValueAndTheRule(String extra, String field, String rule) {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(PLAN.formatted(with(NODEGROUP, extra))));

        assertEquals("stages[0].steps[0]." + field, e.field());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void read_whenNodegroupCapacityIsBad_namesTheCount() {
        String zeroMax = NODEGROUP.formatted("").replace("\"standby\": {\"min\": 0, \"desired\": 0, \"max\": 2}", "\"standby\": {\"min\": 0, \"desired\": 0, \"max\": 0}");
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(PLAN.formatted(zeroMax)));
        assertEquals("stages[0].steps[0].standby.max: must be between 1 and 10000 (got 0)", e.getMessage());

        String shrinks = NODEGROUP.formatted("").replace("\"desired\": 3", "\"desired\": 0").replace("\"min\": 2", "\"min\": 0");
        PlanValidationException below = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(PLAN.formatted(shrinks.replace("\"max\": 6", "\"max\": 1"))));
        assertEquals("stages[0].steps[0].recovery.max", below.field());
    }

    @Test
    void read_whenTwoStepsNameOneServiceOrNodegroup_refusesTheSecond() {
        PlanValidationException service = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(PLAN.formatted(SERVICE.formatted("") + "," + SERVICE.formatted(""))));
        assertEquals("stages[0].steps[1].service: names the same ECS service as stages[0].steps[0]", service.getMessage());

        PlanValidationException nodegroup = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(PLAN.formatted(NODEGROUP.formatted("") + "," + NODEGROUP.formatted(""))));
        assertEquals("stages[0].steps[1].nodegroupName: names the same EKS node group as stages[0].steps[0]", nodegroup.getMessage());
    }
}
