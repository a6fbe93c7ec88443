package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each rule of {@code restoreVolume}, with the field and the message it names. */
class RestoreVolumeKindTest {
    private static final String STEP = """
            {"kind": "restoreVolume", "availabilityZone": "us-west-2a", "snapshotTags": {"drkit:volume": "data"},
             "volumeName": "data-restored", "volumeType": "gp3", "attachTo": {"instanceId": "i-0123456789abcdef0", "device": "/dev/sdf"},
             "rpoSeconds": 86400}""";

    private static RecoveryPlan plan(String... steps) {
        return RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "data", "steps": [%s]}]}""".formatted(String.join(",", steps)));
    }

    private static PlanValidationException refused(String step) {
        return assertThrows(PlanValidationException.class, () -> plan(step));
    }

    @Test
    void read_whenValid_readsEveryField() {
        RestoreVolumePlan step = (RestoreVolumePlan) plan(STEP).steps().get(0);

        assertEquals("us-west-2", step.region());
        assertEquals("us-west-2a", step.availabilityZone());
        assertEquals(Map.of("drkit:volume", "data"), step.snapshotTags());
        assertEquals("data-restored", step.volumeName());
        assertEquals("gp3", step.volumeType());
        assertEquals(new RestoreVolumePlan.Attachment("i-0123456789abcdef0", "/dev/sdf"), step.attachTo());
        assertEquals(86400, step.rpoSeconds());
        assertEquals("stages[0].steps[0]", step.path());
    }

    @Test
    void read_whenZoneIsOfAnotherRegion_namesAvailabilityZone() {
        PlanValidationException e = refused(STEP.replace("\"us-west-2a\"", "\"us-east-1a\""));

        assertEquals("stages[0].steps[0].availabilityZone", e.field());
        assertEquals("stages[0].steps[0].availabilityZone: must be an Availability Zone of the step's Region us-west-2 (got 'us-east-1a'):"
                + " the volume is restored where the snapshot copies are", e.getMessage());
    }

    @Test
    void read_whenZoneIsNoZoneName_namesAvailabilityZone() {
        PlanValidationException e = refused(STEP.replace("\"us-west-2a\"", "\"west-a\""));

        assertEquals("stages[0].steps[0].availabilityZone", e.field());
        assertEquals(true, e.getMessage().contains("must be an Availability Zone name such as us-west-2a"), e.getMessage());
    }

    @Test
    void read_whenLocalZoneOfTheRegion_accepts() {
        RestoreVolumePlan step = (RestoreVolumePlan) plan(STEP.replace("\"us-west-2a\"", "\"us-west-2-lax-1a\"")).steps().get(0);

        assertEquals("us-west-2-lax-1a", step.availabilityZone());
    }

    @Test
    void read_whenNoSnapshotTags_namesSnapshotTags() {
        PlanValidationException e = refused(STEP.replace("{\"drkit:volume\": \"data\"}", "{}"));

        assertEquals("stages[0].steps[0].snapshotTags", e.field());
        assertEquals(true, e.getMessage().contains("must have 1 to 10 tags (got 0): the copied EBS snapshots are selected by tag"), e.getMessage());
    }

    @Test
    void read_whenVolumeNameHasASpace_namesVolumeName() {
        PlanValidationException e = refused(STEP.replace("\"data-restored\"", "\"my data\""));

        assertEquals("stages[0].steps[0].volumeName", e.field());
        assertEquals(true, e.getMessage().contains("must be 1-128 letters, digits or"), e.getMessage());
    }

    @Test
    void read_whenVolumeTypeIsUnknown_namesVolumeTypeAndTheTypes() {
        PlanValidationException e = refused(STEP.replace("\"gp3\"", "\"gp4\""));

        assertEquals("stages[0].steps[0].volumeType", e.field());
        assertEquals("stages[0].steps[0].volumeType: must be one of gp2, gp3, io1, io2, sc1, st1, standard (got 'gp4')", e.getMessage());
    }

    @Test
    void read_whenInstanceIdIsMalformed_namesAttachToInstanceId() {
        PlanValidationException e = refused(STEP.replace("\"i-0123456789abcdef0\"", "\"web-1\""));

        assertEquals("stages[0].steps[0].attachTo.instanceId", e.field());
        assertEquals(true, e.getMessage().contains("must be an EC2 instance id such as i-0123456789abcdef0"), e.getMessage());
    }

    @Test
    void read_whenDeviceIsTheRootDevice_namesAttachToDevice() {
        PlanValidationException e = refused(STEP.replace("\"/dev/sdf\"", "\"/dev/sda1\""));

        assertEquals("stages[0].steps[0].attachTo.device", e.field());
        assertEquals(true, e.getMessage().contains("must be a device name such as /dev/sdf or xvdf"), e.getMessage());
    }

    @Test
    void read_whenAttachToHasAnUnknownField_namesIt() {
        PlanValidationException e = refused(STEP.replace("\"device\": \"/dev/sdf\"", "\"device\": \"/dev/sdf\", \"mode\": \"rw\""));

        assertEquals("stages[0].steps[0].attachTo.mode", e.field());
    }

    @Test
    void read_whenTwoStepsRestoreOneVolumeName_namesTheSecond() {
        PlanValidationException e = refused(STEP + "," + STEP.replace("\"/dev/sdf\"", "\"/dev/sdg\""));

        assertEquals("stages[0].steps[1].volumeName", e.field());
        assertEquals(true, e.getMessage().contains("names the same restored volume as stages[0].steps[0]"), e.getMessage());
    }

    @Test
    void read_whenTwoStepsAttachToOneDevice_namesTheSecondDevice() {
        PlanValidationException e = refused(STEP + "," + STEP.replace("\"data-restored\"", "\"logs-restored\""));

        assertEquals("stages[0].steps[1].attachTo.device", e.field());
        assertEquals(true, e.getMessage().contains("names the same device of an instance as stages[0].steps[0]"), e.getMessage());
    }

    @Test
    void read_whenRpoIsZero_namesRpoSeconds() {
        PlanValidationException e = refused(STEP.replace("86400", "0"));

        assertEquals("stages[0].steps[0].rpoSeconds", e.field());
    }
}
