package io.github.drkit.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.drkit.internal.protection.NagFindings;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.Bucket;

class ArchiveCatalogNagTest {

    private static Stack stack() {
        return new Stack(new App(), "CatalogNag", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    }

    @Test
    void awsSolutionsChecks_whenOnGlacierLifecycle_reportNoUnsuppressedFinding() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().archive(archive)
                .code(Code.fromAsset(ArchiveCatalogNagTest.class.getResource("/").getPath())).build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }

    @Test
    void awsSolutionsChecks_whenOnImportedBucket_reportNoUnsuppressedFinding() {
        Stack stack = stack();
        new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().bucket(Bucket.fromBucketName(stack, "B", "records-archive"))
                .code(Code.fromAsset(ArchiveCatalogNagTest.class.getResource("/").getPath())).build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }

    @Test
    void awsSolutionsChecks_whenInventorySearchOnGlacierLifecycle_reportNoUnsuppressedFinding() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().archive(archive)
                .inventorySearch(InventorySearch.builder().build())
                .code(Code.fromAsset(ArchiveCatalogNagTest.class.getResource("/").getPath())).build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }

    @Test
    void awsSolutionsChecks_whenInventorySearchOnPlainBucket_reportNoUnsuppressedFinding() {
        Stack stack = stack();
        Bucket records = Bucket.Builder.create(stack, "Records").enforceSsl(true)
                .serverAccessLogsBucket(Bucket.Builder.create(stack, "RecordsLogs").enforceSsl(true).build()).build();
        new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().bucket(records)
                .inventorySearch(InventorySearch.builder().build())
                .code(Code.fromAsset(ArchiveCatalogNagTest.class.getResource("/").getPath())).build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }
}
