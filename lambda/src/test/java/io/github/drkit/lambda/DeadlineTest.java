package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * A run bounded by its deadline, in a real process: Route 53 stops answering in the middle of a failover (its reads
 * are answered, its change is taken in and never answered), and the CLI still ends within the deadline, with
 * progress lines on stderr before the end and a report of what was done and what was not.
 */
@ExtendWith(MotoServerExtension.class)
class DeadlineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEADLINE_SECONDS = 15;
    /** JVM start, reading the report, and a loaded build machine. */
    private static final Duration MARGIN = Duration.ofSeconds(6);

    @TempDir
    Path dir;
    private MotoServer moto;
    private Emulator emulator;
    private StallingProxy route53;
    private Emulator.PilotLightSite site;
    private Path planFile;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        this.moto = moto;
        emulator = new Emulator(moto);
        site = emulator.pilotLightSite();
        planFile = dir.resolve("plan.json");
        Files.writeString(planFile, site.plan(60));
        route53 = StallingProxy.start(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        route53.close();
        emulator.close();
    }

    @Test
    void main_whenRoute53StopsAnsweringMidFailover_endsWithinTheDeadlineWithProgress() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "failover", "--plan", planFile.toString(), "--deadline", String.valueOf(DEADLINE_SECONDS)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        builder.environment().put("AWS_ENDPOINT_URL_ROUTE_53", route53.endpoint().toString());
        builder.environment().put("AWS_REGION", RECOVERY);
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        builder.environment().remove("AWS_PROFILE");
        builder.redirectError(dir.resolve("err.txt").toFile());
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        boolean ended = process.waitFor(DEADLINE_SECONDS + 60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));

        assertTrue(ended && took.compareTo(Duration.ofSeconds(DEADLINE_SECONDS).plus(MARGIN)) < 0,
                "ended " + ended + " after " + took.toMillis() + " ms; stderr:\n" + err);
        assertEquals(1, process.exitValue(), err);
        assertTrue(route53.stalled() >= 1, "the change reached the stalling endpoint");
        JsonNode report = JSON.readTree(out);
        assertEquals("FAILED", report.get("outcome").asText());
        assertTrue(report.get("message").asText().contains("at the deadline of " + DEADLINE_SECONDS + " s"), report.get("message").asText());
        JsonNode dns = step(report, "move DNS in hosted zone " + site.zone());
        assertEquals("FAILED", dns.get("outcome").asText());
        assertTrue(dns.get("error").asText().contains("deadline of " + DEADLINE_SECONDS + " s reached during Route53 ChangeResourceRecordSets"),
                dns.get("error").asText());
        assertEquals("DONE", step(report, "scale out web (us-west-2)").get("outcome").asText(), "done before the deadline");
        assertTrue(report.get("notDone").toString().contains("move DNS in hosted zone " + site.zone()), report.get("notDone").toString());
        assertEquals(4, emulator.group(RECOVERY, "web").desiredCapacity(), "what was done stays done");
        // Progress came as the run went, before its end: the DNS step's start is followed by its end and the run's.
        List<String> lines = err.lines().toList();
        int dnsStart = indexOf(lines, "start move DNS in hosted zone");
        int dnsEnd = indexOf(lines, "end move DNS in hosted zone");
        int runEnd = indexOf(lines, "run end FAILED");
        assertTrue(indexOf(lines, "start scale out web (us-west-2)") >= 0, err);
        assertTrue(dnsStart >= 0 && dnsStart < dnsEnd && dnsEnd < runEnd, err);
        assertTrue(lines.get(dnsStart).endsWith(" s left]"), lines.get(dnsStart));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode step(JsonNode report, String name) {
        for (JsonNode step : report.get("steps")) {
            if (step.get("name").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step '" + name + "' in " + report.get("steps"));
    }
}
