package io.github.drkit.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** An app synthesized once into a folder of its own, with cdk-nag attached, for the gates to judge. */
final class SynthesizedApp {
    private final CloudAssembly assembly;

    private SynthesizedApp(CloudAssembly assembly) {
        this.assembly = assembly;
    }

    static SynthesizedApp of(String name, Consumer<App> definition) {
        try {
            Path outdir = Files.createTempDirectory("drkit-gate-" + name + "-");
            App app = new App(AppProps.builder().outdir(outdir.toString()).build());
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
