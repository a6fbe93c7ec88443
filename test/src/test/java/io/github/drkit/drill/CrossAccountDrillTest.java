package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.apps.drill.Check;
import io.github.drkit.apps.drill.CrossAccountDrill;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * The drill across two accounts: the fleet's stack deployed in the workload account, DNS and the failover function in
 * the emulator's own; failover and failback as the deployed failover role with IAM enforced in both; every call's
 * account in the reports.
 */
@ExtendWith(MotoServerExtension.class)
class CrossAccountDrillTest {
    @Test
    void drill_whenFleetIsInAWorkloadAccount_failsOverAndBackThroughItsRole(MotoServer moto) throws Exception {
        Path out = Path.of("target", "drill", "CROSS_ACCOUNT");
        Files.createDirectories(out);

        CrossAccountDrill.Result result = new CrossAccountDrill(moto.endpoint(), out.resolve("assembly"), Duration.ofSeconds(120)).run();

        String summary = String.join("\n", result.steps()) + "\n" + result.checks().stream().map(Check::toString)
                .reduce("", (a, b) -> a + "\n" + b) + "\ncalls by account: " + result.calls() + "\nerror: " + result.error();
        assertTrue(result.passed(), summary);
        Map<String, Map<String, Integer>> calls = result.calls();
        assertEquals(java.util.Set.of(CrossAccountDrill.RECOVERY_ACCOUNT, CrossAccountDrill.WORKLOAD_ACCOUNT), calls.keySet(), summary);
        assertTrue(calls.get(CrossAccountDrill.WORKLOAD_ACCOUNT).containsKey("AutoScaling:UpdateAutoScalingGroup"), summary);
        assertTrue(calls.get(CrossAccountDrill.RECOVERY_ACCOUNT).containsKey("Sts:AssumeRole"), summary);
        assertTrue(calls.get(CrossAccountDrill.RECOVERY_ACCOUNT).containsKey("Route53:ChangeResourceRecordSets"), summary);
        assertTrue(Files.readString(out.resolve("cross-account-failover.json")).contains("\"account\" : \"" + CrossAccountDrill.WORKLOAD_ACCOUNT + "\""));
    }
}
