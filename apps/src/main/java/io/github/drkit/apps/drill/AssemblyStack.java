package io.github.drkit.apps.drill;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One synthesized stack of a cloud assembly.
 *
 * @param artifactId    the id in {@code manifest.json}; what other stacks name in their dependencies
 * @param stackName     the CloudFormation stack name
 * @param account       the account the stack deploys to
 * @param region        the Region the stack deploys to
 * @param template      the template, as synthesized
 * @param dependencies  artifact ids of the stacks that must deploy first
 * @param assetManifest the asset manifest of the stack, or null when it has no assets
 * @param constructPath the path of the stack in the construct tree
 */
public record AssemblyStack(String artifactId, String stackName, String account, String region, JsonNode template,
                            List<String> dependencies, Path assetManifest, String constructPath) {
    public AssemblyStack {
        dependencies = List.copyOf(dependencies);
    }

    /** Logical id to resource, as the template lists them. */
    public JsonNode resources() {
        return template.path("Resources");
    }
}
