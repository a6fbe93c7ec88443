package io.github.drkit.arc;

import java.util.List;
import software.amazon.awscdk.services.arcregionswitch.CfnPlan;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * drkit's function as ARC custom-action blocks. ARC invokes the {@link DrkitStepInvoker} with its own metadata
 * (the step's name among it); the invoker runs drkit's {@code failover} or {@code failback} by that name.
 *
 * @param invokerArn    the function ARC invokes
 * @param retryMinutes  ARC invokes again when an attempt has not succeeded after this long
 * @param timeoutMinutes ARC fails the step after this long
 */
record DrkitBlocks(String invokerArn, int retryMinutes, int timeoutMinutes) {
    /** The block names, which the invoker maps to drkit's actions. */
    static final String FAILOVER = "drkit-failover";
    static final String FAILBACK = "drkit-failback";

    /**
     * @param regionToRun where ARC runs the function: drkit's function lives in the recovery Region, which is the
     *                    activating Region on failover and the deactivating one on failback
     */
    ArcBlock block(String name, String drkitAction, String regionToRun, List<String> steps) {
        CfnPlan.ExecutionBlockConfigurationProperty configuration = CfnPlan.ExecutionBlockConfigurationProperty.builder()
                .customActionLambdaConfig(CfnPlan.CustomActionLambdaConfigurationProperty.builder()
                        .lambdas(List.of(CfnPlan.LambdasProperty.builder().arn(invokerArn).build()))
                        .regionToRun(regionToRun)
                        .retryIntervalMinutes(retryMinutes)
                        .timeoutMinutes(timeoutMinutes).build())
                .build();
        // ARC's documented statement for a custom action block, on the one function it invokes.
        PolicyStatement invoke = PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("lambda:GetFunction", "lambda:InvokeFunction")).resources(List.of(invokerArn)).build();
        return new ArcBlock(name, ArcBlock.CUSTOM_ACTION_LAMBDA, "drkit " + drkitAction + " of " + String.join(", ", steps)
                + " (idempotent: steps already done are read and left alone)", steps, configuration, List.of(invoke));
    }
}
