package io.github.drkit.arc;

import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.NagFindings;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.objectives.RecoveryObjectives;
import io.github.drkit.plan.RecoveryPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IStableNumberProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.arcregionswitch.CfnPlan;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * An ARC Region switch plan made from a drkit plan: ARC runs the failover (activating the recovery Region) and the
 * failback (activating the primary Region) with its own execution blocks where it has one for a step, and with
 * drkit's function as a custom action for the rest. ARC adds managed execution, its dashboards, its periodic
 * evaluation of the plan and its reports; drkit's function stays as it is, the break-glass path and the drill's engine.
 *
 * <p>The plan is {@code activePassive}: drkit's plans move traffic from the primary to the recovery Region and back.
 * Its execution role may do only what the blocks it holds need, on the resources they name.
 *
 * @see StepBlockMapper how a step kind becomes a block
 */
public class ArcRegionSwitchPlan extends Construct {
    /** ARC's limits on a plan. */
    static final int NAME_LIMIT = 32;
    static final int RTO_LIMIT_MINUTES = 10_080;
    static final String NAME_PATTERN = "^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$";
    /** ARC's own default for a block's timeout. */
    static final int DEFAULT_BLOCK_TIMEOUT_MINUTES = 60;

    private final String planName;
    private final CfnPlan plan;
    private final Role executionRole;
    private final DrkitStepInvoker invoker;
    private final List<ArcWorkflow> workflows;

