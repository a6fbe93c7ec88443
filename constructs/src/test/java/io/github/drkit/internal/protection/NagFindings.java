package io.github.drkit.internal.protection;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

import java.util.ArrayList;
import java.util.List;

/** Runs cdk-nag's AWS Solutions checks over one stack and returns the unsuppressed errors. */
public final class NagFindings {
    private NagFindings() {
    }

    /** The stack's app must not have been synthesized yet. */
    public static List<String> errors(Stack stack) {
        App app = (App) stack.getNode().getRoot();
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        CloudAssembly assembly = app.synth();
        List<String> errors = new ArrayList<>();
        for (SynthesisMessage m : assembly.getStackByName(stack.getStackName()).getMessages()) {
            if (m.getLevel() == SynthesisMessageLevel.ERROR) {
                errors.add(m.getId() + ": " + m.getEntry().getData());
            }
        }
        return errors;
    }
}
