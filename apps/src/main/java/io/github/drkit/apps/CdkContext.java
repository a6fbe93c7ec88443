package io.github.drkit.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The context of the project's {@code cdk.json} (its feature flags), so that an App built in a test or a
 * drill synthesizes the same templates as {@code cdk synth}.
 */
public final class CdkContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CdkContext() {
    }

    /** The {@code context} object of the nearest {@code cdk.json} at or above {@code start}. */
    public static Map<String, Object> nearest(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("cdk.json");
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
        }
        throw new IllegalArgumentException("CdkContext: no cdk.json at or above " + start.toAbsolutePath());
    }

    public static Map<String, Object> load(Path cdkJson) {
        try {
            JsonNode context = JSON.readTree(cdkJson.toFile()).path("context");
            return JSON.convertValue(context, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + cdkJson, e);
        }
    }
}