    public ArcRegionSwitchPlan(Construct scope, String id, ArcRegionSwitchPlanProps props) {
        super(scope, id);
        String owner = "ArcRegionSwitchPlan";
        Checks.required(owner, "props", props);
        FailoverFunction failover = Checks.required(owner, "failover", props.getFailover());
        RecoveryPlan drkitPlan = PlanRules.check(owner, () -> PlanRules.reader().read(failover.getPlan().toJson()));
        if (drkitPlan.primaryRegion() == null) {
            throw new IllegalArgumentException(owner + ": the plan of " + drkitPlan.application() + " must name its primaryRegion: "
                    + "an ARC Region switch plan spans two Regions (got none; set primaryRegion on the topology construct)");
        }
        this.planName = props.getPlanName() != null ? requireName(owner, props.getPlanName()) : defaultName(drkitPlan.application());
        Number rto = props.getRecoveryTimeObjective() != null ? rtoMinutes(owner, props.getRecoveryTimeObjective()) : declaredRto();
        int blockTimeout = props.getBlockTimeout() == null ? DEFAULT_BLOCK_TIMEOUT_MINUTES
                : wholeMinutes(owner, "blockTimeout", props.getBlockTimeout(), 1, RTO_LIMIT_MINUTES);
        String reportPrefix = props.getReportPrefix() != null ? requirePrefix(owner, props.getReportPrefix()) : "arc-region-switch/" + planName;
        if (props.getReportBucket() != null) {
            requireBucketName(owner, props.getReportBucket().getBucketName());
        }
        Stack stack = Stack.of(this);

        Duration invokerTimeout = invokerTimeout(failover);
        this.invoker = new DrkitStepInvoker(this, "DrkitSteps", failover,
                Map.of(DrkitBlocks.FAILOVER, "failover", DrkitBlocks.FAILBACK, "failback"), invokerTimeout);
        int retry = (int) Math.ceil(invokerTimeout.toSeconds().doubleValue() / 60);
        DrkitBlocks drkit = new DrkitBlocks(invoker.function().getFunctionArn(), retry, Math.max(blockTimeout, 2 * retry));
        MappingContext context = new MappingContext(drkitPlan, stack, props.getAutoScalingCounterparts(), blockTimeout);

        IRole approver = props.getApprovalRole();
        List<ArcWorkflow> built = new ArrayList<>();
        built.add(WorkflowComposer.failover(context, drkit, approval(approver, "approve-failover", blockTimeout)));
        WorkflowComposer.failback(context, drkit, approval(approver, "approve-failback", blockTimeout)).ifPresent(built::add);
        this.workflows = List.copyOf(built);

        this.executionRole = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(new ServicePrincipal("arc-region-switch.amazonaws.com"))
                .description("ARC Region switch plan " + planName + ": may run only the blocks of its workflows, on their resources")
                .build();

        CfnPlan.Builder cfn = CfnPlan.Builder.create(this, "Plan")
                .name(planName)
                .description("drkit plan of " + drkitPlan.application() + " (" + drkitPlan.strategy() + ") as an ARC Region switch plan")
                .executionRole(executionRole.getRoleArn())
                .recoveryApproach("activePassive")
                .regions(List.of(drkitPlan.primaryRegion(), drkitPlan.recoveryRegion()))
                .primaryRegion(drkitPlan.primaryRegion())
                .recoveryTimeObjectiveMinutes(rto)
                .workflows(workflows.stream().map(ArcWorkflow::toWorkflow).toList());
        if (props.getReportBucket() != null) {
            cfn.reportConfiguration(CfnPlan.ReportConfigurationProperty.builder().reportOutput(List.of(
                    CfnPlan.ReportOutputConfigurationProperty.builder().s3Configuration(CfnPlan.S3ReportOutputConfigurationProperty.builder()
                            .bucketPath(props.getReportBucket().getBucketName() + "/" + reportPrefix)
                            .bucketOwner(stack.getAccount()).build()).build())).build());
        }
        if (!props.getHealthAlarms().isEmpty()) {
            Map<String, Object> alarms = new LinkedHashMap<>();
            int n = 1;
            for (IAlarm alarm : props.getHealthAlarms()) {
                alarms.put("health-" + n++, CfnPlan.AssociatedAlarmProperty.builder().alarmType("applicationHealth")
                        .resourceIdentifier(alarm.getAlarmArn()).build());
            }
            cfn.associatedAlarms(alarms);
        }
        this.plan = cfn.build();

        String planArns = stack.formatArn(ArnComponents.builder().service("arc-region-switch").region("").resource("plan")
                .resourceName(planName + ":*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        grantExecutionRole(props, planArns);
        if (approver != null) {
            approver.addToPrincipalPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(List.of("arc-region-switch:ApprovePlanExecutionStep", "arc-region-switch:GetPlanExecution",
                            "arc-region-switch:ListPlanExecutions")).resources(List.of(planArns)).build());
        }
        IConstruct policy = executionRole.getNode().findChild("DefaultPolicy");
        // The plan's first evaluation, at creation, should find the role's permissions in place.
        plan.getNode().addDependency(policy);
        suppressFindings(policy, props);
    }

    /** The construct id a topology construct gives the plan it adds; a public contract. */
    public static final String TOPOLOGY_ID = "RegionSwitchPlan";

    /**
     * The plan a topology construct's {@code regionSwitchPlan} option adds next to its failover function.
     *
     * @param owner   the topology construct's class name, for error messages
     * @param options the option's props, without {@code failover}
     * @throws IllegalArgumentException when the options name a failover function of their own
     */
    public static ArcRegionSwitchPlan besideFailover(Construct scope, String owner, FailoverFunction failover, ArcRegionSwitchPlanProps options) {
        if (options.getFailover() != null && options.getFailover() != failover) {
            throw new IllegalArgumentException(owner + ": regionSwitchPlan.failover must be left unset: the construct fills in its own "
                    + "failover function (got " + options.getFailover().getNode().getPath() + ")");
        }
        return new ArcRegionSwitchPlan(scope, TOPOLOGY_ID, options.toBuilder().failover(failover).build());
    }

    /** What the execution role may do: read its own plan and executions, evaluate its own role, and what each block needs. */
    private void grantExecutionRole(ArcRegionSwitchPlanProps props, String planArns) {
        // A plan's ARN ends in an id ARC draws at creation; the name before it pins this plan.
        executionRole.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("OwnPlan").effect(Effect.ALLOW)
                .actions(List.of("arc-region-switch:GetPlan", "arc-region-switch:GetPlanExecution", "arc-region-switch:ListPlanExecutions"))
                .resources(List.of(planArns)).build());
        // ARC's plan evaluation simulates the execution role's policy to warn about missing permissions.
        executionRole.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("PlanEvaluation").effect(Effect.ALLOW)
                .actions(List.of("iam:SimulatePrincipalPolicy")).resources(List.of(executionRole.getRoleArn())).build());
        List<PolicyStatement> seen = new ArrayList<>();
        for (ArcWorkflow workflow : workflows) {
            for (ArcBlock block : workflow.blocks()) {
                for (PolicyStatement statement : block.permissions()) {
                    String json = Stack.of(this).toJsonString(statement.toStatementJson());
                    if (seen.stream().noneMatch(s -> Stack.of(this).toJsonString(s.toStatementJson()).equals(json))) {
                        seen.add(statement);
                        executionRole.addToPrincipalPolicy(statement);
                    }
                }
            }
        }
        if (!props.getHealthAlarms().isEmpty()) {
            executionRole.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("HealthAlarms").effect(Effect.ALLOW)
                    .actions(List.of("cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"))
                    .resources(props.getHealthAlarms().stream().map(IAlarm::getAlarmArn).toList()).build());
        }
        if (props.getReportBucket() != null) {
            String prefix = props.getReportPrefix() != null ? props.getReportPrefix() : "arc-region-switch/" + planName;
            executionRole.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("Reports").effect(Effect.ALLOW)
                    .actions(List.of("s3:PutObject")).resources(List.of(props.getReportBucket().arnForObjects(stripSlash(prefix) + "/*")))
                    .build());
            if (props.getReportBucket().getEncryptionKey() != null) {
                props.getReportBucket().getEncryptionKey().grant(executionRole, "kms:GenerateDataKey", "kms:Encrypt");
            }
        }
    }

    private void suppressFindings(IConstruct policy, ArcRegionSwitchPlanProps props) {
        List<String> findings = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        findings.add("regex:/^Resource::arn:[^:]+:arc-region-switch::[^:]+:plan\\/" + planName + ":\\*$/");
        reasons.add("a Region switch plan's ARN ends in an id ARC draws at creation; the plan name before it pins this plan, "
                + "and naming the plan's own ARN would make the policy wait for the plan it must precede");
        boolean scaling = workflows.stream().flatMap(w -> w.blocks().stream()).anyMatch(b -> b.type().equals(ArcBlock.EC2_AUTO_SCALING)
                || (b.type().equals(ArcBlock.PARALLEL) && b.permissions().stream().anyMatch(s -> s.getActions().contains(
                        "autoscaling:DescribeAutoScalingGroups"))));
        if (scaling) {
            findings.add("Resource::*");
            reasons.add("'*' only for autoscaling:DescribeAutoScalingGroups, which has no resource-level permission, and for "
                    + "cloudwatch:GetMetricStatistics, limited to the AWS/AutoScaling namespace by a condition (ARC samples the groups' capacity)");
        }
        if (props.getReportBucket() != null) {
            findings.add("regex:/^Resource::.*\\/\\*$/");
            reasons.add("ARC names each execution report itself, under the report prefix of this plan");
        }
        NagFindings.suppress(policy, "AwsSolutions-IAM5", String.join("; ", reasons) + ".", findings);
    }

    private static ArcBlock approval(IRole approver, String name, int timeoutMinutes) {
        if (approver == null) {
            return null;
        }
        CfnPlan.ExecutionBlockConfigurationProperty configuration = CfnPlan.ExecutionBlockConfigurationProperty.builder()
                .executionApprovalConfig(CfnPlan.ExecutionApprovalConfigurationProperty.builder().approvalRole(approver.getRoleArn())
                        .timeoutMinutes(timeoutMinutes).build()).build();
        // ARC runs an approval without the execution role: it needs no statement.
        return new ArcBlock(name, ArcBlock.MANUAL_APPROVAL, "a holder of the approval role approves before anything changes", List.of(),
                configuration, List.of());
    }

    /** The invoker outlasts drkit's function (its timeout plus a minute for the answer), within Lambda's 900 s. */
    private static Duration invokerTimeout(FailoverFunction failover) {
        IFunction fn = failover.getFunction();
        Duration timeout = fn instanceof Function ? ((Function) fn).getTimeout() : null;
        if (timeout == null || Token.isUnresolved(timeout.toSeconds())) {
            return Duration.seconds(900);
        }
        return Duration.seconds(Math.min(900, timeout.toSeconds().intValue() + 60));
    }

    /** The RTO declared with {@link RecoveryObjectives} on this construct's scopes, read when the template is written. */
    private Number declaredRto() {
        IConstruct self = this;
        return Lazy.number(new IStableNumberProducer() {
            @Override
            public Number produce() {
                RecoveryObjectives objectives = RecoveryObjectives.of(self);
                return objectives == null ? null : rtoMinutes("ArcRegionSwitchPlan", objectives.getRto());
            }
        });
    }

    static int rtoMinutes(String owner, Duration rto) {
        return wholeMinutesCeil(owner, "recoveryTimeObjective", rto, 1, RTO_LIMIT_MINUTES);
    }

    private static int wholeMinutesCeil(String owner, String prop, Duration value, int min, int max) {
        double seconds = value.toSeconds().doubleValue();
        int minutes = (int) Math.ceil(seconds / 60);
        if (seconds < min * 60.0 || minutes > max) {
            throw new IllegalArgumentException(owner + ": " + prop + " must be from " + min + " minute to " + max + " minutes, "
                    + "ARC's range (got " + (long) seconds + " s)");
        }
        return minutes;
    }

    private static int wholeMinutes(String owner, String prop, Duration value, int min, int max) {
        double seconds = value.toSeconds().doubleValue();
        if (seconds % 60 != 0) {
            throw new IllegalArgumentException(owner + ": " + prop + " must be whole minutes, as ARC counts it (got " + (long) seconds + " s)");
        }
        return wholeMinutesCeil(owner, prop, value, min, max);
    }

    static String requireName(String owner, String name) {
        if (!Token.isUnresolved(name) && !name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException(owner + ": planName must be 1 to " + NAME_LIMIT + " letters, digits and hyphens, starting "
                    + "and ending with a letter or digit (got '" + name + "')");
        }
        return name;
    }

    /** {@code drkit-<application>}, with what ARC does not allow in a name turned into hyphens, cut to 32 characters. */
    static String defaultName(String application) {
        String name = ("drkit-" + application).replaceAll("[^a-zA-Z0-9-]+", "-").replaceAll("-{2,}", "-");
        if (name.length() > NAME_LIMIT) {
            name = name.substring(0, NAME_LIMIT);
        }
        return name.replaceAll("-+$", "");
    }

    private static String requirePrefix(String owner, String prefix) {
        if (!Token.isUnresolved(prefix) && !prefix.matches("^[^/ ][^/]*(?:/[^/ ][^/]*)*/?$")) {
            throw new IllegalArgumentException(owner + ": reportPrefix must be key segments separated by single '/', none starting "
                    + "with a space, as ARC's bucket path allows (got '" + prefix + "')");
        }
        return stripSlash(prefix);
    }

    private static void requireBucketName(String owner, String bucketName) {
        if (!Token.isUnresolved(bucketName) && !bucketName.matches("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")) {
            throw new IllegalArgumentException(owner + ": reportBucket must have a name of lower-case letters, digits and hyphens, "
                    + "which is all ARC's report path allows (got '" + bucketName + "')");
        }
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /** The L1 resource, for what these props do not cover (triggers, tags). */
    public CfnPlan getPlan() {
        return plan;
    }

    public String getPlanArn() {
        return plan.getAttrArn();
    }

    public String getPlanName() {
        return planName;
    }

    /** The role ARC assumes to run and evaluate the plan. */
    public IRole getExecutionRole() {
        return executionRole;
    }

    /** The function ARC's custom-action blocks invoke; it runs drkit's function. */
    public IFunction getDrkitStepFunction() {
        return invoker.function();
    }

    /** The workflows as written: failover first, then failback when the plan has steps to undo. */
    public List<ArcWorkflow> getWorkflows() {
        return workflows;
    }

    /** The workflow that runs drkit's {@code failover} or {@code failback}, if the plan has it. */
    public Optional<ArcWorkflow> workflow(String drkitAction) {
        return workflows.stream().filter(w -> w.drkitAction().equals(drkitAction)).findFirst();
    }

    /** Lets an operator role or an automation start, follow and cancel executions of this plan. */
    public Grant grantExecute(IGrantable grantee) {
        String arn = plan.getAttrArn();
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee).resourceArns(List.of(arn))
                .actions(List.of("arc-region-switch:StartPlanExecution", "arc-region-switch:GetPlanExecution",
                        "arc-region-switch:ListPlanExecutions", "arc-region-switch:ListPlanExecutionEvents",
                        "arc-region-switch:CancelPlanExecution", "arc-region-switch:UpdatePlanExecution", "arc-region-switch:GetPlan"))
                .build());
    }
}
