package io.github.drkit.failover;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IAlias;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The evaluate action on a schedule (EventBridge Scheduler invoking the live alias), the readiness metric it publishes,
 * and the alarm that tells the notification topic when the verdict is {@code NOT_READY}.
 */
final class ReadinessSchedule {
    /** The CloudWatch namespace of the readiness metric. */
    static final String NAMESPACE = "drkit/readiness";
    /** The metric the runtime publishes (ReadinessEvaluator.METRIC): 0 READY, 1 DEGRADED, 2 NOT_READY. */
    static final String METRIC = "ReadinessVerdict";
    /** How long one scheduled evaluate may take: its reads are batched, a minute is ample, two leave room. */
    static final int DEADLINE_SECONDS = 120;

    final Schedule schedule;
    final Metric metric;
    final Alarm alarm;

    ReadinessSchedule(Construct scope, String application, IAlias alias, ITopic topic, Duration interval) {
        this.schedule = Schedule.Builder.create(scope, "ReadinessSchedule")
                .description("drkit evaluate of " + application + " every " + interval.toHumanString())
                .schedule(ScheduleExpression.rate(interval))
                .target(LambdaInvoke.Builder.create(alias)
                        .input(ScheduleTargetInput.fromObject(new java.util.TreeMap<>(Map.of("action", "evaluate", "deadlineSeconds", DEADLINE_SECONDS))))
                        // A missed evaluation is replaced by the next one; retrying it late only adds load.
                        .retryAttempts(0)
                        .build())
                .build();
        this.metric = Metric.Builder.create().namespace(NAMESPACE).metricName(METRIC)
                .dimensionsMap(Map.of("Application", application)).statistic("Maximum").period(interval).build();
        this.alarm = Alarm.Builder.create(scope, "ReadinessAlarm")
                .alarmDescription("drkit evaluate of " + application + " is NOT_READY: failover would fail or miss its objective now;"
                        + " the findings are in the function's logs and the audit trail")
                .metric(metric)
                .threshold(2)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                // No datapoint means evaluate did not run; the function's errors alarm reports a run that failed.
                .treatMissingData(TreatMissingData.MISSING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
    }
}
