package io.github.drkit.arc;

import java.util.List;
import software.amazon.awscdk.services.arcregionswitch.CfnPlan;

/**
 * One workflow of the Region switch plan: the blocks ARC runs, in order, when it activates {@code targetRegion}.
 *
 * @param action       ARC's {@code WorkflowTargetAction}: {@code activate} for both drkit workflows
 * @param drkitAction  what the workflow does in drkit's words: {@code failover} or {@code failback}
 */
public record ArcWorkflow(String action, String targetRegion, String drkitAction, String description, List<ArcBlock> blocks) {
    public ArcWorkflow {
        blocks = List.copyOf(blocks);
    }

    /** The workflow as the L1 resource writes it. */
    public CfnPlan.WorkflowProperty toWorkflow() {
        return CfnPlan.WorkflowProperty.builder().workflowTargetAction(action).workflowTargetRegion(targetRegion)
                .workflowDescription(description).steps(blocks.stream().map(ArcBlock::toStep).toList()).build();
    }
}
