package io.github.drkit.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The cfn-lint gate: every synthesized template, checked in both of the reference Regions. Errors fail the
 * gate; warnings and informational findings are reported by cfn-lint but do not.
 */
final class CfnLintGate {
    private static final long TIMEOUT_MINUTES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CfnLintGate() {
    }

    static List<Finding> errors(List<Path> templates, List<String> regions) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("cfn-lint gate: no templates to check");
        }
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "json", "--regions"));
        command.addAll(regions);
        command.add("--");
        templates.forEach(t -> command.add(t.toString()));
        String output = run(command);
        List<Finding> findings = new ArrayList<>();
        try {
            for (JsonNode match : JSON.readTree(output)) {
                if ("Error".equals(match.path("Level").asText())) {
                    String location = match.path("Filename").asText() + " " + match.path("Location").path("Path");
                    findings.add(new Finding(match.path("Rule").path("Id").asText(), location, match.path("Message").asText()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cfn-lint printed something that is not its JSON report: " + output, e);
        }
        return findings;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("cfn-lint did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            // Exit codes are a bit mask: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint itself failed.
            if ((process.exitValue() & 1) != 0) {
                throw new IllegalStateException("cfn-lint failed to run (exit " + process.exitValue() + ")");
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cfn-lint could not be started; it is installed with: pip install cfn-lint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cfn-lint", e);
        }
    }
}
