package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.arcregionswitch.CfnPlan;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Builds the two workflows of a Region switch plan from a drkit plan.
 *
 * <p>Failover: stage after stage, each step becomes its ARC block (the blocks of one stage in a {@code Parallel}
 * block, as drkit runs a stage's steps in parallel) until the first stage with a step ARC has no block for. From
 * that stage on, one drkit custom-action block carries out every remaining step: drkit's function runs a whole plan
 * and reads before it acts, so it finds the steps ARC already did done and does the rest. A stage ARC could run
 * after that point is not split out, because drkit's run would do it anyway.
 *
 * <p>Failback: ARC's blocks only promote or raise capacity in the Region they activate; returning the recovery
 * Region to standby and DNS to normal is drkit's failback, one custom-action block for every step that has a
 * failback rank.
 */
final class WorkflowComposer {
    private WorkflowComposer() {
    }

    static ArcWorkflow failover(MappingContext context, DrkitBlocks drkit, ArcBlock approval) {
        List<ArcBlock> blocks = new ArrayList<>();
        if (approval != null) {
            blocks.add(approval);
        }
        List<String> drkitSteps = new ArrayList<>();
        for (Stage stage : context.plan().stages()) {
            if (!drkitSteps.isEmpty()) {
                stage.steps().forEach(s -> drkitSteps.add(s.path()));
                continue;
            }
            List<ArcBlock> mapped = new ArrayList<>();
            for (PlanStep step : stage.steps()) {
                Optional<ArcBlock> block = StepBlockMappers.of(step.kind()).failover(step, context);
                if (block.isEmpty()) {
                    break;
                }
                mapped.add(block.get());
            }
            if (mapped.size() < stage.steps().size()) {
                stage.steps().forEach(s -> drkitSteps.add(s.path()));
            } else {
                blocks.add(mapped.size() == 1 ? mapped.get(0) : parallel(stage, mapped));
            }
        }
        if (!drkitSteps.isEmpty()) {
            blocks.add(drkit.block(DrkitBlocks.FAILOVER, "failover", "activatingRegion", drkitSteps));
        }
        String recovery = context.plan().recoveryRegion();
        return new ArcWorkflow("activate", recovery, "failover", "drkit failover of " + context.plan().application()
                + " to " + recovery, blocks);
    }

    /** The failback workflow; empty when no step of the plan is undone on failback (a plan of databases only). */
    static Optional<ArcWorkflow> failback(MappingContext context, DrkitBlocks drkit, ArcBlock approval) {
        List<String> steps = context.plan().failbackOrder().stream().flatMap(List::stream).map(PlanStep::path).toList();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        List<ArcBlock> blocks = new ArrayList<>();
        if (approval != null) {
            blocks.add(approval);
        }
        blocks.add(drkit.block(DrkitBlocks.FAILBACK, "failback", "deactivatingRegion", steps));
        String primary = context.plan().primaryRegion();
        return Optional.of(new ArcWorkflow("activate", primary, "failback", "drkit failback of " + context.plan().application()
                + " to " + primary, blocks));
    }


    private static ArcBlock parallel(Stage stage, List<ArcBlock> blocks) {
        List<String> steps = blocks.stream().flatMap(b -> b.steps().stream()).toList();
        List<PolicyStatement> permissions = blocks.stream().flatMap(b -> b.permissions().stream()).toList();
        CfnPlan.ExecutionBlockConfigurationProperty configuration = CfnPlan.ExecutionBlockConfigurationProperty.builder()
                .parallelConfig(CfnPlan.ParallelExecutionBlockConfigurationProperty.builder()
                        .steps(blocks.stream().map(ArcBlock::toStep).toList()).build())
                .build();
        return new ArcBlock(stage.name(), ArcBlock.PARALLEL, "drkit stage " + stage.name() + ": its steps in parallel", steps,
                configuration, permissions);
    }
}
