package io.github.drkit.runtime.aws.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.RestXmlProtocol;
import io.github.drkit.runtime.aws.Xml;

/**
 * The S3 operations of the runtime: putting a run's report with the invocation that made it as metadata (the audit
 * trail), and listing a restored bucket's first key (restore testing validation). Path-style addressing ({@code /bucket/key}), which
 * every S3 endpoint and emulator serves, so that the endpoint stays the Region's one S3 endpoint.
 */
public final class S3Api {
    /**
     * Keys this facade puts: characters that URI encoding leaves as they are, so that the path signed is the path sent
     * whatever the signer's encoding rules.
     */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1,1024}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static final Pattern META_NAME = Pattern.compile("[a-z0-9-]{1,128}");
    private static final Pattern META_VALUE = Pattern.compile("[\\x20-\\x7E]{0,1024}");

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
    public Optional<Integer> firstKeyCount(String region, String bucket) {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket '" + bucket + "' must be 3 to 63 lowercase letters, digits, '.' or '-'");
        }
        try {
            Xml answer = rest.getS3(region, "ListObjectsV2", "/" + bucket, Map.of(
                    "list-type", List.of("2"), "max-keys", List.of("1")));
            String count = answer.text("KeyCount");
            return Optional.of(count == null ? answer.all("Contents").size() : Integer.parseInt(count));
        } catch (AwsServiceError e) {
            if (e.is("NoSuchBucket")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Puts a UTF-8 text object with user metadata ({@code x-amz-meta-<name>}; S3 returns it with the object).
     *
     * @param key      letters, digits, {@code . _ / -} only
     * @param metadata names of lower-case letters, digits and {@code -}; values of printable ASCII (what HTTP headers carry
     *                 unencoded and S3 gives back as it got them); empty for none
     * @throws IllegalArgumentException for a key or metadata outside those rules, before any call
     */
    public void putObject(String region, String bucket, String key, String body, String contentType, Map<String, String> metadata) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key '" + key + "' must be 1 to 1024 letters, digits, '.', '_', '/' or '-'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        metadata.forEach((name, value) -> {
            if (!META_NAME.matcher(name).matches() || !META_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("metadata '" + name + "' must be named with lower-case letters, digits and '-', and its"
                        + " value must be printable ASCII (got '" + value + "')");
            }
            headers.put("x-amz-meta-" + name, value);
        });
        rest.putBytes(region, "PutObject", "/" + bucket + "/" + key, body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }
}
