package io.github.drkit.runtime.aws.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.drkit.runtime.aws.RestXmlProtocol;

/**
 * The S3 operation the audit trail needs: putting a run's report, with the invocation that made it as metadata. Path-style addressing ({@code /bucket/key}), which
 * every S3 endpoint and emulator serves, so that the endpoint stays the Region's one S3 endpoint.
 */
public final class S3Api {
    /**
     * Keys this facade puts: characters that URI encoding leaves as they are, so that the path signed is the path sent
     * whatever the signer's encoding rules.
     */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1,1024}");

    private static final Pattern META_NAME = Pattern.compile("[a-z0-9-]{1,128}");
    private static final Pattern META_VALUE = Pattern.compile("[\\x20-\\x7E]{0,1024}");

    private final RestXmlProtocol rest;

    public S3Api(RestXmlProtocol rest) {
        this.rest = rest;
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
