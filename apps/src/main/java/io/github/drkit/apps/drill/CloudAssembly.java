package io.github.drkit.apps.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stacks of a synthesized cloud assembly ({@code cdk.out}) and the order they deploy in. */
public final class CloudAssembly {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Map<String, AssemblyStack> stacks;

    private CloudAssembly(Path directory, Map<String, AssemblyStack> stacks) {
        this.directory = directory;
        this.stacks = stacks;
    }

    /** Reads {@code manifest.json} and every stack template of an assembly directory. */
    public static CloudAssembly read(Path directory) {
        JsonNode manifest = readJson(directory.resolve("manifest.json"));
        Map<String, String> assetManifests = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("artifacts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            if ("cdk:asset-manifest".equals(a.getValue().path("type").asText())) {
                assetManifests.put(a.getKey(), a.getValue().path("properties").path("file").asText());
            }
        }
        Map<String, AssemblyStack> stacks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("artifacts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            JsonNode artifact = a.getValue();
            if (!"aws:cloudformation:stack".equals(artifact.path("type").asText())) {
                continue;
            }
            String[] env = artifact.path("environment").asText().replace("aws://", "").split("/");
            if (env.length != 2 || env[0].startsWith("unknown") || env[1].startsWith("unknown")) {
                throw new IllegalArgumentException("DrillCommand: stack " + a.getKey() + " must have an explicit account and Region "
                        + "to be drilled (got environment '" + artifact.path("environment").asText() + "')");
            }
            JsonNode props = artifact.path("properties");
            List<String> dependencies = new ArrayList<>();
            Path assetManifest = null;
            for (JsonNode d : artifact.path("dependencies")) {
                if (assetManifests.containsKey(d.asText())) {
                    assetManifest = directory.resolve(assetManifests.get(d.asText()));
                } else {
                    dependencies.add(d.asText());
                }
            }
            String stackName = props.path("stackName").asText(a.getKey());
            JsonNode template = readJson(directory.resolve(props.path("templateFile").asText()));
            String path = artifact.path("displayName").asText(a.getKey());
            stacks.put(a.getKey(), new AssemblyStack(a.getKey(), stackName, env[0], env[1], template, dependencies,
                    assetManifest, path));
        }
        // Only stack-to-stack dependencies matter for the deploy order.
        stacks.replaceAll((id, s) -> new AssemblyStack(s.artifactId(), s.stackName(), s.account(), s.region(), s.template(),
                s.dependencies().stream().filter(stacks::containsKey).toList(), s.assetManifest(), s.constructPath()));
        return new CloudAssembly(directory, stacks);
    }

    public Path directory() {
        return directory;
    }

    public List<AssemblyStack> stacks() {
        return List.copyOf(stacks.values());
    }

    public AssemblyStack stack(String artifactId) {
        AssemblyStack s = stacks.get(artifactId);
        if (s == null) {
            throw new IllegalArgumentException("DrillCommand: no stack " + artifactId + " in " + directory);
        }
        return s;
    }

    /**
     * The given stacks and every stack they depend on, in an order that deploys each stack after its
     * dependencies (ties by name, so that two runs deploy in the same order).
     */
    public List<AssemblyStack> deployOrder(Set<String> artifactIds) {
        Set<String> wanted = new LinkedHashSet<>();
        artifactIds.stream().sorted().forEach(id -> addWithDependencies(id, wanted));
        List<AssemblyStack> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        int guard = 0;
        while (done.size() < wanted.size()) {
            if (++guard > wanted.size() + 1) {
                throw new IllegalStateException("DrillCommand: the stacks " + wanted + " depend on each other in a cycle");
            }
            wanted.stream().filter(id -> !done.contains(id))
                    .filter(id -> done.containsAll(stacks.get(id).dependencies()))
                    .sorted(Comparator.naturalOrder())
                    .toList()
                    .forEach(id -> {
                        done.add(id);
                        order.add(stacks.get(id));
                    });
        }
        return order;
    }

    /** Stacks that depend, directly or not, on the given one. */
    public Set<String> dependents(String artifactId) {
        Set<String> result = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AssemblyStack s : stacks.values()) {
                if (!result.contains(s.artifactId())
                        && (s.dependencies().contains(artifactId) || s.dependencies().stream().anyMatch(result::contains))) {
                    result.add(s.artifactId());
                    grew = true;
                }
            }
        }
        return result;
    }

    private void addWithDependencies(String id, Set<String> into) {
        if (!stacks.containsKey(id) || into.contains(id)) {
            return;
        }
        for (String d : stacks.get(id).dependencies()) {
            addWithDependencies(d, into);
        }
        into.add(id);
    }

    static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("DrillCommand: " + file + " does not exist");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("DrillCommand: unreadable " + file, e);
        }
    }
}
