package io.github.drkit.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.drkit.apps.CdkContext;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** An app synthesized once into a folder of its own, with cdk-nag attached, for the gates to judge. */
final class SynthesizedApp {
    private static final String ANNOTATIONS_IN_VALIDATION_REPORT = "@aws-cdk/core:annotationsInValidationReport";
    private final CloudAssembly assembly;

    private SynthesizedApp(CloudAssembly assembly) {
        this.assembly = assembly;
    }

    static SynthesizedApp of(String name, Consumer<App> definition) {
        try {
            Path outdir = Files.createTempDirectory("drkit-gate-" + name + "-");
            // cdk.json's feature flags, so that the gates judge the templates `cdk synth` produces, but with
            // error annotations kept as messages instead of failing synth: the gates list every finding.
            // The flag changes how errors are reported, never what a template holds.
            Map<String, Object> context = new HashMap<>(CdkContext.nearest(Path.of("")));
            context.put(ANNOTATIONS_IN_VALIDATION_REPORT, false);
            App app = new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
            definition.accept(app);
            NagGate.attach(app);
            return new SynthesizedApp(app.synth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CloudAssembly assembly() {
        return assembly;
    }

    List<Path> templates() {
        return assembly.getStacks().stream()
                .map(stack -> Path.of(assembly.getDirectory(), stack.getTemplateFile()))
                .toList();
    }

    List<String> regions() {
        return assembly.getStacks().stream().map(CloudFormationStackArtifact::getEnvironment)
                .map(env -> env.getRegion()).distinct().sorted().toList();
    }
}
