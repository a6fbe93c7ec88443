package io.github.drkit.runtime.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.runtime.engine.InvalidRequestException;

/** The restore job event as AWS Backup sends it to EventBridge, and a clear refusal for each way one can be wrong. */
class RestoreJobEventTest {
    private static final String PLAN = "arn:aws:backup:us-west-2:123456789012:restore-testing-plan:shop_restore_test-8f0a6b1c";

    /** The event of a completed restore test of an EBS volume, shaped as AWS Backup sends it. */
    static Map<String, Object> event() {
        Map<String, Object> detail = new HashMap<>(Map.of(
                "restoreJobId", "D59196C8-8951-4C80-E71E-8F41E6D364E5",
                "backupSizeInBytes", "8589934592",
                "creationDate", "2026-12-04T01:02:39.032Z",
                "iamRoleArn", "arn:aws:iam::123456789012:role/drkit-backup",
                "percentDone", 0.0,
                "resourceType", "EBS",
                "status", "COMPLETED",
                "createdResourceArn", "arn:aws:ec2:us-west-2:123456789012:volume/vol-0123456789abcdef0",
                "completionDate", "2026-12-04T01:09:55.681Z",
                "restoreTestingPlanArn", PLAN));
        Map<String, Object> event = new HashMap<>(Map.of("version", "0", "id", "45553104-c15f-39e3-a3ed-0b8c2f58de87",
                "detail-type", "Restore Job State Change", "source", "aws.backup", "account", "123456789012",
                "time", "2026-12-04T01:10:58Z", "region", "us-west-2",
                "resources", java.util.List.of("arn:aws:ec2:us-west-2::snapshot/snap-0123456789abcdef0")));
        event.put("detail", detail);
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> event) {
        return (Map<String, Object>) event.get("detail");
    }

    private static String refusal(Map<String, Object> event) {
        return assertThrows(InvalidRequestException.class, () -> RestoreJobEvent.fromEvent(event)).getMessage();
    }

    @Test
    void fromEvent_whenCompletedRestoreTest_readsJobResourceAndPlan() {
        RestoreJobEvent job = RestoreJobEvent.fromEvent(event());

        assertEquals(new RestoreJobEvent("us-west-2", "D59196C8-8951-4C80-E71E-8F41E6D364E5", "EBS",
                "arn:aws:ec2:us-west-2:123456789012:volume/vol-0123456789abcdef0", PLAN), job);
        assertEquals(job, job.requirePlan(PLAN));
    }

    @Test
    void fromEvent_whenOtherSource_failsNamingSource() {
        Map<String, Object> event = event();
        event.put("source", "aws.ec2");

        assertEquals("source: must be \"aws.backup\" (got 'aws.ec2')", refusal(event));
    }

    @Test
    void fromEvent_whenOtherDetailType_failsNamingDetailType() {
        Map<String, Object> event = event();
        event.put("detail-type", "Backup Job State Change");

        assertEquals("detail-type: must be \"Restore Job State Change\" (got 'Backup Job State Change')", refusal(event));
    }

    @Test
    void fromEvent_whenNoDetail_failsNamingDetail() {
        Map<String, Object> event = event();
        event.remove("detail");

        assertEquals("detail: is required: an object with restoreJobId, status, resourceType and createdResourceArn (got none)", refusal(event));
    }

    @Test
    void fromEvent_whenJobFailed_failsNamingStatus() {
        Map<String, Object> event = event();
        detail(event).put("status", "FAILED");

        assertEquals("detail.status: must be COMPLETED: only a completed restore job has a resource to validate (got 'FAILED')", refusal(event));
    }

    @Test
    void fromEvent_whenNoJobId_failsNamingRestoreJobId() {
        Map<String, Object> event = event();
        detail(event).remove("restoreJobId");

        assertEquals("detail.restoreJobId: is required (got none)", refusal(event));
    }

    @Test
    void fromEvent_whenJobIdHasSlash_failsNamingRestoreJobId() {
        Map<String, Object> event = event();
        detail(event).put("restoreJobId", "../plans");

        assertEquals("detail.restoreJobId: must be 1 to 128 letters, digits or '-' (got '../plans')", refusal(event));
    }

    @Test
    void fromEvent_whenCreatedResourceNotAnArn_failsNamingCreatedResourceArn() {
        Map<String, Object> event = event();
        detail(event).put("createdResourceArn", "vol-0123456789abcdef0");

        assertEquals("detail.createdResourceArn: must be an ARN, arn:<partition>:<service>:<region>:<account>:<resource> "
                + "(got 'vol-0123456789abcdef0')", refusal(event));
    }

    @Test
    void fromEvent_whenNoResourceType_failsNamingResourceType() {
        Map<String, Object> event = event();
        detail(event).put("resourceType", "");

        assertEquals("detail.resourceType: is required (got '')", refusal(event));
    }

    @Test
    void fromEvent_whenEmpty_failsNamingTheEvent() {
        assertEquals("the event is empty; expected an AWS Backup \"Restore Job State Change\" event",
                assertThrows(InvalidRequestException.class, () -> RestoreJobEvent.fromEvent(null)).getMessage());
    }

    @Test
    void requirePlan_whenOtherPlansJob_failsNamingRestoreTestingPlanArn() {
        Map<String, Object> event = event();
        detail(event).put("restoreTestingPlanArn", "arn:aws:backup:us-west-2:123456789012:restore-testing-plan:other-1");

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RestoreJobEvent.fromEvent(event).requirePlan(PLAN));

        assertEquals("detail.restoreTestingPlanArn", e.field());
        assertEquals("detail.restoreTestingPlanArn: must be " + PLAN + ", the restore testing plan this function validates "
                + "(got 'arn:aws:backup:us-west-2:123456789012:restore-testing-plan:other-1')", e.getMessage());
    }

    @Test
    void requirePlan_whenRestoreNotFromAPlan_failsNamingRestoreTestingPlanArn() {
        Map<String, Object> event = event();
        detail(event).remove("restoreTestingPlanArn");

        assertEquals("detail.restoreTestingPlanArn: must be " + PLAN + ", the restore testing plan this function validates (got none)",
                assertThrows(InvalidRequestException.class, () -> RestoreJobEvent.fromEvent(event).requirePlan(PLAN)).getMessage());
    }
}
