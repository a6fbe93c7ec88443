package io.github.drkit.runtime.aws.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

/** An AWS-shaped answer the capturing server sends to both the runtime and the SDK. */
record CannedAnswer(int status, Map<String, String> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();

    static CannedAnswer xml(int status, String xml) {
        return new CannedAnswer(status, Map.of("Content-Type", "text/xml", "x-amzn-RequestId", "canned-request-id"),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON answer; {@code contentType} is the protocol's, e.g. {@code application/x-amz-json-1.1}. */
    static CannedAnswer json(int status, String contentType, String json, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        headers.putIfAbsent("x-amzn-RequestId", "canned-request-id");
        return new CannedAnswer(status, Map.copyOf(headers), json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same JSON document in CBOR, for a client that speaks RPC v2 CBOR. */
    byte[] cborBody() {
        try {
            return body.length == 0 ? body : CBOR.writeValueAsBytes(JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("a canned CBOR answer must be JSON to start with", e);
        }
    }
}
