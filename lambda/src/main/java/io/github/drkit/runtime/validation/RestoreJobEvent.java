package io.github.drkit.runtime.validation;

import java.util.Map;
import java.util.regex.Pattern;

import io.github.drkit.runtime.engine.InvalidRequestException;

/**
 * The EventBridge event AWS Backup sends when a restore job changes state ({@code detail-type} "Restore Job State
 * Change", {@code source} "aws.backup"), as far as validating a restore test needs it.
 *
 * @param region                the Region of the restore job (the event's {@code region}); null when the event has none
 * @param restoreJobId          {@code detail.restoreJobId}
 * @param resourceType          {@code detail.resourceType}, e.g. {@code EBS}, {@code RDS}, {@code Aurora}
 * @param createdResourceArn    {@code detail.createdResourceArn}: the resource the restore made
 * @param restoreTestingPlanArn {@code detail.restoreTestingPlanArn}; null for a restore job no restore testing plan started
 */
public record RestoreJobEvent(String region, String restoreJobId, String resourceType, String createdResourceArn,
                              String restoreTestingPlanArn) {
    /** The detail type of AWS Backup's restore job events. */
    public static final String DETAIL_TYPE = "Restore Job State Change";
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");
    private static final Pattern ARN = Pattern.compile("arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:.+");

    /**
     * Reads the event, refusing one that is not a completed restore job: the message names the field, the value and the
     * rule, and nothing is checked or reported.
     */
    public static RestoreJobEvent fromEvent(Map<String, Object> event) {
        if (event == null) {
            throw new InvalidRequestException("", "the event is empty; expected an AWS Backup \"" + DETAIL_TYPE + "\" event");
        }
        expect(event, "source", "aws.backup");
        expect(event, "detail-type", DETAIL_TYPE);
        Object detail = event.get("detail");
        if (!(detail instanceof Map<?, ?> d)) {
            throw new InvalidRequestException("detail", "is required: an object with restoreJobId, status, resourceType and "
                    + "createdResourceArn (got " + describe(detail) + ")");
        }
        String status = text(d, "status");
        if (!"COMPLETED".equals(status)) {
            throw new InvalidRequestException("detail.status", "must be COMPLETED: only a completed restore job has a resource to "
                    + "validate (got " + describe(d.get("status")) + ")");
        }
        String jobId = required(d, "restoreJobId");
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new InvalidRequestException("detail.restoreJobId", "must be 1 to 128 letters, digits or '-' (got '" + jobId + "')");
        }
        String arn = required(d, "createdResourceArn");
        if (!ARN.matcher(arn).matches()) {
            throw new InvalidRequestException("detail.createdResourceArn", "must be an ARN, arn:<partition>:<service>:<region>:"
                    + "<account>:<resource> (got '" + arn + "')");
        }
        String planArn = text(d, "restoreTestingPlanArn");
        return new RestoreJobEvent(text(event, "region"), jobId, required(d, "resourceType"), arn,
                planArn == null || planArn.isBlank() ? null : planArn);
    }

    /**
     * Refuses the event of another restore testing plan (or of a restore no plan started) when this validator serves one.
     *
     * @param expectedPlanArn the plan the function validates; null accepts any
     */
    public RestoreJobEvent requirePlan(String expectedPlanArn) {
        if (expectedPlanArn != null && !expectedPlanArn.equals(restoreTestingPlanArn)) {
            throw new InvalidRequestException("detail.restoreTestingPlanArn", "must be " + expectedPlanArn
                    + ", the restore testing plan this function validates (got " + (restoreTestingPlanArn == null ? "none"
                    : "'" + restoreTestingPlanArn + "'") + ")");
        }
        return this;
    }

    private static void expect(Map<?, ?> event, String field, String value) {
        Object got = event.get(field);
        if (!value.equals(got)) {
            throw new InvalidRequestException(field, "must be \"" + value + "\" (got " + describe(got) + ")");
        }
    }

    private static String required(Map<?, ?> detail, String field) {
        String value = text(detail, field);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("detail." + field, "is required (got " + describe(detail.get(field)) + ")");
        }
        return value;
    }

    private static String text(Map<?, ?> map, String field) {
        Object value = map.get(field);
        return value instanceof String s ? s : null;
    }

    private static String describe(Object value) {
        return value == null ? "none" : value instanceof String s ? "'" + s + "'" : value.getClass().getSimpleName() + " " + value;
    }
}
