package io.github.drkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Cold start: a fresh JVM running {@code java -jar drkit-lambda.jar status} against one running a bare
 * program that builds the SDK clients for the services {@code status} reads (and, second baseline, also makes
 * the same read calls through them). The runtime itself carries no SDK service client: it speaks the wire
 * protocols over the SDK's core. Needs the
 * shaded jar: {@code mvn -o -q -B package -pl lambda -DskipTests}, then
 * {@code mvn -o -q -B test -pl lambda -Dtest=ColdStartBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in {@code lambda/target/surefire-reports/io.github.drkit.bench.ColdStartBenchmark-output.txt}.
 */
@ExtendWith(MotoServerExtension.class)
class ColdStartBenchmark {
    private static final int RUNS = 7;

    @TempDir
    Path dir;

    @Test
    void status_whenFreshJvm_costsLittleMoreThanBuildingClients(MotoServer moto) throws Exception {
        Path jar = Path.of("target", "drkit-lambda.jar");
        assertTrue(Files.exists(jar), "build the jar first: mvn -o -q -B package -pl lambda -DskipTests");
        try (Emulator emulator = new Emulator(moto)) {
            Emulator.Fleet fleet = emulator.fleet(Emulator.RECOVERY, "web", 1, 1, 2, "t3.small", true);
            String zone = emulator.zone("example.com");
            emulator.upsert(zone,
                    ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                            .resourceRecords(r -> r.value("192.0.2.10")).build(),
                    ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery").weight(0L).ttl(60L)
                            .resourceRecords(r -> r.value("198.51.100.10")).build());
            Path plan = dir.resolve("plan.json");
            Files.writeString(plan, """
                    {"version": 1, "application": "web", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                     "fleets": [{"autoScalingGroupName": "web", "standby": {"min": 1, "desired": 1, "max": 2},
                                 "recovery": {"min": 2, "desired": 4, "max": 8}, "targetGroupArns": ["%s"]}],
                     "dns": [{"hostedZoneId": "%s", "records": [
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}
                    """.formatted(fleet.targetGroupArn(), zone));
            String classpath = bareClasspath();
            long[] status = new long[RUNS];
            long[] bareClients = new long[RUNS];
            long[] bareCalls = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                // Interleaved, so that load from other processes on the machine hits all three alike.
                status[i] = time(moto, List.of("-jar", jar.toString(), "status", "--plan", plan.toString()));
                bareClients[i] = time(moto, List.of("-cp", classpath, BareClients.class.getName(), "clients"));
                bareCalls[i] = time(moto, List.of("-cp", classpath, BareClients.class.getName(), "calls", fleet.targetGroupArn(), zone));
            }
            System.out.printf("ColdStartBenchmark (%d fresh JVMs each, ms)%n status: median %d %s%n bare, builds the same clients:"
                            + " median %d %s%n bare, builds them and makes the same reads: median %d %s%n ratio status / bare clients %.2f;"
                            + " status / bare calls %.2f; jar %d bytes%n",
                    RUNS, median(status), Arrays.toString(status), median(bareClients), Arrays.toString(bareClients),
                    median(bareCalls), Arrays.toString(bareCalls), (double) median(status) / median(bareClients),
                    (double) median(status) / median(bareCalls), Files.size(jar));
        }
    }

    /**
     * The baseline's classpath: the test classes and the AWS SDK jars it links (the service clients, which the
     * runtime's jar does not carry), nothing else.
     */
    private static String bareClasspath() {
        List<String> entries = new ArrayList<>(List.of(Path.of("target", "test-classes").toString()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("software/amazon/awssdk") || entry.contains("org/reactivestreams") || entry.contains("org/slf4j/slf4j-api")) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private long time(MotoServer moto, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        builder.environment().put("AWS_REGION", Emulator.RECOVERY);
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end within 120 s: " + args);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, process.exitValue(), () -> args + ": " + read(dir.resolve("out.txt")));
        return elapsed;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable)";
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
