package io.github.drkit.lambda;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Progress;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.plan.RecoveryPlan;

/**
 * The Lambda entry point: {@code io.github.drkit.lambda.FailoverHandler}. The event is
 * {@code {"action": "status|failover|failback|restore", "dryRun": false, "force": false, "deadlineSeconds": 600}} (restore also takes {@code "before": "2026-12-01T10:00Z"}); the plan comes from
 * {@code DRKIT_PLAN} (inline) or {@code DRKIT_PLAN_PARAMETER} (an SSM parameter name).
 *
 * <p>Returns the report. Invalid input (event, plan, unknown resource) is thrown, so the invocation fails
 * with the message naming the field and no change made; a run that fails part-way returns its report with
 * outcome FAILED, because the report (what was done, what was not) is what the operator needs.
 */
public final class FailoverHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Kept from the invocation's remaining time for the report and its notification (at most a quarter of it). */
    static final Duration MARGIN = Duration.ofSeconds(20);

    private final Map<String, String> env;
    private final AwsClients aws;
    private final RecoveryEngine engine;

    /** Used by Lambda: clients built once per execution environment, from AWS_REGION and AWS_ENDPOINT_URL. */
    public FailoverHandler() {
        this(System.getenv(), AwsClients.fromEnvironment("us-east-1"), Duration.ofSeconds(5));
    }

    public FailoverHandler(Map<String, String> env, AwsClients aws, Duration pollInterval) {
        this(env, aws, pollInterval, Progress.jsonLines(System.out));
    }

    /** @param progress where step starts and ends and wait rounds go; Lambda sends standard output to CloudWatch Logs */
    public FailoverHandler(Map<String, String> env, AwsClients aws, Duration pollInterval, Progress progress) {
        this.env = Map.copyOf(env);
        this.aws = aws;
        this.engine = RecoveryEngine.builder(aws).pollInterval(pollInterval).progress(progress).build();
    }

    /**
     * The run's deadline inside the invocation's: the time Lambda leaves, less a margin for the report and its
     * notification, so that the function returns its report instead of being cut off by its timeout.
     */
    static RecoveryRequest withinInvocation(RecoveryRequest request, Context context) {
        if (context == null || context.getRemainingTimeInMillis() <= 0) {
            return request;
        }
        long remaining = context.getRemainingTimeInMillis();
        long margin = Math.min(MARGIN.toMillis(), remaining / 4);
        return request.within(Duration.ofMillis(Math.max(1, remaining - margin)));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        RecoveryRequest request = withinInvocation(RecoveryRequest.fromEvent(event), context);
        RecoveryPlan plan = PlanSource.load(env, aws);
        Report report = engine.run(plan, request);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("drkit " + report.action() + " " + report.outcome() + ": " + report.message() + "\n");
        }
        return ReportJson.toMap(report);
    }
}
