package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategies found in an assembly, from manifests written the way cdk synth writes them. */
class DrillTargetTest {
    @TempDir
    Path dir;

    private void stack(String id, String region, String resources, String... deps) throws Exception {
        Files.writeString(dir.resolve(id + ".template.json"), "{\"Resources\":" + resources + "}");
    }

    private static String artifact(String id, String region, String... deps) {
        return "\"" + id + "\":{\"type\":\"aws:cloudformation:stack\",\"environment\":\"aws://111111111111/" + region + "\","
                + "\"properties\":{\"templateFile\":\"" + id + ".template.json\"},\"dependencies\":["
                + String.join(",", java.util.Arrays.stream(deps).map(d -> "\"" + d + "\"").toList()) + "]}";
    }

    private static final String FUNCTION = "{\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":"
            + "{\"Environment\":{\"Variables\":{\"DRKIT_PLAN\":\"{}\"}}}}}";
    private static final String EMPTY = "{\"Q\":{\"Type\":\"AWS::SQS::Queue\"}}";

    @Test
    void discover_whenPrimaryAndRecoveryShareAPrefix_groupsThemWithDependencies() throws Exception {
        stack("shop-pilot-light-primary", "us-east-1", EMPTY);
        stack("shop-pilot-light-recovery", "us-west-2", FUNCTION);
        stack("shop-pilot-light-dns", "us-east-1", EMPTY);
        stack("shop-notifications", "us-west-2", EMPTY);
        stack("other", "us-east-1", EMPTY);
        Files.writeString(dir.resolve("manifest.json"), "{\"artifacts\":{"
                + artifact("shop-pilot-light-primary", "us-east-1") + ","
                + artifact("shop-pilot-light-recovery", "us-west-2", "shop-notifications") + ","
                + artifact("shop-pilot-light-dns", "us-east-1", "shop-pilot-light-recovery") + ","
                + artifact("shop-notifications", "us-west-2") + ","
                + artifact("other", "us-east-1") + "}}");
        List<DrillTarget> targets = DrillTarget.discover(CloudAssembly.read(dir));
        assertEquals(1, targets.size());
        DrillTarget t = targets.get(0);
        assertEquals("shop-pilot-light", t.name());
        assertEquals(List.of("Fn"), t.functions());
        assertEquals(List.of("shop-notifications", "shop-pilot-light-primary", "shop-pilot-light-recovery", "shop-pilot-light-dns"),
                t.stacks().stream().map(AssemblyStack::stackName).toList());
        assertEquals(List.of("us-west-2", "us-east-1"), t.regions());
    }

    @Test
    void read_whenEnvironmentAgnostic_refusesWithTheStack() throws Exception {
        stack("agnostic", "x", EMPTY);
        Files.writeString(dir.resolve("manifest.json"), "{\"artifacts\":{\"agnostic\":{\"type\":\"aws:cloudformation:stack\","
                + "\"environment\":\"aws://unknown-account/unknown-region\",\"properties\":{\"templateFile\":\"agnostic.template.json\"}}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudAssembly.read(dir));
        assertEquals("DrillCommand: stack agnostic must have an explicit account and Region to be drilled "
                + "(got environment 'aws://unknown-account/unknown-region')", e.getMessage());
    }
}
