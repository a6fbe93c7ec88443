package io.github.drkit.arc;

import java.util.List;
import software.amazon.awscdk.services.arcregionswitch.CfnPlan;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * One step of an ARC Region switch workflow: an execution block of one type, its configuration, the drkit plan
 * steps it carries out and the IAM statements the plan's execution role needs for it.
 *
 * <p>A block is either one of ARC's own (an RDS read replica promotion, an EC2 Auto Scaling capacity increase,
 * a manual approval), a {@code Parallel} block holding the blocks of one drkit stage, or drkit's function as a
 * custom action for the steps ARC has no block for.
 */
public final class ArcBlock {
    /** ARC's execution block types this library writes, as {@code ExecutionBlockType} spells them. */
    public static final String RDS_PROMOTE_READ_REPLICA = "RdsPromoteReadReplica";
    public static final String EC2_AUTO_SCALING = "EC2AutoScaling";
    public static final String CUSTOM_ACTION_LAMBDA = "CustomActionLambda";
    public static final String MANUAL_APPROVAL = "ManualApproval";
    public static final String PARALLEL = "Parallel";

    private final String name;
    private final String type;
    private final String description;
    private final List<String> steps;
    private final CfnPlan.ExecutionBlockConfigurationProperty configuration;
    private final List<PolicyStatement> permissions;

    /**
     * @param steps       where each drkit plan step this block carries out sits in the plan, e.g.
     *                    {@code stages[0].steps[0]}; empty for a block drkit's plan has no step for (an approval)
     * @param permissions what the plan's execution role needs to run the block
     */
    public ArcBlock(String name, String type, String description, List<String> steps,
                    CfnPlan.ExecutionBlockConfigurationProperty configuration, List<PolicyStatement> permissions) {
        this.name = name;
        this.type = type;
        this.description = description;
        this.steps = List.copyOf(steps);
        this.configuration = configuration;
        this.permissions = List.copyOf(permissions);
    }

    public String name() {
        return name;
    }

    /** The {@code ExecutionBlockType}, e.g. {@link #RDS_PROMOTE_READ_REPLICA}. */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The drkit plan steps this block carries out, by their place in the plan. */
    public List<String> steps() {
        return steps;
    }

    public CfnPlan.ExecutionBlockConfigurationProperty configuration() {
        return configuration;
    }

    public List<PolicyStatement> permissions() {
        return permissions;
    }

    /** The block as the L1 resource writes a workflow step. */
    public CfnPlan.StepProperty toStep() {
        return CfnPlan.StepProperty.builder().name(name).executionBlockType(type).description(description)
                .executionBlockConfiguration(configuration).build();
    }

    @Override
    public String toString() {
        return name + " (" + type + ") " + steps;
    }
}
