package io.github.drkit.backuprestore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.drkit.internal.protection.NagFindings;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

class BackupRestoreSiteNagTest {
    @Test
    void awsSolutionsChecks_whenDatabaseAndImageRestores_reportNoUnsuppressedFindingOnTheSite() {
        Stack stack = Fixtures.recoveryStack();
        new BackupRestoreSite(stack, "Shop", BackupRestoreSiteTest.props(stack)
                .accessLogBucket(Bucket.fromBucketName(stack, "Logs", "shop-access-logs")).build());

        // The fixture's VPC is the test's, not the construct's: only the construct's findings count.
        assertEquals(List.of(), NagFindings.errors(stack).stream().filter(e -> e.startsWith("/Test/Shop/")).toList());
    }
}
