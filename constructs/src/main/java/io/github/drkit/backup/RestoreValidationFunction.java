package io.github.drkit.backup;

import io.github.drkit.failover.RuntimeCode;
import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.backup.CfnRestoreTestingPlan;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IRule;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validation of a restore testing plan: when a restore job of the plan completes, an EventBridge rule sends AWS
 * Backup's "Restore Job State Change" event to a function of the drkit runtime jar
 * ({@link RuntimeCode#VALIDATION_HANDLER}), which checks the restored resource (its status, with one describe call) and
 * reports SUCCESSFUL, FAILED or TIMED_OUT to the job with {@code PutRestoreValidationResult}.
 *
 * <p>The role may report validation results and read the one resource type the plan restores. Events the rule could
 * not deliver after its retries land on a dead-letter queue; a failed invocation raises an alarm on the vault's
 * notification topic. Made by {@link BackupVault} when {@link RestoreTesting.Builder#validation} is on.
 */
public class RestoreValidationFunction extends Construct {
    /** The resource types the validation function has a check for. */
    public static final List<String> VALIDATED_TYPES = List.of("Aurora", "DynamoDB", "EBS", "EC2", "RDS", "S3");
    /** Time the function has for one restored resource, waits for it to settle included. */
    static final Duration TIMEOUT = Duration.minutes(5);

    private final Function function;
    private final Rule rule;
    private final Queue deadLetterQueue;
    private final Alarm errorsAlarm;

    RestoreValidationFunction(Construct scope, String id, CfnRestoreTestingPlan plan, String protectedResourceType, ITopic topic) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String planArn = plan.getAttrRestoreTestingPlanArn();

        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_YEAR).removalPolicy(RemovalPolicy.RETAIN).build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("drkit restore testing validation of " + getNode().getPath() + ": reads the restored "
                        + protectedResourceType + " resource and reports the result")
                .build();
        // Instead of the AWSLambdaBasicExecutionRole managed policy (any log group): this log group only.
        role.addToPrincipalPolicy(statement("Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logs.getLogGroupArn(), logs.getLogGroupArn() + ":log-stream:*")));
        role.addToPrincipalPolicy(statement("Report", RuntimePermissions.actions("restore-validation", "validation-report"), List.of("*")));
        String readScope = "restored-" + protectedResourceType.toLowerCase(Locale.ROOT);
        List<String> readResources = readResources(stack, protectedResourceType);
        role.addToPrincipalPolicy(statement("ReadRestored", RuntimePermissions.actions("restore-validation", readScope), readResources));

        this.function = Function.Builder.create(this, "Function")
                .description("drkit restore testing validation: checks each resource the plan restores and reports to AWS Backup")
                .runtime(Runtime.JAVA_21)
                .handler(RuntimeCode.VALIDATION_HANDLER)
                .code(RuntimeCode.embedded())
                .memorySize(512)
                .timeout(TIMEOUT)
                .role(role)
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON)
                // Tiered compilation stopped at C1 starts a short-lived JVM fastest, as for the failover function.
                .environment(Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                        "DRKIT_RESTORE_TESTING_PLAN_ARN", planArn))
                .build();

        this.deadLetterQueue = Queue.Builder.create(this, "DeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        this.rule = Rule.Builder.create(this, "RestoreCompleted")
                .description("drkit: a completed restore job of the restore testing plan is validated")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.backup"))
                        .detailType(List.of("Restore Job State Change"))
                        .detail(Map.of("restoreTestingPlanArn", List.of(planArn), "status", List.of("COMPLETED")))
                        .build())
                .build();
        // Every check reads first and the report is the last call, so a repeated delivery reports the same result again.
        rule.addTarget(new LambdaFunction(function, LambdaFunctionProps.builder()
                .retryAttempts(2)
                .maxEventAge(Duration.hours(2))
                .deadLetterQueue(deadLetterQueue)
                .build()));

        this.errorsAlarm = Alarm.Builder.create(this, "ErrorsAlarm")
                .alarmDescription("drkit restore testing validation failed to run (a denied read, a malformed event): the restore job "
                        + "keeps no validation result; read the function's logs")
                .metric(function.metricErrors(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        errorsAlarm.addAlarmAction(new SnsAction(topic));

        suppressFindings(role, protectedResourceType);
    }

    /** The resources the describe call of the type is granted on: its kind in this account and Region, or '*' for EC2's Describe*. */
    private static List<String> readResources(Stack stack, String type) {
        String prefix = "arn:" + stack.getPartition() + ":";
        String here = ":" + stack.getRegion() + ":" + stack.getAccount() + ":";
        return switch (type) {
            case "RDS" -> List.of(prefix + "rds" + here + "db:*");
            case "Aurora" -> List.of(prefix + "rds" + here + "cluster:*");
            case "DynamoDB" -> List.of(prefix + "dynamodb" + here + "table/*");
            case "S3" -> List.of(prefix + "s3:::*");
            case "EBS", "EC2" -> List.of("*");
            default -> throw new IllegalArgumentException("RestoreValidationFunction: no check for resource type " + type);
        };
    }

    private void suppressFindings(Role role, String type) {
        NagSuppression.add(function, "AwsSolutions-L1", "Java 21 is the LTS runtime the drkit-lambda jar is built and tested against; a "
                + "runtime change is made deliberately, not taken on by a lint rule.", List.of());
        NagSuppression.add(deadLetterQueue, "AwsSolutions-SQS3", "This queue is the dead-letter queue of the rule's Lambda target: "
                + "a dead-letter queue of its own would only move the same events again.", List.of());
        List<Object> findings = new ArrayList<>(List.of(NagSuppression.regex("^Resource::<.*Logs.*\\.Arn>:log-stream:\\*$"),
                "Resource::*"));
        String reason = "Lambda names its log streams at run time, in this function's log group only; backup:PutRestoreValidationResult "
                + "is granted on '*' because the restore job it reports on exists only at run time, and the event rule sends the function "
                + "this plan's jobs only";
        if (type.equals("EBS") || type.equals("EC2")) {
            reason += "; " + RuntimePermissions.actions("restore-validation", "restored-" + type.toLowerCase(Locale.ROOT))
                    + " is read-only and EC2 authorizes Describe* on no narrower resource";
        } else {
            findings.add(NagSuppression.regex("^Resource::arn:<AWS::Partition>:((rds|dynamodb):[^:]+:[^:]+:(db:|cluster:|table\\/)|s3:::)\\*$"));
            reason += "; the restored resource's name is chosen by AWS Backup at run time, so the read-only describe call is granted on "
                    + "that kind of resource in this account and Region";
        }
        NagSuppression.add(role.getNode().findChild("DefaultPolicy"), "AwsSolutions-IAM5", reason + ".", findings);
    }

    public IFunction getFunction() {
        return function;
    }

    /** The rule that sends the plan's completed restore jobs to the function. */
    public IRule getRule() {
        return rule;
    }

    /** Where events land that the rule could not deliver to the function after its retries. */
    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /** The alarm on a failed invocation, sent to the vault's notification topic. */
    public IAlarm getErrorsAlarm() {
        return errorsAlarm;
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }
}
