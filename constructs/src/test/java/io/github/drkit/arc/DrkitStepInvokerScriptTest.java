package io.github.drkit.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invoker's script under a real Python (the one moto_server, which the test suite needs, runs on): a step name
 * that is not one of the plan's drkit steps is refused before any AWS call; drkit's function is invoked through its
 * alias over moto's Lambda API, and the step fails unless drkit's report says it succeeded.
 */
class DrkitStepInvokerScriptTest {

    @Test
    void handler_whenStepNameIsNotADrkitStep_refusesBeforeAnyCall(@TempDir Path dir) throws Exception {
        Path script = Path.of("src/main/resources/io/github/drkit/arc/invoke_drkit.py");
        Files.copy(script, dir.resolve("index.py"));
        String harness = String.join("\n",
                "import index",
                "class Context:",
                "    def get_remaining_time_in_millis(self):",
                "        return 60000",
                "try:",
                "    index.handler({'StepName': 'data-promoteDatabase-1', 'PlanArn': 'arn:aws:arc-region-switch::111111111111:plan/p:abcdef'}, Context())",
                "    print('NO ERROR')",
                "except ValueError as e:",
                "    print(e)");
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", harness).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("DRKIT_ARC_STEPS", "{\"drkit-failover\": \"failover\", \"drkit-failback\": \"failback\"}");
        pb.environment().put("DRKIT_FUNCTION", "arn:aws:lambda:us-west-2:111111111111:function:drkit:live");
        pb.environment().put("AWS_DEFAULT_REGION", "us-west-2");
        // Any call would fail fast against this address, so a passing test proves none was made.
        pb.environment().put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        pb.environment().put("AWS_ACCESS_KEY_ID", "testing");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("python3 with boto3 is needed for this test (it comes with moto: pip install 'moto[server]')", e);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script answered within 60 s");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals("StepName: must be one of ['drkit-failback', 'drkit-failover'] (got 'data-promoteDatabase-1'): "
                + "this function runs only the drkit steps of its plan", out);
    }

    @Test
    void handler_whenDrkitReportsOutcome_succeedsOnlyOnSuccess(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/main/resources/io/github/drkit/arc/invoke_drkit.py"), dir.resolve("index.py"));
        Files.copy(Path.of("src/test/resources/io/github/drkit/arc/invoker_against_moto.py"), dir.resolve("harness.py"));
        Process p = new ProcessBuilder("python3", "harness.py").directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the harness and moto answered within 120 s");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no result; output:\n" + out)).substring("RESULT ".length());
        assertEquals("[{\"step\": \"drkit-failover\", \"action\": \"failover\", \"outcome\": \"SUCCEEDED\", "
                + "\"message\": \"failed over to us-west-2\"}, \"drkit failback ended FAILED: stopped at the deadline; not done: "
                + "[\\\"stages[1].steps[0] scale shop-app back to standby\\\"]\"]", result);
        // The invoker logged the request it sent drkit's function: the action its step stands for, within its own time.
        assertTrue(out.contains("\"request\": {\"action\": \"failover\", \"deadlineSeconds\": 750}"), out);
    }
}
