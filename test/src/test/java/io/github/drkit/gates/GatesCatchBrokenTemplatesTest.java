package io.github.drkit.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.CfnBucket;

/** Each gate, shown failing on a template that is broken on purpose: a gate that cannot fail proves nothing. */
class GatesCatchBrokenTemplatesTest {
    private static SynthesizedApp broken;

    @BeforeAll
    static void synthesizeBrokenApp() {
        broken = SynthesizedApp.of("broken", app -> {
            StackProps props = StackProps.builder()
                    .env(Environment.builder().account("111111111111").region("us-east-1").build()).build();
            // No encryption, no access logs, no TLS-only policy: cdk-nag must object.
            Stack insecure = new Stack(app, "insecure", props);
            new CfnBucket(insecure, "BareBucket");

            // A property CloudFormation does not have: cfn-lint must object.
            Stack invalid = new Stack(app, "invalid", props);
            CfnBucket misspelt = new CfnBucket(invalid, "Bucket");
            misspelt.addPropertyOverride("BucketNam", "drkit-typo");

            // A suppression whose reason says nothing: the audit must object.
            Stack lazy = new Stack(app, "lazy", props);
            CfnBucket bucket = new CfnBucket(lazy, "Bucket");
            NagSuppressions.addResourceSuppressions(bucket, List.of(
                    NagPackSuppression.builder().id("AwsSolutions-S1").reason("not needed here").build()));
        });
    }

    @Test
    void nag_whenBucketIsInsecure_reportsItsRules() {
        Set<String> rules = NagGate.errors(broken.assembly()).stream()
                .filter(f -> f.location().startsWith("/insecure/"))
                .map(Finding::rule).collect(Collectors.toSet());
        assertTrue(rules.containsAll(Set.of("AwsSolutions-S1", "AwsSolutions-S10")), rules.toString());
    }

    @Test
    void cfnLint_whenPropertyIsUnknown_reportsAnError() {
        List<Finding> errors = CfnLintGate.errors(broken.templates(), broken.regions());
        List<Finding> onInvalid = errors.stream().filter(f -> f.location().contains("invalid.template.json")).toList();
        assertEquals(1, onInvalid.size(), errors.toString());
        assertTrue(onInvalid.get(0).message().contains("BucketNam"), onInvalid.get(0).toString());
    }

    @Test
    void suppressionAudit_whenReasonIsVague_reportsIt() {
        List<Finding> weak = SuppressionAudit.weak(SuppressionAudit.suppressions(broken.templates()));
        assertEquals(1, weak.size(), weak.toString());
        assertEquals("AwsSolutions-S1", weak.get(0).rule());
        assertTrue(weak.get(0).message().contains("not needed here"), weak.get(0).message());
    }
}
