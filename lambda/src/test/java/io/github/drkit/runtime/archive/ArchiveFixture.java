package io.github.drkit.runtime.archive;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.drkit.testing.MotoServer;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/** An archive bucket and a catalog table in the emulator, with clients built as the runtime builds them. */
public final class ArchiveFixture implements AutoCloseable {
    public static final String BUCKET = "records-archive";
    public static final String TABLE = "records-catalog";

    public final S3Client s3;
    public final DynamoDbClient dynamo;
    public final ArchiveIndex index;

    private ArchiveFixture(MotoServer moto, boolean versioned) {
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(moto.credentials()).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        dynamo = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        if (versioned) {
            s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v.status("Enabled")));
        }
        ArchiveTable.create(dynamo, TABLE);
        index = new ArchiveIndex(dynamo, TABLE);
    }

    public static ArchiveFixture versioned(MotoServer moto) {
        return new ArchiveFixture(moto, true);
    }

    public static ArchiveFixture unversioned(MotoServer moto) {
        return new ArchiveFixture(moto, false);
    }

    /** Archives an object as a records system would: storage class, metadata, tags. Returns its version id. */
    public String archive(String key, byte[] body, StorageClass storageClass, Map<String, String> metadata, Map<String, String> tags) {
        List<Tag> tagSet = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .collect(Collectors.toList());
        PutObjectResponse r = s3.putObject(b -> b.bucket(BUCKET).key(key).storageClass(storageClass).metadata(metadata)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .tagging(software.amazon.awssdk.services.s3.model.Tagging.builder().tagSet(tagSet).build()),
                RequestBody.fromBytes(body));
        return r.versionId();
    }

    /**
     * Moves an object to another storage class in place, as a lifecycle transition does (same version in an
     * unversioned bucket). The emulator stores lifecycle rules but never runs them.
     */
    public void transition(String key, StorageClass storageClass) {
        s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(key).destinationBucket(BUCKET).destinationKey(key)
                .storageClass(storageClass).metadataDirective("COPY"));
    }

    public String archive(String key, String body, StorageClass storageClass) {
        return archive(key, body.getBytes(StandardCharsets.UTF_8), storageClass, Map.of(), Map.of());
    }

    /** The S3 event notification S3 sends for a key, with the key URL-encoded as S3 encodes it. */
    public static String event(String eventName, String key, String versionId) {
        String encoded = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                  "eventTime":"2026-11-25T10:00:00.000Z","eventName":"%s",
                  "s3":{"s3SchemaVersion":"1.0","configurationId":"catalog",
                    "bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                    "object":{"key":"%s","size":1,"eTag":"x",%s"sequencer":"0055AED6DCD90281E5"}}}]}
                """.formatted(eventName, BUCKET, BUCKET, encoded,
                versionId == null ? "" : "\"versionId\":\"" + versionId + "\",");
    }

    @Override
    public void close() {
        s3.close();
        dynamo.close();
    }
}
