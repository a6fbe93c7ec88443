package io.github.drkit.lambda;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.validation.RestoreJobEvent;
import io.github.drkit.runtime.validation.RestoreValidation;
import io.github.drkit.runtime.validation.ValidationResult;

/**
 * The Lambda entry point of restore testing validation: {@code io.github.drkit.lambda.RestoreValidationHandler}. An
 * EventBridge rule sends it AWS Backup's "Restore Job State Change" events of one restore testing plan whose status is
 * COMPLETED; it checks the restored resource and reports the result with {@code PutRestoreValidationResult}.
 *
 * <p>With {@code DRKIT_RESTORE_TESTING_PLAN_ARN} set, events of any other plan are refused. A malformed event is thrown
 * with the field it got wrong, and nothing is reported. Returns what was reported.
 */
public final class RestoreValidationHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** The environment variable naming the restore testing plan whose jobs this function validates. */
    public static final String PLAN_ARN = "DRKIT_RESTORE_TESTING_PLAN_ARN";
    /** Kept from the invocation's remaining time for the final report (at most a quarter of it). */
    static final Duration MARGIN = Duration.ofSeconds(10);
    /** Used when the invocation's remaining time is unknown (a test or a direct call). */
    static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

    private final String planArn;
    private final RestoreValidation validation;

    /** Used by Lambda: clients built once per execution environment, from AWS_REGION and AWS_ENDPOINT_URL. */
    public RestoreValidationHandler() {
        this(System.getenv(), AwsClients.fromEnvironment("us-east-1"), Duration.ofSeconds(15));
    }

    /** @param pollInterval time between two reads of a restored resource that is still being set up */
    public RestoreValidationHandler(Map<String, String> env, AwsClients aws, Duration pollInterval) {
        String plan = env.get(PLAN_ARN);
        this.planArn = plan == null || plan.isBlank() ? null : plan;
        this.validation = new RestoreValidation(aws, pollInterval);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        RestoreJobEvent job = RestoreJobEvent.fromEvent(event).requirePlan(planArn);
        ValidationResult result = validation.validate(job, deadline(context));
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("drkit restore validation " + result.status() + " for restore job " + result.restoreJobId() + ": "
                    + result.message() + "\n");
        }
        return result.toMap();
    }

    /** The invocation's remaining time less a margin for the report, so that the function reports before Lambda stops it. */
    static Deadline deadline(Context context) {
        if (context == null || context.getRemainingTimeInMillis() <= 0) {
            return Deadline.after(DEFAULT_DEADLINE);
        }
        long remaining = context.getRemainingTimeInMillis();
        long margin = Math.min(MARGIN.toMillis(), remaining / 4);
        return Deadline.after(Duration.ofMillis(Math.max(1, remaining - margin)));
    }
}
