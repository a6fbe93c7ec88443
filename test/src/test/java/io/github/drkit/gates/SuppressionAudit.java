package io.github.drkit.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads every cdk-nag suppression out of the synthesized templates, so that a reviewer sees them all in
 * one place and a suppression without a real reason fails the build.
 */
final class SuppressionAudit {
    /** Shorter than this, a reason cannot say what the finding is and why it does not apply. */
    static final int MIN_REASON_LENGTH = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Suppression(String rule, String resource, String reason) {
    }

    private SuppressionAudit() {
    }

    static List<Suppression> suppressions(List<Path> templates) {
        List<Suppression> all = new ArrayList<>();
        for (Path template : templates) {
            JsonNode resources = read(template).path("Resources");
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> resource = it.next();
                for (JsonNode rule : resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
                    all.add(new Suppression(rule.path("id").asText(),
                            template.getFileName() + " " + resource.getKey(), rule.path("reason").asText()));
                }
            }
        }
        return all;
    }

    static List<Finding> weak(List<Suppression> suppressions) {
        return suppressions.stream()
                .filter(s -> s.reason().strip().length() < MIN_REASON_LENGTH)
                .map(s -> new Finding(s.rule(), s.resource(),
                        "suppression reason must say what is accepted and why, in at least " + MIN_REASON_LENGTH
                                + " characters (got \"" + s.reason() + "\")"))
                .toList();
    }

    private static JsonNode read(Path template) {
        try {
            return JSON.readTree(template.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable template " + template, e);
        }
    }
}
