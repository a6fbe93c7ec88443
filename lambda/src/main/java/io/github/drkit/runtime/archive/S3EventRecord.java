package io.github.drkit.runtime.archive;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of an S3 event notification: what happened to which object version.
 *
 * @param eventName the event, e.g. {@code ObjectCreated:Put}, {@code LifecycleTransition}
 * @param eventTime when S3 saw it
 * @param bucket    the bucket name
 * @param key       the object key, decoded: S3 URL-encodes it in events ({@code a+b%2Fc} is {@code a b/c})
 * @param versionId the version id, or null for an unversioned bucket
 */
public record S3EventRecord(String eventName, Instant eventTime, String bucket, String key, String versionId) {

    /**
     * Reads the {@code Records} of an S3 event notification. A record that is not an S3 record (for
     * example the {@code s3:TestEvent} S3 sends when notifications are configured) is skipped.
     */
    public static List<S3EventRecord> parse(JsonNode event) {
        List<S3EventRecord> out = new ArrayList<>();
        JsonNode records = event.path("Records");
        if (!records.isArray()) {
            if ("s3:TestEvent".equals(event.path("Event").asText())) {
                return out;
            }
            throw ArchiveException.invalid("S3 event: 'Records' must be an array (got " + records.getNodeType() + ")");
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!"aws:s3".equals(record.path("eventSource").asText())) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String rawKey = s3.path("object").path("key").asText(null);
            String bucket = s3.path("bucket").path("name").asText(null);
            String eventName = record.path("eventName").asText(null);
            if (rawKey == null || bucket == null || eventName == null) {
                throw ArchiveException.invalid("S3 event: Records[" + i + "] must carry eventName, s3.bucket.name and "
                        + "s3.object.key (got eventName=" + eventName + ", bucket=" + bucket + ", key=" + rawKey + ")");
            }
            String versionId = s3.path("object").path("versionId").asText(null);
            out.add(new S3EventRecord(eventName, time(record.path("eventTime").asText(null)), bucket,
                    decodeKey(rawKey), versionId == null || versionId.isEmpty() ? null : versionId));
        }
        return out;
    }

    /** S3 encodes keys in events as HTML form values: '+' is a space, '%2B' a plus. */
    public static String decodeKey(String rawKey) {
        return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
    }

    private static Instant time(String value) {
        if (value == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ArchiveException.invalid("S3 event: eventTime must be ISO-8601 (got '" + value + "')");
        }
    }
}
