package io.github.drkit.apps.drill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes a stack's file assets (Lambda code, zipped directories) to the bootstrap bucket named in its
 * asset manifest, as {@code cdk deploy} would, creating the bucket on first use.
 */
final class AssetPublisher {
    private final DrillClients clients;
    /** bucket/key of every asset already uploaded: keys are content hashes, so one upload serves every stack. */
    private final Set<String> published = ConcurrentHashMap.newKeySet();

    AssetPublisher(DrillClients clients) {
        this.clients = clients;
    }

    void publish(AssemblyStack stack) {
        if (stack.assetManifest() == null) {
            return;
        }
        JsonNode manifest = CloudAssembly.readJson(stack.assetManifest());
        Path root = stack.assetManifest().getParent();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("files").fields(); it.hasNext(); ) {
            JsonNode asset = it.next().getValue();
            String sourcePath = asset.path("source").path("path").asText();
            if (sourcePath.endsWith(".template.json")) {
                continue; // the drill sends templates in the CreateStack call itself
            }
            byte[] bytes = null;
            for (JsonNode destination : asset.path("destinations")) {
                String region = destination.path("region").asText(stack.region());
                String bucket = substitute(destination.path("bucketName").asText(), stack.account(), region);
                String key = destination.path("objectKey").asText();
                if (!published.add(bucket + "/" + key)) {
                    continue;
                }
                if (bytes == null) {
                    bytes = read(root.resolve(sourcePath), "zip".equals(asset.path("source").path("packaging").asText()));
                }
                byte[] body = bytes;
                S3Client s3 = clients.s3(region);
                ensureBucket(s3, bucket, region);
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
            }
        }
    }

    private static void ensureBucket(S3Client s3, String bucket, String region) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception missing) {
            if (region.equals("us-east-1")) {
                s3.createBucket(b -> b.bucket(bucket));
            } else {
                s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region))));
            }
        }
    }

    static String substitute(String value, String account, String region) {
        return value.replace("${AWS::AccountId}", account).replace("${AWS::Region}", region).replace("${AWS::Partition}", "aws");
    }

    private static byte[] read(Path source, boolean zipDirectory) {
        try {
            if (!zipDirectory || !Files.isDirectory(source)) {
                return Files.readAllBytes(source);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(source.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("DrillCommand: unreadable asset " + source, e);
        }
    }
}
