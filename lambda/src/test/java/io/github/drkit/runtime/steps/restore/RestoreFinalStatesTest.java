package io.github.drkit.runtime.steps.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RestoreDatabasePlan;
import io.github.drkit.plan.RestoreVolumePlan;

/**
 * The states a restore's wait stops on at once (the emulator creates volumes and instances available at once, so it never
 * shows them) and the volume's client token per run.
 */
class RestoreFinalStatesTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "data", "steps": [
               {"kind": "restoreVolume", "availabilityZone": "us-west-2a", "snapshotTags": {"drkit:volume": "shop-data"}, "volumeName": "shop-data"},
               {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "orders", "dbInstanceIdentifier": "orders-restored"}]}]}
            """;

    private static RestoreVolumePlan volume() {
        return RecoveryPlan.parse(PLAN).steps(RestoreVolumePlan.class).get(0);
    }

    private static RestoreDatabasePlan database() {
        return RecoveryPlan.parse(PLAN).steps(RestoreDatabasePlan.class).get(0);
    }

    @Test
    void volumeEndedWithout_whenError_namesTheStateAndHowToDeleteIt() {
        String message = RestoreVolumeExecutor.endedWithout(volume(), "vol-1", "error");

        assertEquals("EBS volume vol-1 (shop-data) is in state error and will not become available: delete it (aws ec2 delete-volume"
                + " --region us-west-2 --volume-id vol-1) and run restore again", message);
    }

    @Test
    void volumeEndedWithout_whenTheVolumeIsGone_saysARunRestoresANewOne() {
        for (String state : List.of("gone", "deleting", "deleted")) {
            String message = RestoreVolumeExecutor.endedWithout(volume(), "vol-1", state);

            assertEquals("EBS volume vol-1 (shop-data) is " + state + " (deleted while the restore waited for it): run restore again to"
                    + " restore a new one", message);
        }
    }

    @Test
    void volumeEndedWithout_whileCreatingOrAvailable_isNull() {
        for (String state : List.of("creating", "available", "in-use")) {
            assertNull(RestoreVolumeExecutor.endedWithout(volume(), "vol-1", state), state);
        }
    }

    @Test
    void databaseEndedWithout_whenInAFinalStatus_namesItAndWhatToDo() {
        for (String status : RestoreDatabaseExecutor.FINAL_STATUSES) {
            String message = RestoreDatabaseExecutor.endedWithout(database(), status);

            assertTrue(message.startsWith("RDS instance orders-restored is " + status + " and will not become available: read why (aws rds"
                    + " describe-events --region us-west-2 --source-type db-instance --source-identifier orders-restored)"), message);
            assertTrue(message.endsWith("delete the instance (aws rds delete-db-instance --region us-west-2 --db-instance-identifier"
                    + " orders-restored --skip-final-snapshot) and run restore again"), message);
        }
        assertTrue(RestoreDatabaseExecutor.endedWithout(database(), "incompatible-network").contains("fix the cause (network)"));
        assertTrue(RestoreDatabaseExecutor.FINAL_STATUSES.containsAll(List.of("failed", "incompatible-restore", "incompatible-parameters",
                "incompatible-network")));
    }

    @Test
    void databaseEndedWithout_whileOnTheWay_isNull() {
        for (String status : List.of("creating", "backing-up", "modifying", "configuring-enhanced-monitoring", "available")) {
            assertNull(RestoreDatabaseExecutor.endedWithout(database(), status), status);
        }
    }

    @Test
    void clientToken_whenTheSameRunRetries_isTheSameAndANewRunGetsAnother() {
        RecoveryPoint point = new RecoveryPoint("snap-0123456789abcdef0", Instant.parse("2026-12-01T09:00:00Z"));

        String first = RestoreVolumeExecutor.clientToken(volume(), point, "run-1");

        assertEquals(first, RestoreVolumeExecutor.clientToken(volume(), point, "run-1"));
        assertNotEquals(first, RestoreVolumeExecutor.clientToken(volume(), point, "run-2"));
        assertTrue(first.length() <= 64, "EC2 takes client tokens of up to 64 characters: " + first);
    }
}
