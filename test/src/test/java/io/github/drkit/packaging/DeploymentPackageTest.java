package io.github.drkit.packaging;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.validation.BackupValidations;
import io.github.drkit.testing.LambdaRuntimeApi;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * The shaded jars as users get them, not the classes they are built from: the failover function's package
 * under the real runtime interface client (and the restore testing validation handler in the same jar), the break-glass CLI from {@code java -jar}, and the archive jar.
 */
@ExtendWith(MotoServerExtension.class)
class DeploymentPackageTest {
    private static final Path RUNTIME_JAR = Path.of("target", "packages", "drkit-lambda.jar");
    private static final Path ARCHIVE_JAR = Path.of("target", "packages", "drkit-lambda-archive.jar");
    /** The recovery runtime's deployment package must stay under 12 MB. */
    private static final long MAX_RUNTIME_BYTES = 12_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Emulator emulator;
    private String zone;
    private Path plan;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        emulator = new Emulator(moto);
        Emulator.PilotLightSite site = emulator.pilotLightSite();
        zone = site.zone();
        plan = dir.resolve("plan.json");
        Files.writeString(plan, site.plan(60));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    @Test
    void runtimeJar_isUnder12MbWithoutSdkServiceClientsArchiveCodeOrEmulator() throws IOException {
        List<String> strays = new ArrayList<>();
        try (ZipFile jar = new ZipFile(RUNTIME_JAR.toFile())) {
            jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("software/amazon/awssdk/services/") || n.startsWith("io/github/drkit/runtime/archive/")
                            || n.startsWith("io/github/drkit/lambda/archive/") || n.startsWith("io/github/drkit/emulator/"))
                    .limit(5).forEach(strays::add);
        }

        assertTrue(Files.size(RUNTIME_JAR) <= MAX_RUNTIME_BYTES, "drkit-lambda.jar is " + Files.size(RUNTIME_JAR) + " bytes");
        assertEquals(List.of(), strays);
    }

    @Test
    void runtimeJar_whenRunByRuntimeInterfaceClient_failsOver(MotoServer moto) throws Exception {
        try (LambdaRuntimeApi lambda = LambdaRuntimeApi.start()) {
            lambda.invoke("{\"action\": \"failover\"}");
            lambda.startFunction(RUNTIME_JAR + File.pathSeparator + runtimeInterfaceClient(),
                    "io.github.drkit.lambda.FailoverHandler::handleRequest",
                    Map.of("AWS_REGION", RECOVERY, "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing",
                            "AWS_SECRET_ACCESS_KEY", "testing", "DRKIT_PLAN", Files.readString(plan)),
                    dir.resolve("function.log"));

            LambdaRuntimeApi.Answer answer = lambda.next();

            assertEquals("response", answer.kind(), answer.body() + "\n" + lambda.output());
            assertEquals("FAILED_OVER", JSON.readTree(answer.body()).path("stateAfter").path("state").asText(), answer.body());
        }
        AutoScalingGroup group = emulator.group(RECOVERY, "web");
        assertEquals(List.of(2, 4, 8), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(100L, emulator.record(zone, "app.example.com.", "recovery").weight());
    }

    @Test
    void runtimeJar_whenRunByRuntimeInterfaceClient_validatesARestoredVolume(MotoServer moto) throws Exception {
        String volume = emulator.ec2(RECOVERY).createVolume(v -> v.availabilityZone(RECOVERY + "a").size(8)).volumeId();
        String plan = "arn:aws:backup:us-west-2:123456789012:restore-testing-plan:shop_restore_test-8f0a6b1c";
        // The emulator does not serve PutRestoreValidationResult: the report goes to its stand-in.
        try (BackupValidations backup = new BackupValidations(); LambdaRuntimeApi lambda = LambdaRuntimeApi.start()) {
            lambda.invoke("""
                    {"detail-type": "Restore Job State Change", "source": "aws.backup", "region": "us-west-2",
                     "detail": {"restoreJobId": "D59196C8-8951-4C80-E71E-8F41E6D364E5", "resourceType": "EBS", "status": "COMPLETED",
                       "createdResourceArn": "arn:aws:ec2:us-west-2:123456789012:volume/%s", "restoreTestingPlanArn": "%s"}}"""
                    .formatted(volume, plan));
            lambda.startFunction(RUNTIME_JAR + File.pathSeparator + runtimeInterfaceClient(),
                    "io.github.drkit.lambda.RestoreValidationHandler::handleRequest",
                    Map.of("AWS_REGION", RECOVERY, "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ENDPOINT_URL_BACKUP",
                            backup.endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                            "DRKIT_RESTORE_TESTING_PLAN_ARN", plan),
                    dir.resolve("validation.log"));

            LambdaRuntimeApi.Answer answer = lambda.next();

            assertEquals("response", answer.kind(), answer.body() + "\n" + lambda.output());
            assertEquals("SUCCESSFUL", JSON.readTree(answer.body()).path("validationStatus").asText(), answer.body());
            assertEquals(List.of(new BackupValidations.Sent("D59196C8-8951-4C80-E71E-8F41E6D364E5", "SUCCESSFUL",
                    "checked EBS volume " + volume + " in us-west-2 (Ec2 DescribeVolumes): status available")), backup.sent());
        }
    }

    /** The runtime interface client and its own dependencies, as Lambda's Java runtime provides them. */
    private static String runtimeInterfaceClient() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("com/amazonaws/aws-lambda-java-")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void runtimeJar_whenCliFailsOverAndBack_movesTheEmulatorAndBack(MotoServer moto) throws Exception {
        JsonNode failover = JSON.readTree(cli(moto, RUNTIME_JAR, 0, "failover", "--plan", plan.toString()));
        assertEquals("FAILED_OVER", failover.path("stateAfter").path("state").asText(), failover.toString());
        assertEquals(100L, emulator.record(zone, "app.example.com.", "recovery").weight());

        JsonNode failback = JSON.readTree(cli(moto, RUNTIME_JAR, 0, "failback", "--plan", plan.toString()));

        assertEquals("NORMAL", failback.path("stateAfter").path("state").asText(), failback.toString());
        assertEquals(100L, emulator.record(zone, "app.example.com.", "primary").weight());
        AutoScalingGroup group = emulator.group(RECOVERY, "web");
        assertEquals(List.of(0, 0, 2), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
    }

    @Test
    void runtimeJar_whenAskedForArchive_pointsToTheArchiveJar(MotoServer moto) throws Exception {
        String output = cli(moto, RUNTIME_JAR, 2, "archive", "search", "--prefix", "contracts/");

        assertTrue(output.contains("the archive commands ship in drkit-lambda-archive.jar: java -jar drkit-lambda-archive.jar"
                + " archive search --prefix contracts/"), output);
    }

    @Test
    void archiveJar_whenAskedForHelp_listsTheArchiveCommands(MotoServer moto) throws Exception {
        String output = cli(moto, ARCHIVE_JAR, 0, "archive", "--help");

        for (String command : List.of("search", "restore", "status", "fetch", "backfill")) {
            assertTrue(output.contains(command), output);
        }
    }

    /** Runs {@code java -jar jar args} against the emulator, asserts the exit code and returns stdout and then stderr. */
    private String cli(MotoServer moto, Path jar, int exitCode, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(Map.of("AWS_REGION", RECOVERY, "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + jar + " did not end within 120 s");
        }
        String output = Files.readString(out) + Files.readString(err);
        assertEquals(exitCode, process.exitValue(), output);
        return output;
    }
}
