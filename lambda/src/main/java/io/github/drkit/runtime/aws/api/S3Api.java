package io.github.drkit.runtime.aws.api;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.github.drkit.runtime.aws.RestXmlProtocol;

/**
 * The S3 operation the audit trail needs: putting a run's report. Path-style addressing ({@code /bucket/key}), which
 * every S3 endpoint and emulator serves, so that the endpoint stays the Region's one S3 endpoint.
 */
public final class S3Api {
    /**
     * Keys this facade puts: characters that URI encoding leaves as they are, so that the path signed is the path sent
     * whatever the signer's encoding rules.
     */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1,1024}");

    private final RestXmlProtocol rest;

    public S3Api(RestXmlProtocol rest) {
        this.rest = rest;
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
