package io.github.drkit.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The context {@code cdk synth} gives an app: the feature flags of the project's {@code cdk.json} and the
 * committed lookup answers of {@code cdk.context.json} beside it, so that an App built in a test or a drill
 * synthesizes the same templates, offline.
 */
public final class CdkContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CdkContext() {
    }

    /** The context of the nearest {@code cdk.json} at or above {@code start}, with its {@code cdk.context.json}. */
    public static Map<String, Object> nearest(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("cdk.json");
            if (Files.isRegularFile(candidate)) {
                Map<String, Object> context = new HashMap<>(load(candidate));
                Path lookups = dir.resolve("cdk.context.json");
                if (Files.isRegularFile(lookups)) {
                    context.putAll(readObject(lookups));
                }
                return context;
            }
        }
        throw new IllegalArgumentException("CdkContext: no cdk.json at or above " + start.toAbsolutePath());
    }

    /** The {@code context} object of one {@code cdk.json}. */
    public static Map<String, Object> load(Path cdkJson) {
        try {
            JsonNode context = JSON.readTree(cdkJson.toFile()).path("context");
            return JSON.convertValue(context, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + cdkJson, e);
        }
    }

    private static Map<String, Object> readObject(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + file, e);
        }
    }
}
