package io.github.drkit.runtime.steps.restore;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * EBS volumes restored from snapshots copied to the recovery Region, against the emulator with IAM enforced under the
 * permission table's rows: the volume is created in the plan's zone from the latest snapshot (or the latest at or before
 * {@code before}), tagged, attached to the named instance, found again by a second run, and listed by failback.
 */
@ExtendWith(MotoServerExtension.class)
class RestoreVolumeScenarioTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [
               {"name": "data", "steps": [
                 {"kind": "restoreVolume", "availabilityZone": "%s", "snapshotTags": {"drkit:volume": "%s"}, "volumeName": "shop-data",
                  "volumeType": "gp3", "attachTo": {"instanceId": "%s", "device": "/dev/sdf"}, "rpoSeconds": 86400}]},
               {"name": "traffic", "steps": [
                 {"kind": "changeDns", "hostedZoneId": "%s", "records": [
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}]}
            """;

    private Emulator emulator;
    private AwsClients clients;
    private RecordingHook calls;
    private String zone;
    private String instance;
    private String instanceZone;
    /** The copied snapshots, older first, taken before and after {@link #between}. */
    private final String[] snapshots = new String[2];
    private Instant between;

    @BeforeEach
    void setUp(MotoServer moto) throws InterruptedException {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(emulator.failoverRole("restore-volume", "dns"), calls);
        zone = emulator.zone("example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("primary").weight(100L).ttl(60L).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("recovery").weight(0L).ttl(60L).resourceRecords(r -> r.value("198.51.100.10")).build());
        var launched = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1)
                .subnetId(emulator.subnet(RECOVERY))).instances().get(0);
        instance = launched.instanceId();
        instanceZone = launched.placement().availabilityZone();
        String source = emulator.ec2(PRIMARY).createVolume(r -> r.availabilityZone(PRIMARY + "a").size(8)).volumeId();
        snapshot(0, source);
        // Snapshot start times have whole seconds: keep the two generations apart by more than one.
        Thread.sleep(1_200);
        between = Instant.now();
        Thread.sleep(1_200);
        snapshot(1, source);
    }

    /** One snapshot of the primary's volume copied to the recovery Region with its tags, as Data Lifecycle Manager leaves it. */
    private void snapshot(int generation, String volume) {
        String id = emulator.ec2(PRIMARY).createSnapshot(r -> r.volumeId(volume).tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                .tags(tag -> tag.key("drkit:volume").value("shop-data")))).snapshotId();
        // A presigned URL of our own: the SDK cannot presign one for a loopback endpoint, and the emulator reads none.
        snapshots[generation] = emulator.ec2(RECOVERY).copySnapshot(r -> r.sourceRegion(PRIMARY).sourceSnapshotId(id)
                .presignedUrl("https://ec2." + PRIMARY + ".amazonaws.com/?Action=CopySnapshot")
                .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT).tags(tag -> tag.key("drkit:volume").value("shop-data")))).snapshotId();
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private String plan(String availabilityZone, String snapshotTag, String instanceId) {
        return PLAN.formatted(availabilityZone, snapshotTag, instanceId, zone);
    }

    private Map<String, Object> run(String plan, Map<String, Object> event) {
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(50));
        return emulator.enforcing(() -> handler.handleRequest(event, null));
    }

    private Map<String, Object> run(Map<String, Object> event) {
        return run(plan(instanceZone, "shop-data", instance), event);
    }

    private List<Volume> restored() {
        return emulator.ec2(RECOVERY).describeVolumes(r -> r.filters(Filter.builder().name("tag:drkit:restored-volume").values("shop-data")
                .build())).volumes();
    }

    private static Map<String, String> tags(Volume volume) {
        Map<String, String> tags = new HashMap<>();
        volume.tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> report, String which) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) report.get(which)).get("steps");
        return (Map<String, Object>) steps.stream().filter(s -> "restoreVolume".equals(s.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError(report.get(which))).get("details");
    }

    @SuppressWarnings("unchecked")
    private static String changes(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("steps")).stream().filter(s -> "stages[0].steps[0]".equals(s.get("resource")))
                .map(s -> String.valueOf(s.get("changes"))).findFirst().orElseThrow(() -> new AssertionError(report));
    }

    private long weight(String setIdentifier) {
        return emulator.record(zone, "app.example.com.", setIdentifier).weight();
    }

    @Test
    void restore_whenDryRun_listsTheExactSnapshotAndCreatesNothing() {
        Map<String, Object> report = run(Map.of("action", "restore", "dryRun", true));

        assertEquals("DRY_RUN", report.get("outcome"), String.valueOf(report));
        String change = changes(report);
        assertTrue(change.contains("create EBS volume shop-data in " + instanceZone + " from snapshot " + snapshots[1] + " of "), change);
        assertTrue(change.contains("(RPO 24 h: met), type gp3, attached to " + instance + " as /dev/sdf"), change);
        assertEquals(snapshots[1], details(report, "stateBefore").get("recoveryPoint"));
        assertEquals(List.of(), calls.mutating());
        assertEquals(List.of(), restored());
    }

    @Test
    void restoreThenFailback_whenLatest_createsTagsAttachesOnceAndListsTheVolume() {
        Map<String, Object> restore = run(Map.of("action", "restore"));

        assertEquals("SUCCEEDED", restore.get("outcome"), String.valueOf(restore));
        List<Volume> volumes = restored();
        assertEquals(1, volumes.size(), String.valueOf(volumes));
        Volume volume = volumes.get(0);
        assertEquals(snapshots[1], volume.snapshotId());
        assertEquals(instanceZone, volume.availabilityZone());
        assertEquals("gp3", volume.volumeTypeAsString());
        assertEquals(snapshots[1], tags(volume).get("drkit:restored-from"));
        assertEquals(instance, volume.attachments().get(0).instanceId());
        assertEquals("/dev/sdf", volume.attachments().get(0).device());
        Map<String, Object> after = details(restore, "stateAfter");
        assertEquals(volume.volumeId(), after.get("volumeId"));
        assertEquals(snapshots[1], after.get("recoveryPoint"));
        assertEquals(true, after.get("rpoMet"));
        assertEquals(100, weight("recovery"));

        Map<String, Object> again = run(Map.of("action", "restore"));
        assertEquals("ALREADY_DONE", again.get("outcome"), String.valueOf(again));
        assertEquals(1, restored().size(), "a second run creates no second volume");

        Map<String, Object> failback = run(Map.of("action", "failback"));
        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        assertEquals(100, weight("primary"));
        assertEquals(1, restored().size(), "failback never deletes a restored volume");
        @SuppressWarnings("unchecked")
        List<String> left = (List<String>) failback.get("leftForOperator");
        assertEquals(List.of("stages[0].steps[0]: EBS volume " + volume.volumeId() + " (shop-data) in " + instanceZone + " was restored from"
                + " snapshot " + snapshots[1] + " and is attached to " + instance + " /dev/sdf; drkit never deletes it. When the primary serves"
                + " again and its data is no longer needed: aws ec2 detach-volume --region us-west-2 --volume-id " + volume.volumeId()
                + ", then aws ec2 delete-volume --region us-west-2 --volume-id " + volume.volumeId()), left);
    }

    @Test
    void restore_whenBeforeIsGiven_usesTheLatestSnapshotAtOrBeforeIt() {
        Map<String, Object> restore = run(Map.of("action", "restore", "before", between.toString()));

        assertEquals("SUCCEEDED", restore.get("outcome"), String.valueOf(restore));
        assertEquals(snapshots[0], restored().get(0).snapshotId());
    }

    @Test
    void restore_whenTheNamedVolumeExistsUnattached_attachesItAndCreatesNoOther() {
        String existing = emulator.ec2(RECOVERY).createVolume(r -> r.availabilityZone(instanceZone).snapshotId(snapshots[0])
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME).tags(tag -> tag.key("drkit:restored-volume").value("shop-data"))))
                .volumeId();

        Map<String, Object> restore = run(Map.of("action", "restore"));

        assertEquals("SUCCEEDED", restore.get("outcome"), String.valueOf(restore));
        assertTrue(changes(restore).contains("attach EBS volume " + existing + " to " + instance + " as /dev/sdf"), changes(restore));
        List<Volume> volumes = restored();
        assertEquals(1, volumes.size(), String.valueOf(volumes));
        assertEquals(instance, volumes.get(0).attachments().get(0).instanceId());
    }

    @Test
    void restore_whenTheInstanceIsInAnotherZone_refusesNamingAttachToInstanceId() {
        String otherZone = instanceZone.endsWith("a") ? RECOVERY + "b" : RECOVERY + "a";

        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> run(plan(otherZone, "shop-data", instance), Map.of("action", "restore")));

        assertEquals("stages[0].steps[0].attachTo.instanceId", e.field());
        assertEquals("stages[0].steps[0].attachTo.instanceId: instance " + instance + " is in " + instanceZone + ", not in the step's"
                + " availabilityZone " + otherZone + ": an EBS volume attaches only in its own zone", e.getMessage());
        assertEquals(List.of(), calls.mutating());
        assertEquals(List.of(), restored());
    }

    @Test
    void restore_whenTheInstanceDoesNotExist_refusesNamingAttachToInstanceId() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> run(plan(instanceZone, "shop-data", "i-0123456789abcdef0"), Map.of("action", "restore")));

        assertEquals("stages[0].steps[0].attachTo.instanceId", e.field());
        assertTrue(e.getMessage().contains("instance i-0123456789abcdef0 not found in us-west-2"), e.getMessage());
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void restore_whenNoSnapshotCarriesTheTags_refusesNamingSnapshotTags() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> run(plan(instanceZone, "shop-logs", instance), Map.of("action", "restore")));

        assertEquals("stages[0].steps[0].snapshotTags", e.field());
        assertTrue(e.getMessage().contains("no available EBS snapshot tagged {drkit:volume=shop-logs} in us-west-2 to restore from"),
                e.getMessage());
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void status_whenNoSnapshotCarriesTheTags_reportsNoRecoveryPointYet() {
        Map<String, Object> status = run(plan(instanceZone, "shop-logs", instance), Map.of("action", "status"));

        assertEquals("SUCCEEDED", status.get("outcome"), String.valueOf(status));
        assertTrue(String.valueOf(details(status, "stateBefore").get("recoveryPointMissing")).startsWith("no recovery point yet"),
                String.valueOf(status));
    }

    @Test
    void restore_whenTheNamedVolumeIsAttachedElsewhere_failsTheStepWithoutDetachingIt() {
        String existing = emulator.ec2(RECOVERY).createVolume(r -> r.availabilityZone(instanceZone).snapshotId(snapshots[0])
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME).tags(tag -> tag.key("drkit:restored-volume").value("shop-data"))))
                .volumeId();
        emulator.ec2(RECOVERY).attachVolume(r -> r.volumeId(existing).instanceId(instance).device("/dev/sdg"));

        Map<String, Object> restore = run(Map.of("action", "restore"));

        assertEquals("FAILED", restore.get("outcome"), String.valueOf(restore));
        assertTrue(String.valueOf(restore.get("steps")).contains("volume " + existing + " is attached to " + instance + " as /dev/sdg, not to "
                + instance + " as /dev/sdf: drkit does not detach it; detach it or change the plan"), String.valueOf(restore.get("steps")));
        assertEquals("/dev/sdg", restored().get(0).attachments().get(0).device());
        assertEquals(1, restored().size());
    }
}
