package io.github.drkit.lambda;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.Progress;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.audit.AuditTrail;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;

/**
 * The Lambda entry point: {@code io.github.drkit.lambda.FailoverHandler}. The event is
 * {@code {"action": "status|failover|failback|evaluate|restore", "dryRun": false, "force": false, "deadlineSeconds": 600}}
 * (restore also takes {@code "before": "2026-12-01T10:00Z"}); the plan
 * comes from {@code DRKIT_PLAN} (inline) or {@code DRKIT_PLAN_PARAMETER} (an SSM parameter name). {@code evaluate} weighs
 * its findings against the objectives the plan declares ({@code objectives}), and publishes its verdict in the
 * CloudWatch namespace {@code DRKIT_READINESS_NAMESPACE} when set. With {@code DRKIT_AUDIT_BUCKET} set, every report is
 * also kept in that bucket (in the function's Region), and the answer says where under {@code auditTrail}.
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
    private final ReadinessEvaluator readiness;
    private final AuditTrail audit;

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
        this.readiness = ReadinessEvaluator.builder(aws).metricNamespace(this.env.get(READINESS_NAMESPACE))
                .roleArn(this.env.get(ROLE_ARN)).build();
        String bucket = this.env.get(AUDIT_BUCKET);
        this.audit = bucket == null || bucket.isBlank() ? null : new AuditTrail(aws, bucket, aws.defaultRegion().id());
    }

    /** The environment variable naming the audit bucket. */
    static final String AUDIT_BUCKET = "DRKIT_AUDIT_BUCKET";
    /** The CloudWatch namespace evaluate publishes its verdict in; unset: none is published. */
    static final String READINESS_NAMESPACE = "DRKIT_READINESS_NAMESPACE";
    /** The function's own role, whose permissions evaluate simulates against the plan's calls; unset: not checked. */
    static final String ROLE_ARN = "DRKIT_ROLE_ARN";

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
        if (request.action() == Action.EVALUATE) {
            return evaluate(request, context);
        }
        RecoveryPlan plan = PlanSource.load(env, aws);
        Report report = engine.run(plan, request);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("drkit " + report.action() + " " + report.outcome() + " (run " + report.runId() + "): " + report.message() + "\n");
        }
        return kept(ReportJson.toMap(report), plan.application(), report.action(), report.startedAt(), report.runId(), context);
    }

    /**
     * The report with where the audit trail keeps it, when there is one: keyed by the run id, so that the runs of one
     * recovery are found together, with the invocation's request id as the object's metadata.
     */
    private Map<String, Object> kept(Map<String, Object> report, String application, String action, String startedAt, String runId,
                                     Context context) {
        if (audit == null) {
            return report;
        }
        String requestId = context == null ? null : context.getAwsRequestId();
        Map<String, Object> answer = new java.util.LinkedHashMap<>(report);
        answer.put("auditTrail", audit.keep(application, action, java.time.Instant.parse(startedAt), runId, requestId, ReportJson.write(report)));
        return answer;
    }

    private Map<String, Object> evaluate(RecoveryRequest request, Context context) {
        RecoveryPlan plan = PlanSource.load(env, aws);
        ReadinessReport report = readiness.evaluate(plan, Objectives.declaredBy(plan), request.deadline());
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("drkit evaluate " + report.verdict() + " (run " + report.runId() + "): " + report.message() + "\n");
        }
        return kept(ReportJson.toMap(report), plan.application(), report.action(), report.startedAt(), report.runId(), context);
    }
}
