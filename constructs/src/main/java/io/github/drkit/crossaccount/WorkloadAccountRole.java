package io.github.drkit.crossaccount;

import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.NagFindings;
import io.github.drkit.internal.plan.PlanPermissions;
import io.github.drkit.plan.Regions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.SessionTagsPrincipal;
import software.constructs.Construct;

/**
 * The role the failover function assumes in a workload account, for the steps whose resources live there. Deploy it in
 * a stack of that account (its {@code env} names the account), after the failover stack, whose role it trusts:
 *
 * <ul>
 *   <li>trusted by the failover function's execution role alone (its ARN), for {@code sts:AssumeRole} and
 *       {@code sts:TagSession} (the runtime tags its session with the application), with the external id when one is set;</li>
 *   <li>allowed exactly what its steps need, on their resources, from the same per-kind statements the failover role
 *       would get for them in its own account ({@link RecoveryStep#permissions()}), so it stays least privilege.</li>
 * </ul>
 *
 * <p>Put {@link #assume(RecoveryStep)} of each step into the failover plan ({@code FailoverPlan.Builder.otherSteps}): the
 * plan then names this role for the step, and the failover role is granted {@code sts:AssumeRole} on it, nothing more.
 */
public class WorkloadAccountRole extends Construct {
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private final Role role;
    private final String roleArn;
    private final String externalId;
    private final List<RecoveryStep> steps;

    public WorkloadAccountRole(Construct scope, String id, WorkloadAccountRoleProps props) {
        super(scope, id);
        String owner = "WorkloadAccountRole";
        Checks.required(owner, "props", props);
        String failoverRoleArn = Checks.required(owner, "failoverRoleArn", props.getFailoverRoleArn());
        if (!Token.isUnresolved(failoverRoleArn) && !ROLE_ARN.matcher(failoverRoleArn).matches()) {
            throw new IllegalArgumentException(owner + ": failoverRoleArn must be an IAM role ARN, arn:<partition>:iam::<account>:role/<name> (got '"
                    + failoverRoleArn + "')");
        }
        String roleName = Checks.required(owner, "roleName", props.getRoleName());
        if (!ROLE_NAME.matcher(roleName).matches()) {
            throw new IllegalArgumentException(owner + ": roleName must be 1-64 letters, digits or +=,.@_- (got '" + roleName + "')");
        }
        this.steps = unwrap(Checks.notEmpty(owner, "steps", props.getSteps()));
        this.externalId = props.getExternalId();
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw new IllegalArgumentException(owner + ": externalId must be 2-1224 letters, digits or +=,.@:/_- (got '" + externalId + "')");
        }
        Duration session = props.getMaxSessionDuration() == null ? Duration.hours(1) : props.getMaxSessionDuration();
        if (!Token.isUnresolved(session.toSeconds()) && (session.toSeconds().doubleValue() < 3600 || session.toSeconds().doubleValue() > 43200)) {
            throw new IllegalArgumentException(owner + ": maxSessionDuration must be from 1 to 12 hours, as IAM allows (got "
                    + session.toSeconds().longValue() + " s)");
        }
        Stack stack = Stack.of(this);
        if (Token.isUnresolved(stack.getAccount())) {
            throw new IllegalArgumentException(owner + ": the stack's account must be set (env.account) so that the failover stack, in "
                    + "another account, can name the role in its plan (got an account known only at deploy time)");
        }
        String partition = Token.isUnresolved(stack.getRegion()) ? "aws" : Regions.partition(stack.getRegion());
        this.roleArn = "arn:" + partition + ":iam::" + stack.getAccount() + ":role/" + roleName;

        List<PolicyStatement> statements = PlanPermissions.statements(stack, steps);
        Role.Builder builder = Role.Builder.create(this, "Role")
                .roleName(roleName)
                .description("drkit failover of another account's function: may change only the resources of its steps")
                // Session tags: the runtime names its application on each session.
                .assumedBy(new SessionTagsPrincipal(new ArnPrincipal(failoverRoleArn)))
                .maxSessionDuration(session)
                .inlinePolicies(Map.of("Recovery", PolicyDocument.Builder.create().statements(statements).build()));
        if (externalId != null) {
            builder.externalIds(List.of(externalId));
        }
        this.role = builder.build();
        suppressFindings(statements);
    }

    private static List<RecoveryStep> unwrap(List<RecoveryStep> given) {
        List<RecoveryStep> out = new ArrayList<>();
        for (RecoveryStep step : given) {
            out.add(step instanceof CrossAccountStep cross ? cross.getStep() : step);
        }
        return List.copyOf(out);
    }

    /**
     * The wildcards the steps' statements carry by design, each named, so that a new one is still reported: reads AWS
     * authorizes only on "*", and resource ARNs whose ids exist only at run time (an Auto Scaling group's UUID).
     */
    private void suppressFindings(List<PolicyStatement> statements) {
        Set<String> findings = new LinkedHashSet<>();
        for (PolicyStatement statement : statements) {
            for (String resource : statement.getResources()) {
                if (resource.contains("*")) {
                    findings.add("Resource::" + resource.replace(Aws.PARTITION, "<AWS::Partition>"));
                }
            }
        }
        if (!findings.isEmpty()) {
            NagFindings.suppress(role, "AwsSolutions-IAM5", "the steps' statements are the failover role's own for these kinds: '*' only for "
                    + "reads AWS authorizes on no narrower resource, and ARNs with a wildcard only where the id exists at run time "
                    + "(an Auto Scaling group's UUID, a Route 53 change id)", List.copyOf(findings));
        }
    }

    /** The step, run by the failover function with a session of this role; put it into the failover plan. */
    public CrossAccountStep assume(RecoveryStep step) {
        return CrossAccountStep.of(step instanceof CrossAccountStep cross ? cross.getStep() : step, roleArn, externalId);
    }

    public IRole getRole() {
        return role;
    }

    /** The role's ARN as a plain string (no deploy-time token), for a plan in another account's stack. */
    public String getRoleArn() {
        return roleArn;
    }

    /** The steps whose permissions the role holds. */
    public List<RecoveryStep> getSteps() {
        return steps;
    }
}
