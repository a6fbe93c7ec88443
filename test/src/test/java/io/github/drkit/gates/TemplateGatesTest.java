package io.github.drkit.gates;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The template gates over every stack of every app in drkit-apps: zero unsuppressed cdk-nag errors, zero
 * cfn-lint errors, and no suppression without a reason. This class runs with aws-cdk-lib's CloudFormation
 * validation switched on (see this module's pom), so the suite keeps one fully validated synth.
 */
class TemplateGatesTest {
    private static Map<String, SynthesizedApp> apps;

    @BeforeAll
    static void synthesizeEveryApp() {
        apps = AppDefinitions.all().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> SynthesizedApp.of(e.getKey(), e.getValue())));
    }

    @Test
    void nag_whenEveryAppSynthesized_findsNoUnsuppressedErrors() {
        apps.forEach((name, app) -> {
            assertFalse(app.assembly().getStacks().isEmpty(), name + " has no stacks");
            List<Finding> errors = NagGate.errors(app.assembly());
            assertTrue(errors.isEmpty(), name + ": " + errors.size() + " cdk-nag errors:\n" + lines(errors));
        });
    }

    @Test
    void cfnLint_whenEveryAppSynthesized_findsNoErrors() {
        apps.forEach((name, app) -> {
            List<Finding> errors = CfnLintGate.errors(app.templates(), app.regions());
            assertTrue(errors.isEmpty(), name + ": " + errors.size() + " cfn-lint errors:\n" + lines(errors));
        });
    }

    @Test
    void suppressions_whenPresent_eachCarriesAReason() {
        apps.forEach((name, app) -> {
            List<SuppressionAudit.Suppression> suppressions = SuppressionAudit.suppressions(app.templates());
            // Printed so that the test log is the one list a security reviewer reads.
            suppressions.forEach(s -> System.out.println("suppressed " + s.rule() + " on " + s.resource() + ": " + s.reason()));
            List<Finding> weak = SuppressionAudit.weak(suppressions);
            assertTrue(weak.isEmpty(), name + ":\n" + lines(weak));
        });
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
}
