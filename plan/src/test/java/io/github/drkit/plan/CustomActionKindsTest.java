package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The invokeFunction and approval kinds: what they read and write, and a test per rule. */
class CustomActionKindsTest {
    private static final String ARN = "arn:aws:lambda:us-west-2:111111111111:function:shop-flags";

    private static String plan(String recoveryRegion, String steps) {
        return """
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "%s",
                 "stages": [{"name": "traffic", "steps": [%s]}, {"name": "after", "steps": [{"kind": "approval"}]}]}"""
                .formatted(recoveryRegion, steps);
    }

    private static String invoke(String fields) {
        return "{\"kind\": \"invokeFunction\", " + fields + "}";
    }

    private static PlanValidationException refused(String recoveryRegion, String steps) {
        return assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(plan(recoveryRegion, steps)));
    }

    @Test
    void read_whenOnlyTheArn_takesTheDefaults() {
        InvokeFunctionPlan step = RecoveryPlan.parse(plan("us-west-2", invoke("\"functionArn\": \"" + ARN + "\""))).steps(InvokeFunctionPlan.class).get(0);

        assertEquals(new InvokeFunctionPlan(ARN, "{}", InvokeFunctionPlan.RunOn.FAILOVER, 60, 2, "stages[0].steps[0]"), step);
        assertEquals("us-west-2", step.region());
    }

    @Test
    void read_whenEveryField_roundTripsThroughTheWriterWithNullsAndOrderKept() {
        String json = plan("us-west-2", invoke("\"functionArn\": \"" + ARN + ":live\", \"payload\": {\"b\": null, \"a\": [1, 2.5, true, {\"c\": \"d\"}]},"
                + " \"runOn\": \"both\", \"timeoutSeconds\": 900, \"retries\": 0"));

        RecoveryPlan read = RecoveryPlan.parse(json);
        InvokeFunctionPlan step = read.steps(InvokeFunctionPlan.class).get(0);

        assertEquals("{\"b\":null,\"a\":[1,2.5,true,{\"c\":\"d\"}]}", step.payload());
        assertEquals(InvokeFunctionPlan.RunOn.BOTH, step.runOn());
        assertEquals(PlanWriter.toJson(read), PlanWriter.toJson(RecoveryPlan.parse(PlanWriter.toJson(read))));
        assertEquals(List.of(), PlanSchema.errors(PlanWriter.toJson(read)));
    }

    @Test
    void read_whenArnInAnotherPartitionThanThePlan_namesFunctionArn() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"arn:aws-cn:lambda:cn-north-1:111111111111:function:flags\""));

        assertEquals("stages[0].steps[0].functionArn: must be in partition 'aws' of the plan's Region us-west-2: the runtime's credentials"
                + " reach no other partition (got 'arn:aws-cn:lambda:cn-north-1:111111111111:function:flags')", e.getMessage());
    }

    @Test
    void read_whenArnInGovCloudAndPlanInGovCloud_accepts() {
        String arn = "arn:aws-us-gov:lambda:us-gov-east-1:111111111111:function:flags";

        assertEquals("us-gov-east-1", RecoveryPlan.parse(plan("us-gov-west-1", invoke("\"functionArn\": \"" + arn + "\"")))
                .steps(InvokeFunctionPlan.class).get(0).region());
    }

    @Test
    void read_whenArnPartitionIsNotItsRegions_namesFunctionArn() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"arn:aws:lambda:cn-north-1:111111111111:function:flags\""));

        assertEquals("stages[0].steps[0].functionArn", e.field());
        assertEquals("stages[0].steps[0].functionArn: names partition 'aws' but Region cn-north-1 is in partition 'aws-cn'"
                + " (got 'arn:aws:lambda:cn-north-1:111111111111:function:flags')", e.getMessage());
    }

    @Test
    void read_whenArnIsAName_namesFunctionArn() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"shop-flags\""));

        assertEquals("stages[0].steps[0].functionArn: must be a Lambda function ARN, arn:<partition>:lambda:<region>:<account>:function:<name>"
                + "[:<version or alias>] (got 'shop-flags')", e.getMessage());
    }

    @Test
    void read_whenArnRegionUnknown_namesFunctionArn() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"arn:aws:lambda:us-moon-1:111111111111:function:flags\""));

        assertEquals("stages[0].steps[0].functionArn", e.field());
    }

    @Test
    void read_whenPayloadIsNotAnObject_namesPayload() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"" + ARN + "\", \"payload\": [1]"));

        assertEquals("stages[0].steps[0].payload: must be a JSON object (got an array)", e.getMessage());
    }

    @Test
    void read_whenPayloadHasTheReservedField_namesIt() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"" + ARN + "\", \"payload\": {\"drkit\": 1}"));

        assertEquals("stages[0].steps[0].payload.drkit", e.field());
    }

    @Test
    void read_whenPayloadTooLarge_namesPayloadAndSize() {
        String big = "x".repeat(InvokeFunctionKind.MAX_PAYLOAD_BYTES);
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"" + ARN + "\", \"payload\": {\"v\": \"" + big + "\"}"));

        assertEquals("stages[0].steps[0].payload: must be at most 65536 bytes as JSON (got 65544): the plan carries it to every run;"
                + " pass a reference (an S3 key, a parameter name) instead", e.getMessage());
    }

    @Test
    void read_whenPayloadNumberBeyondDouble_namesPayload() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"" + ARN + "\", \"payload\": {\"v\": 1e400}"));

        assertEquals("stages[0].steps[0].payload", e.field());
    }

    @Test
    void read_whenRunOnUnknown_namesRunOn() {
        PlanValidationException e = refused("us-west-2", invoke("\"functionArn\": \"" + ARN + "\", \"runOn\": \"always\""));

        assertEquals("stages[0].steps[0].runOn: must be failover, failback or both (got 'always')", e.getMessage());
    }

    @Test
    void read_whenTimeoutOrRetriesOutOfRange_namesTheField() {
        assertEquals("stages[0].steps[0].timeoutSeconds: must be between 1 and 900 (got 901)",
                refused("us-west-2", invoke("\"functionArn\": \"" + ARN + "\", \"timeoutSeconds\": 901")).getMessage());
        assertEquals("stages[0].steps[0].retries: must be between 0 and 5 (got 6)",
                refused("us-west-2", invoke("\"functionArn\": \"" + ARN + "\", \"retries\": 6")).getMessage());
    }

    @Test
    void read_whenApprovalHasAMessage_keepsItAndStageReportsIt() {
        RecoveryPlan read = RecoveryPlan.parse(plan("us-west-2", "{\"kind\": \"approval\", \"message\": \"Primary down?\"}, "
                + invoke("\"functionArn\": \"" + ARN + "\"")));

        assertEquals(new ApprovalPlan("Primary down?", "stages[0].steps[0]"), read.stages().get(0).approval());
        assertEquals(new ApprovalPlan(null, "stages[1].steps[0]"), read.stages().get(1).approval());
        assertEquals(Map.of("message", "Primary down?"), new ApprovalKind().write(read.stages().get(0).approval()));
    }

    @Test
    void approval_whenStageHasNone_isNull() {
        assertNull(new Stage("data", List.of(new DatabasePlan("us-west-2", "db"))).approval());
    }

    @Test
    void read_whenApprovalMessageSpansLines_namesMessage() {
        PlanValidationException e = refused("us-west-2", "{\"kind\": \"approval\", \"message\": \"one\\ntwo\"}");

        assertEquals("stages[0].steps[0].message: must be 1-1024 characters on one line, starting with a visible character (got 'one\ntwo')", e.getMessage());
    }

    @Test
    void read_whenTwoApprovalsInOneStage_namesTheSecond() {
        PlanValidationException e = refused("us-west-2", "{\"kind\": \"approval\"}, {\"kind\": \"approval\"}");

        assertEquals("stages[0].steps[1].kind: is a second approval in stages[0] (the first is stages[0].steps[0]): one approval gates the whole stage",
                e.getMessage());
    }

    @Test
    void read_whenApprovalHasAnUnknownField_namesIt() {
        PlanValidationException e = refused("us-west-2", "{\"kind\": \"approval\", \"approvers\": \"ops\"}");

        assertEquals("stages[0].steps[0].approvers", e.field());
    }

    @Test
    void failbackOrder_whenCustomActionsRunOnFailback_putsThemAfterTrafficAndCompute() {
        RecoveryPlan read = RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "a", "steps": [{"kind": "invokeFunction", "functionArn": "%s", "runOn": "both"}]},
                            {"name": "b", "steps": [{"kind": "startInstances", "instanceIds": ["i-0123456789abcdef0"]}]}]}"""
                .formatted(ARN));

        assertEquals(List.of("startInstances", "invokeFunction"),
                read.failbackOrder().stream().map(group -> group.get(0).kind()).toList());
    }
}
