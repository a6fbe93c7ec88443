package io.github.drkit.apps;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints one line per synthesized stack of a cloud assembly: its name, where it deploys, and how many
 * resources of each kind it holds. {@code java ... SynthSummary cdk.out}
 */
public final class SynthSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stack of the assembly. */
    public record StackLine(String name, String environment, int resources, Map<String, Integer> byType) {
    }

    private SynthSummary() {
    }

    public static void main(String[] args) {
        Path outdir = Path.of(args.length > 0 ? args[0] : "cdk.out");
        print(read(outdir), System.out);
        Path drTable = outdir.resolve(ReferenceApp.SUMMARY_TABLE);
        if (Files.isRegularFile(drTable)) {
            System.out.println();
            System.out.print(readString(drTable));
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + file, e);
        }
    }

    public static List<StackLine> read(Path outdir) {
        JsonNode manifest = readJson(outdir.resolve("manifest.json"));
        List<StackLine> lines = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("artifacts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> artifact = it.next();
            if (!"aws:cloudformation:stack".equals(artifact.getValue().path("type").asText())) {
                continue;
            }
            String templateFile = artifact.getValue().path("properties").path("templateFile").asText();
            JsonNode resources = readJson(outdir.resolve(templateFile)).path("Resources");
            Map<String, Integer> byType = new TreeMap<>();
            resources.forEach(r -> byType.merge(shortType(r.path("Type").asText()), 1, Integer::sum));
            lines.add(new StackLine(artifact.getKey(), artifact.getValue().path("environment").asText(),
                    resources.size(), byType));
        }
        lines.sort((a, b) -> a.name().compareTo(b.name()));
        return lines;
    }

    public static void print(List<StackLine> lines, PrintStream out) {
        out.printf("%-40s %-38s %9s  %s%n", "STACK", "ENVIRONMENT", "RESOURCES", "LARGEST KINDS");
        for (StackLine line : lines) {
            out.printf("%-40s %-38s %9d  %s%n", line.name(), line.environment(), line.resources(), largest(line.byType()));
        }
    }

    private static String largest(Map<String, Integer> byType) {
        return byType.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(4)
                .map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** AWS::EC2::Instance reads better as EC2::Instance in a narrow table. */
    private static String shortType(String type) {
        return type.startsWith("AWS::") ? type.substring(5) : type;
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("SynthSummary: " + file + " does not exist; run cdk synth first");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + file, e);
        }
    }
}
