package io.github.drkit.backup;

import io.github.drkit.internal.protection.NagFindings;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackupVaultNagTest {

    @Test
    void awsSolutionsChecks_whenEveryOption_reportNoUnsuppressedFinding() {
        Stack stack = BackupVaultTest.stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .rpo(Duration.hours(1))
                .retention(Duration.days(35))
                .backupTags(Map.of("backup", "hourly"))
                .backupResources(List.of("arn:aws:ec2:*:*:volume/*"))
                .copyTo(List.of(BackupVaultTest.recoveryCopy()))
                .vaultLock(VaultLock.compliance(Duration.days(7), Duration.days(365)))
                .restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").build())
                .build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }
}
