package io.github.drkit.gates;

import java.util.ArrayList;
import java.util.List;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cloud_assembly_schema.MetadataEntry;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The cdk-nag gate: AWS Solutions checks over every stack. A rule that fails and is not suppressed is an
 * error annotation on the construct; those are the findings.
 */
final class NagGate {
    private NagGate() {
    }

    /** Adds the checks; call before {@code app.synth()}. */
    static void attach(App app) {
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }

    /** Every error-level message of the assembly: cdk-nag's unsuppressed errors and any other synth error. */
    static List<Finding> errors(CloudAssembly assembly) {
        List<Finding> findings = new ArrayList<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            for (SynthesisMessage message : stack.getMessages()) {
                if (message.getLevel() == SynthesisMessageLevel.ERROR) {
                    MetadataEntry entry = message.getEntry();
                    String text = String.valueOf(entry.getData());
                    findings.add(new Finding(ruleOf(text), message.getId(), text));
                }
            }
        }
        return findings;
    }

    private static String ruleOf(String text) {
        int colon = text.indexOf(':');
        return colon > 0 ? text.substring(0, colon) : "synth-error";
    }
}
