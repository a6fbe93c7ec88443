package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.NagFindings;
import io.github.drkit.internal.plan.PlanPermissions;
import io.github.drkit.internal.plan.PlanSize;
import io.github.drkit.internal.plan.ReadinessPermissions;
import io.github.drkit.objectives.AddedRecoveryTime;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryObjectives;
import io.github.drkit.internal.topology.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IAlias;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.destinations.SnsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.scheduler.ISchedule;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The Lambda function that runs drkit-lambda's failover, failback, status and evaluate for one plan.
 *
 * <p>Evaluate runs on a schedule (every 30 minutes unless {@code readinessInterval} says otherwise), publishes its
 * verdict as a metric and alarms to the notification topic when it is NOT_READY; every run's report goes to the audit
 * bucket under {@code <application>/<action>/}.
 *
 * <p>Java 21 with SnapStart on published versions; callers invoke the {@link #getAlias() live alias}
 * (SnapStart only applies to versions). The plan travels in {@code DRKIT_PLAN}, or, when it may not
 * fit Lambda's 4 KB of environment, in an SSM parameter named by {@code DRKIT_PLAN_PARAMETER}. The
 * role may change only the resources the plan names.
 */
public class FailoverFunction extends Construct implements AddedRecoveryTime {
    /** Environment variable that holds the plan JSON. */
    public static final String PLAN_VARIABLE = io.github.drkit.plan.PlanEnvironment.PLAN;
    /** Environment variable that names the SSM parameter holding the plan JSON. */
    public static final String PLAN_PARAMETER_VARIABLE = io.github.drkit.plan.PlanEnvironment.PLAN_PARAMETER;
    /** Lambda's limit for all environment variables together. */
    static final int ENVIRONMENT_LIMIT = 4096;
    /** A standard SSM parameter holds 4 KB; an advanced one 8 KB. */
    static final int PARAMETER_LIMIT = 8192;
    /** The alias callers invoke. */
    public static final String ALIAS_NAME = "live";
    /** Environment variable naming the bucket that gets every run's report. */
    public static final String AUDIT_BUCKET_VARIABLE = "DRKIT_AUDIT_BUCKET";
    /** Environment variable naming the readiness metric's namespace; set when readiness is on. */
    public static final String READINESS_NAMESPACE_VARIABLE = "DRKIT_READINESS_NAMESPACE";
    /** The function's own role's ARN: readiness simulates that role against the plan's calls. */
    public static final String ROLE_ARN_VARIABLE = "DRKIT_ROLE_ARN";
    /** The longest ARN of the role this construct creates (no path, a name of at most 64 characters, any partition). */
    private static final int ROLE_ARN_LIMIT = 110;
    /** The most a plan's {@code objectives} take: {@code ,"objectives":{"rtoSeconds":31536000,"rpoSeconds":31536000}}. */
    private static final int OBJECTIVES_SIZE = 59;
    /** The longest bucket name S3 allows: what the audit bucket's name may take of the environment. */
    private static final int BUCKET_NAME_LIMIT = 63;

    private final FailoverPlan plan;
    private final Function function;
    private final Alias alias;
    private final ITopic notificationTopic;
    private final StringParameter planParameter;
    private final Alarm errorsAlarm;
    private final LogGroup logGroup;
    private final IBucket auditBucket;
    private final ReadinessSchedule readiness;

    public FailoverFunction(Construct scope, String id, FailoverFunctionProps props) {
        super(scope, id);
        String owner = "FailoverFunction";
        Checks.required(owner, "props", props);
        FailoverPlan given = Checks.required(owner, "plan", props.getPlan());
        int memory = props.getMemorySize() == null ? 1024 : Checks.range(owner, "memorySize", props.getMemorySize(), 128, 10240);
        long healthSeconds = given.healthTimeout().toSeconds();
        Duration timeout = props.getTimeout() == null ? Duration.seconds(Math.min(900, healthSeconds + 120)) : props.getTimeout();
        if (!Token.isUnresolved(timeout.toSeconds())) {
            double t = timeout.toSeconds().doubleValue();
            if (t > 900) {
                throw new IllegalArgumentException(owner + ": timeout must be at most 900 s, Lambda's limit (got " + (long) t + " s)");
            }
            if (t < healthSeconds + 60) {
                throw new IllegalArgumentException(owner + ": timeout must be at least the plan's healthTimeout plus 60 s for DNS and the report (got "
                        + (long) t + " s, needs " + (healthSeconds + 60) + " s)");
            }
        }
        int concurrency = props.getReservedConcurrency() == null ? 1
                : Checks.range(owner, "reservedConcurrency", props.getReservedConcurrency(), 1, 1000);
        boolean readinessOn = props.getReadiness() == null || props.getReadiness();
        Duration interval = props.getReadinessInterval() == null ? Duration.minutes(30) : props.getReadinessInterval();
        checkInterval(owner, interval);

        this.notificationTopic = Topics.givenOrEncrypted(this, props.getNotificationTopic(), "drkit failover");
        this.plan = given.notificationTopicArn() == null ? given.withNotificationTopicArn(notificationTopic.getTopicArn()) : given;

        Map<String, Object> json = plan.toJson();
        boolean objectivesFromStack = plan.rto() == null && plan.rpo() == null;
        int size = PlanSize.estimate(json) + (objectivesFromStack ? OBJECTIVES_SIZE : 0);
        PlanStorage storage = props.getPlanStorage() == null ? PlanStorage.AUTO : props.getPlanStorage();
        Map<String, String> environment = new LinkedHashMap<>();
        // Tiered compilation stopped at C1 starts a short-lived JVM fastest; SnapStart keeps the result.
        environment.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        if (readinessOn) {
            environment.put(READINESS_NAMESPACE_VARIABLE, ReadinessSchedule.NAMESPACE);
        }
        // The report names the account of every call; the function's own credentials do not say which it is.
        environment.put(io.github.drkit.plan.PlanEnvironment.ACCOUNT, Stack.of(this).getAccount());
        int otherVariables = environment.entrySet().stream().mapToInt(e -> e.getKey().length()
                + (Token.isUnresolved(e.getValue()) ? 10 : e.getValue().length())).sum()
                + AUDIT_BUCKET_VARIABLE.length() + BUCKET_NAME_LIMIT + ROLE_ARN_VARIABLE.length() + ROLE_ARN_LIMIT;
        boolean fitsEnvironment = size + PLAN_VARIABLE.length() + otherVariables <= ENVIRONMENT_LIMIT;
        if (storage == PlanStorage.ENVIRONMENT && !fitsEnvironment) {
            throw new IllegalArgumentException(owner + ": planStorage ENVIRONMENT cannot hold a plan of about " + size
                    + " bytes; Lambda allows 4096 bytes of environment; use PlanStorage.AUTO or PARAMETER");
        }
        // A plan that declares no objectives carries the stack's, read at synth: objectives may be declared on the stack
        // after this construct is made.
        String rendered = objectivesFromStack ? Lazy.string(producer(() -> Stack.of(this).toJsonString(withStackObjectives(json))))
                : Stack.of(this).toJsonString(json);
        if (storage == PlanStorage.PARAMETER || (storage == PlanStorage.AUTO && !fitsEnvironment)) {
            if (size > PARAMETER_LIMIT) {
                throw new IllegalArgumentException(owner + ": the plan is about " + size
                        + " bytes; an SSM parameter holds at most 8192; split the application into several plans");
            }
            this.planParameter = StringParameter.Builder.create(this, "Plan")
                    .description("drkit recovery plan of " + plan.application())
                    .stringValue(rendered)
                    .tier(size > ENVIRONMENT_LIMIT ? ParameterTier.ADVANCED : ParameterTier.STANDARD)
                    .build();
            environment.put(PLAN_PARAMETER_VARIABLE, planParameter.getParameterName());
        } else {
            this.planParameter = null;
            environment.put(PLAN_VARIABLE, rendered);
        }

        this.auditBucket = props.getAuditBucket() != null ? props.getAuditBucket() : AuditTrail.bucket(this);
        environment.put(AUDIT_BUCKET_VARIABLE, auditBucket.getBucketName());

        RetentionDays retention = props.getLogRetention() == null ? RetentionDays.ONE_YEAR : props.getLogRetention();
        this.logGroup = LogGroup.Builder.create(this, "Logs").retention(retention).removalPolicy(RemovalPolicy.RETAIN).build();

        List<PolicyStatement> recovery = new ArrayList<>(PlanPermissions.statements(Stack.of(this), plan));
        // Evaluate's own reads and its metric: granted even with the schedule off, so that it can be run by hand.
        recovery.addAll(ReadinessPermissions.statements(ReadinessSchedule.NAMESPACE));
        Role role = Role.Builder.create(this, "Role")
                .roleName(props.getRoleName())
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("drkit failover of " + plan.application() + ": may change only the resources in its plan")
                .inlinePolicies(Map.of("Recovery", PolicyDocument.Builder.create()
                        .statements(recovery).build()))
                .build();
        // Instead of the AWSLambdaBasicExecutionRole managed policy (any log group): this log group only.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("Logs").effect(Effect.ALLOW)
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn(), logGroup.getLogGroupArn() + ":log-stream:*")).build());
        // A separate policy, not the role's inline one: a role's own policies cannot name its ARN.
        role.addToPrincipalPolicy(ReadinessPermissions.ownRoleSimulation(role.getRoleArn()));
        environment.put(ROLE_ARN_VARIABLE, role.getRoleArn());

        Function.Builder fn = Function.Builder.create(this, "Function")
                .description("drkit failover, failback and status for " + plan.application() + " (" + plan.strategy() + ")")
                .runtime(Runtime.JAVA_21)
                .handler(RuntimeCode.HANDLER)
                .code(props.getCode() != null ? props.getCode() : RuntimeCode.embedded())
                .memorySize(memory)
                .timeout(timeout)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .reservedConcurrentExecutions(concurrency)
                .environment(environment);
        if (props.getFunctionName() != null) {
            fn.functionName(props.getFunctionName());
        }
        this.function = fn.build();
        if (planParameter != null) {
            planParameter.grantRead(function);
        }
        notificationTopic.grantPublish(function);
        // Every run's report, under this application's prefix only; a bucket with a KMS key also needs the key.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("AuditTrail").effect(Effect.ALLOW)
                .actions(List.of("s3:PutObject")).resources(List.of(auditBucket.arnForObjects(plan.application() + "/*"))).build());
        if (auditBucket.getEncryptionKey() != null) {
            auditBucket.getEncryptionKey().grantEncrypt(function);
        }
        // The runtime checks the topic exists before it changes anything.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("TopicCheck").effect(Effect.ALLOW)
                .actions(List.of("sns:GetTopicAttributes")).resources(List.of(notificationTopic.getTopicArn())).build());

        // Alarms and operators invoke the alias; a failed asynchronous run (after one retry, which is
        // safe because every step reads state first) lands on the topic with its request.
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .retryAttempts(1)
                .maxEventAge(Duration.hours(1))
                .onFailure(new SnsDestination(notificationTopic))
                .build();
        // CDK warns on every SnapStart function that only published versions snap; this one is published,
        // and callers reach it only through the alias on that version.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "SnapStart applies to the published version behind the live alias");

        suppressFindings(role, recovery);

        this.errorsAlarm = Alarm.Builder.create(this, "ErrorsAlarm")
                .alarmDescription("drkit failover function of " + plan.application() + " failed: read its report in the logs")
                .metric(alias.metricErrors(MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        errorsAlarm.addAlarmAction(new SnsAction(notificationTopic));
        this.readiness = readinessOn ? new ReadinessSchedule(this, plan.application(), alias, notificationTopic, interval) : null;
    }

    private static void checkInterval(String owner, Duration interval) {
        if (Token.isUnresolved(interval.toSeconds())) {
            return;
        }
        double seconds = interval.toSeconds().doubleValue();
        if (seconds % 60 != 0 || seconds < 300 || seconds > 86_400) {
            throw new IllegalArgumentException(owner + ": readinessInterval must be whole minutes from 5 minutes to 1 day (got "
                    + (long) seconds + " s): EventBridge Scheduler runs rates of whole minutes, and evaluate reads every resource"
                    + " of the plan each time");
        }
    }

    /** The plan with the objectives of the stack's {@link RecoveryObjectives}, unchanged when none governs this construct. */
    private Map<String, Object> withStackObjectives(Map<String, Object> json) {
        RecoveryObjectives objectives = RecoveryObjectives.of(this);
        if (objectives == null || (objectives.getRto() == null && objectives.getRpo() == null)) {
            return json;
        }
        java.time.Duration rto = objectives.getRto() == null ? null : java.time.Duration.ofSeconds(objectives.getRto().toSeconds().longValue());
        java.time.Duration rpo = objectives.getRpo() == null ? null : java.time.Duration.ofSeconds(objectives.getRpo().toSeconds().longValue());
        return plan.withObjectives(rto, rpo).toJson();
    }

    private static software.amazon.awscdk.IStableStringProducer producer(java.util.function.Supplier<String> value) {
        return new software.amazon.awscdk.IStableStringProducer() {
            @Override
            public String produce() {
                return value.get();
            }
        };
    }

    /**
     * The AWS Solutions findings this function carries by design, each with the reason; every
     * wildcard is named so that a new one is still reported.
     */
    private void suppressFindings(Role role, List<PolicyStatement> recovery) {
        NagFindings.suppress(function, "AwsSolutions-L1", "Java 21 is the LTS runtime the drkit-lambda handler is built and tested "
                + "against with SnapStart; a runtime change is made deliberately and drilled, not taken on by a lint rule.", List.of());
        List<String> roleFindings = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (recovery.stream().anyMatch(st -> st.getResources().contains("*"))) {
            roleFindings.add("Resource::*");
            reasons.add("'*' only for reads that AWS authorizes on no narrower resource (Auto Scaling, EC2 and ELBv2 Describe*, "
                    + "CloudWatch GetMetricStatistics, Service Quotas GetServiceQuota) and for cloudwatch:PutMetricData, which has no "
                    + "resource-level permission and is limited by a cloudwatch:namespace condition");
        }
        if (!plan.fleets().isEmpty()) {
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:autoscaling:[^:]+:[^:]+:autoScalingGroup:\\*:autoScalingGroupName\\/.+$/");
            reasons.add("an Auto Scaling group ARN carries a UUID generated at creation; the group name after autoScalingGroupName/ pins each group of the plan");
        }
        if (!plan.dns().isEmpty()) {
            roleFindings.add("Resource::arn:<AWS::Partition>:route53:::change/*");
            roleFindings.add("Resource::arn:<AWS::Partition>:route53:::healthcheck/*");
            reasons.add("route53:GetChange and GetHealthCheckStatus are read-only and address ids that only exist at run time");
        }
        if (plan.fleets().stream().anyMatch(PlanFleet::scalesVertically)) {
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:ec2:[^:]+:[^:]*:(\\*|image\\/\\*)$/");
            reasons.add("ec2:RunInstances and CreateTags, which Auto Scaling checks when a group moves to a new launch template version, "
                    + "are allowed only with an ec2:LaunchTemplate condition naming the plan's launch templates");
        }
        if (plan.otherSteps().stream().anyMatch(PlanNodegroup.class::isInstance)) {
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:eks:[^:]+:[^:]*:nodegroup\\/[^/*]+\\/[^/*]+\\/\\*$/");
            reasons.add("an EKS node group ARN ends in an id EKS generates at creation (nodegroup/<cluster>/<name>/<id>); the cluster and"
                    + " node group names before it pin each node group of the plan");
        }
        if (plan.otherSteps().stream().anyMatch(PlanRestoreDatabase.class::isInstance)) {
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:rds:[^:]+:[^:]+:(snapshot|og|pg|subgrp):\\*$/");
            reasons.add("a database restore reads and restores from the recovery Region's snapshots, whose names AWS Backup and snapshot "
                    + "copies choose, and RDS authorizes it on the option and parameter groups the snapshot names (and on the Region's "
                    + "subnet groups only when the step names none); the restored instance is named");
        }
        if (plan.otherSteps().stream().anyMatch(s -> s instanceof PlanRestoreDatabase d && d.getPointInTime())) {
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:rds:[^:]+:[^:]+:auto-backup:\\*$/");
            reasons.add("a point-in-time restore reads and restores from the automated backups replicated to the recovery Region, "
                    + "which RDS names (auto-backup:ab-<id>) when replication starts; the ARN is bounded to this account and the "
                    + "steps' Regions, and the restored instance is named");
        }
        if (plan.otherSteps().stream().anyMatch(PlanRestoreVolume.class::isInstance)) {
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:ec2:[^:]+:[^:]+:volume\\/\\*$/");
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:ec2:[^:]+::snapshot\\/\\*$/");
            reasons.add("a volume restore creates a volume whose id EC2 assigns at creation, from a snapshot found by its tags at run "
                    + "time (EBS snapshot ARNs name no account); ec2:CreateVolume on volume/* is allowed only with the plan's volume "
                    + "names as the aws:RequestTag drkit:restored-volume tag, CreateTags only with ec2:CreateAction CreateVolume, and "
                    + "AttachVolume only on volumes carrying that tag (aws:ResourceTag) and on the plan's named instances");
        }
        String restoreImageRun = "regex:/^Resource::arn:<AWS::Partition>:ec2:[^:]+:[^:]*:(\\*|image\\/\\*)$/";
        if (plan.otherSteps().stream().anyMatch(PlanRestoreImage.class::isInstance) && !roleFindings.contains(restoreImageRun)) {
            roleFindings.add(restoreImageRun);
            reasons.add("ec2:RunInstances and CreateTags, which Auto Scaling checks when a group moves to the restored image's launch "
                    + "template version, are allowed only with an ec2:LaunchTemplate condition naming the restored groups' templates");
        }
        if (plan.otherSteps().stream().anyMatch(CustomAction.class::isInstance)) {
            roleFindings.add("regex:/^Resource::(<[^>]+\\.Arn>|arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:*]+):\\*$/");
            reasons.add("a custom action's function is granted with its versions and aliases (<function ARN>:*), because a plan may name it"
                    + " through an alias or a version, which Lambda authorizes on the qualified ARN");
        }
        if (plan.otherSteps().stream().anyMatch(PlanRestoreBackup.class::isInstance)) {
            roleFindings.add("regex:/^Resource::arn:<AWS::Partition>:(backup:[^:]+:[^:]+:recovery-point:\\*|ec2:[^:]+::(snapshot|image)\\/\\*"
                    + "|rds:[^:]+:[^:]+:(cluster-)?snapshot:awsbackup:\\*)$/");
            reasons.add("backup:StartRestoreJob is granted on the recovery points of the account in the plan's vaults' Regions, whose ids AWS"
                    + " Backup chooses at backup time (its own recovery-point ARNs, and the EC2 snapshots, AMIs and awsbackup: RDS snapshots"
                    + " that EBS, EC2, RDS and Aurora points are); backup:ListRestoreJobs and DescribeRestoreJob are read-only and have no"
                    + " resource-level permission ('*')");
        }
        if (!roleFindings.isEmpty()) {
            NagFindings.suppress(role, "AwsSolutions-IAM5", String.join("; ", reasons) + ".", roleFindings);
        }
        IConstruct policy = role.getNode().tryFindChild("DefaultPolicy");
        // Application names are letters, digits, '.', '_' and '-' (the plan's rule): only '.' needs escaping.
        String appPattern = plan.application().replace(".", "\\.");
        if (policy != null) {
            NagFindings.suppress(policy, "AwsSolutions-IAM5", "Log streams of this function's own log group are named by Lambda at run "
                    + "time; kms:GenerateDataKey* is what SNS needs to publish to the notification topic's key and is granted on that key only; "
                    + "report keys in the audit bucket are made at run time, under this application's prefix only.",
                    List.of("regex:/^Resource::<.*Logs.*\\.Arn>:log-stream:\\*$/", "Action::kms:GenerateDataKey*",
                            "regex:/^Resource::<.*AuditTrail.*\\.Arn>\\/" + appPattern + "\\/\\*$/",
                            "regex:/^Resource::arn:<AWS::Partition>:s3:::.+\\/" + appPattern + "\\/\\*$/"));
        }
    }

    /**
     * The time the plan's approvals and custom actions add to the failover ({@link FailoverPlan#rtoTerms()}), which the
     * synth-time check adds to the recovery estimate of the topology this function runs; null when they add none.
     */
    @Override
    public RecoveryEstimate addedRecoveryTime() {
        List<EstimateTerm> terms = plan.rtoTerms();
        return terms.isEmpty() ? null : RecoveryEstimate.builder().source(getNode().getPath()).strategy(plan.strategy())
                .rtoTerms(terms).rpoTerms(List.of()).build();
    }

    /** The plan as the function receives it (with the notification topic filled in). */
    public FailoverPlan getPlan() {
        return plan;
    }

    public IFunction getFunction() {
        return function;
    }

    /** The alias to invoke: SnapStart applies to it. */
    public IAlias getAlias() {
        return alias;
    }

    public ITopic getNotificationTopic() {
        return notificationTopic;
    }

    /** The SSM parameter holding the plan, or null when the plan is in the environment. */
    public StringParameter getPlanParameter() {
        return planParameter;
    }

    public IAlarm getErrorsAlarm() {
        return errorsAlarm;
    }

    public LogGroup getLogGroup() {
        return logGroup;
    }

    /** The bucket that gets every run's report, created or given. */
    public IBucket getAuditBucket() {
        return auditBucket;
    }

    /** The schedule that runs evaluate; null when readiness is off. */
    public ISchedule getReadinessSchedule() {
        return readiness == null ? null : readiness.schedule;
    }

    /** The alarm on a NOT_READY verdict; null when readiness is off. */
    public IAlarm getReadinessAlarm() {
        return readiness == null ? null : readiness.alarm;
    }

    /** The readiness metric (0 READY, 1 DEGRADED, 2 NOT_READY, maximum per interval); null when readiness is off. */
    public software.amazon.awscdk.services.cloudwatch.IMetric getReadinessMetric() {
        return readiness == null ? null : readiness.metric;
    }

    /** Lets an operator role or an automation invoke failover (through the alias). */
    public void grantInvoke(IGrantable grantee) {
        alias.grantInvoke(grantee);
    }
}
