package io.github.drkit.lambda;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.plan.RecoveryPlan;

/**
 * The Lambda entry point: {@code io.github.drkit.lambda.FailoverHandler}. The event is
 * {@code {"action": "status|failover|failback", "dryRun": false, "force": false}}; the plan comes from
 * {@code DRKIT_PLAN} (inline) or {@code DRKIT_PLAN_PARAMETER} (an SSM parameter name).
 *
 * <p>Returns the report. Invalid input (event, plan, unknown resource) is thrown, so the invocation fails
 * with the message naming the field and no change made; a run that fails part-way returns its report with
 * outcome FAILED, because the report (what was done, what was not) is what the operator needs.
 */
public final class FailoverHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Map<String, String> env;
    private final AwsClients aws;
    private final RecoveryEngine engine;

    /** Used by Lambda: clients built once per execution environment, from AWS_REGION and AWS_ENDPOINT_URL. */
    public FailoverHandler() {
        this(System.getenv(), AwsClients.fromEnvironment("us-east-1"), Duration.ofSeconds(5));
    }

    public FailoverHandler(Map<String, String> env, AwsClients aws, Duration pollInterval) {
        this.env = Map.copyOf(env);
        this.aws = aws;
        this.engine = RecoveryEngine.builder(aws).pollInterval(pollInterval).build();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        RecoveryRequest request = RecoveryRequest.fromEvent(event);
        RecoveryPlan plan = PlanSource.load(env, aws);
        Report report = engine.run(plan, request);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("drkit " + report.action() + " " + report.outcome() + ": " + report.message() + "\n");
        }
        return ReportJson.toMap(report);
    }
}
