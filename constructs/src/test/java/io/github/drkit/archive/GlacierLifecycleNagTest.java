package io.github.drkit.archive;

import io.github.drkit.internal.protection.NagFindings;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.ObjectLockMode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GlacierLifecycleNagTest {

    @Test
    void awsSolutionsChecks_whenEveryOption_reportNoUnsuppressedFinding() {
        Stack stack = new Stack(new App(), "ArchiveNag", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
        new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .infrequentAccessAfter(Duration.days(30))
                .realTimeAccess(Duration.days(90))
                .deepArchiveAfter(Duration.days(180))
                .retainFor(Duration.days(400))
                .objectLockMode(ObjectLockMode.GOVERNANCE)
                .replication(ArchiveReplication.builder()
                        .destination(Bucket.fromBucketAttributes(stack, "Replica", BucketAttributes.builder()
                                .bucketName("archive-replica").region("us-west-2").account("111111111111").build()))
                        .destinationKeyAlias("alias/archive-replica")
                        .build())
                .build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }
}
