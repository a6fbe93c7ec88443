package io.github.drkit.runtime.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.plan.RecoveryPlan;

/** Sends the report of every failover and failback (not status, not dry runs) to the plan's SNS topic. */
final class Notifier {
    /** SNS takes 256 KiB; the report is cut to stay below it. */
    private static final int MAX_BYTES = 250 * 1024;

    private final AwsClients aws;

    /** How long publishing the report may take, after the run itself. */
    static final Duration BUDGET = Duration.ofSeconds(15);

    Notifier(AwsClients aws) {
        this.aws = aws;
    }

    /** Publishes and returns the report with the notification step added. A failed notification does not fail the run. */
    Report publish(RecoveryPlan plan, Report report) {
        if (plan.notificationTopicArn() == null) {
            return report;
        }
        Instant start = Instant.now();
        // Its own short budget: the report of a run stopped by its deadline is the one the operator most needs.
        CallLog log = new CallLog(Deadline.after(BUDGET));
        StepReport.Outcome outcome;
        String detail = null;
        String error = null;
        try {
            String body = ReportJson.write(report);
            if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                body = body.substring(0, MAX_BYTES / 4) + "\n... (cut; the full report is in the invocation result)";
            }
            String message = body;
            String subject = ("drkit " + plan.application() + ": " + report.action() + " " + report.outcome());
            String region = plan.notificationTopicArn().split(":")[3];
            String id = log.bind(() -> aws.sns().publish(region, plan.notificationTopicArn(),
                    subject.length() > 100 ? subject.substring(0, 100) : subject, message));
            outcome = StepReport.Outcome.DONE;
            detail = "published message " + id;
        } catch (RuntimeException e) {
            outcome = StepReport.Outcome.FAILED;
            error = RecoveryEngine.message(e) + " (the recovery itself is unaffected)";
        }
        Instant end = Instant.now();
        List<StepReport> steps = new ArrayList<>(report.steps());
        steps.add(new StepReport("notify " + plan.notificationTopicArn(), "notificationTopicArn", start.toString(), end.toString(),
                Duration.between(start, end).toMillis(), outcome, detail, List.of("Publish report"), log.calls(), error));
        return new Report(report.action(), report.runId(), report.application(), report.strategy(), report.recoveryRegion(), report.dryRun(),
                report.force(), report.outcome(), report.message(), report.startedAt(), end.toString(),
                Duration.between(Instant.parse(report.startedAt()), end).toMillis(), report.stateBefore(), report.stateAfter(),
                steps, report.notDone(), report.leftForOperator());
    }
}
