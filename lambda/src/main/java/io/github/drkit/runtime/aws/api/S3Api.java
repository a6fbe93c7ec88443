package io.github.drkit.runtime.aws.api;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.github.drkit.runtime.aws.RestXmlProtocol;

/**
 * The S3 operations of the runtime: putting a run's report (the audit trail), and listing a restored bucket's first key
 * (restore testing validation). Path-style addressing ({@code /bucket/key}), which
 * every S3 endpoint and emulator serves, so that the endpoint stays the Region's one S3 endpoint.
 */
public final class S3Api {
    /**
     * Keys this facade puts: characters that URI encoding leaves as they are, so that the path signed is the path sent
     * whatever the signer's encoding rules.
     */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1,1024}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final RestXmlProtocol rest;

    public S3Api(RestXmlProtocol rest) {
        this.rest = rest;
    }

    /**
     * How many keys the first page of a listing of at most one key holds (ListObjectsV2): 0 for an empty bucket, 1
     * otherwise; empty when there is no such bucket.
     *
     * @throws IllegalArgumentException for a name that is not a bucket name, before any call
     */
    public java.util.Optional<Integer> firstKeyCount(String region, String bucket) {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket '" + bucket + "' must be 3 to 63 lowercase letters, digits, '.' or '-'");
        }
        try {
            io.github.drkit.runtime.aws.Xml answer = rest.getS3(region, "ListObjectsV2", "/" + bucket, java.util.Map.of(
                    "list-type", java.util.List.of("2"), "max-keys", java.util.List.of("1")));
            String count = answer.text("KeyCount");
            return java.util.Optional.of(count == null ? answer.all("Contents").size() : Integer.parseInt(count));
        } catch (io.github.drkit.runtime.aws.AwsServiceError e) {
            if (e.is("NoSuchBucket")) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Puts a UTF-8 text object.
     *
     * @param key letters, digits, {@code . _ / -} only
     * @throws IllegalArgumentException for a key with another character, before any call
     */
    public void putObject(String region, String bucket, String key, String body, String contentType) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key '" + key + "' must be 1 to 1024 letters, digits, '.', '_', '/' or '-'");
        }
        rest.putBytes(region, "PutObject", "/" + bucket + "/" + key, body.getBytes(StandardCharsets.UTF_8), contentType);
    }
}
