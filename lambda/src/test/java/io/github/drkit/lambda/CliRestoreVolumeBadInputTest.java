package io.github.drkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * {@code restore} of a plan with a {@code restoreVolume} step: every bad field, and an instance or snapshot the step names
 * that the recovery Region does not have, exits 2 naming the field, and no volume is created.
 */
@ExtendWith(MotoServerExtension.class)
class CliRestoreVolumeBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "data", "steps": [
               {"kind": "restoreVolume", "availabilityZone": "%s", "snapshotTags": %s, "volumeName": "shop-data", "volumeType": "%s",
                "attachTo": {"instanceId": "%s", "device": "%s"}}]}]}
            """;

    @TempDir
    Path dir;
    private Emulator emulator;
    private RecordingHook calls;
    private String instance;
    private String zone;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        var launched = emulator.ec2(Emulator.RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1)
                .subnetId(emulator.subnet(Emulator.RECOVERY))).instances().get(0);
        instance = launched.instanceId();
        zone = launched.placement().availabilityZone();
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private void assertInvalid(String plan, String field, String text) throws IOException {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, plan);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(Action.RESTORE, p -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = command.run(new String[] {"--plan", file.toString()});

        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("INVALID_INPUT", json.get("outcome").asText());
        assertEquals(field, json.get("field").asText());
        assertTrue(json.get("message").asText().contains(text), json.get("message").asText());
        assertEquals(List.of(), calls.mutating());
        assertEquals(List.of(), emulator.ec2(Emulator.RECOVERY).describeVolumes(r -> r.filters(f -> f.name("tag-key")
                .values("drkit:restored-volume"))).volumes());
    }

    private String plan(String availabilityZone, String tags, String type, String instanceId, String device) {
        return PLAN.formatted(availabilityZone, tags, type, instanceId, device);
    }

    private String plan() {
        return plan(zone, "{\"drkit:volume\": \"shop-data\"}", "gp3", instance, "/dev/sdf");
    }

    @Test
    void restore_whenZoneIsOfAnotherRegion_namesAvailabilityZone() throws IOException {
        assertInvalid(plan("us-east-1a", "{\"drkit:volume\": \"shop-data\"}", "gp3", instance, "/dev/sdf"),
                "stages[0].steps[0].availabilityZone", "must be an Availability Zone of the step's Region us-west-2 (got 'us-east-1a')");
    }

    @Test
    void restore_whenSnapshotTagsAreEmpty_namesSnapshotTags() throws IOException {
        assertInvalid(plan(zone, "{}", "gp3", instance, "/dev/sdf"), "stages[0].steps[0].snapshotTags", "must have 1 to 10 tags (got 0)");
    }

    @Test
    void restore_whenVolumeTypeIsUnknown_namesVolumeType() throws IOException {
        assertInvalid(plan(zone, "{\"drkit:volume\": \"shop-data\"}", "ssd", instance, "/dev/sdf"), "stages[0].steps[0].volumeType",
                "must be one of gp2, gp3, io1, io2, sc1, st1, standard (got 'ssd')");
    }

    @Test
    void restore_whenDeviceIsNoDeviceName_namesAttachToDevice() throws IOException {
        assertInvalid(plan(zone, "{\"drkit:volume\": \"shop-data\"}", "gp3", instance, "sdf"), "stages[0].steps[0].attachTo.device",
                "must be a device name such as /dev/sdf or xvdf (got 'sdf')");
    }

    @Test
    void restore_whenNoSnapshotCarriesTheTags_namesSnapshotTags() throws IOException {
        assertInvalid(plan(), "stages[0].steps[0].snapshotTags", "no available EBS snapshot tagged {drkit:volume=shop-data} in us-west-2"
                + " to restore from; nothing restored");
    }

    @Test
    void restore_whenTheInstanceIsNotInTheRegion_namesAttachToInstanceId() throws IOException {
        assertInvalid(plan(zone, "{\"drkit:volume\": \"shop-data\"}", "gp3", "i-0123456789abcdef0", "/dev/sdf"),
                "stages[0].steps[0].attachTo.instanceId", "instance i-0123456789abcdef0 not found in us-west-2");
    }
}
