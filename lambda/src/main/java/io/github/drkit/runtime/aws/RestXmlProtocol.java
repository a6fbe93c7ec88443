package io.github.drkit.runtime.aws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The AWS REST-XML protocol (Route 53, S3's PutObject): the operation is the method and path, input in the query string or an
 * XML body, answers and errors ({@code ErrorResponse/Error/Code}) in XML.
 */
public final class RestXmlProtocol {
    private final AwsTransport transport;
    private final AwsService service;

    public RestXmlProtocol(AwsTransport transport, AwsService service) {
        this.transport = transport;
        this.service = service;
    }

    public Xml get(String region, String operation, String path, Map<String, List<String>> query) {
        return call(region, operation, new AwsTransport.Request(SdkHttpMethod.GET, path, query, Map.of(), null));
    }

    public Xml post(String region, String operation, String path, String xml) {
        return call(region, operation, new AwsTransport.Request(SdkHttpMethod.POST, path, Map.of(),
                Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * PUTs {@code body} at {@code path} (already URI-encoded) and returns nothing: the answer of an S3 PutObject is in its
     * headers. The payload's SHA-256 is sent in {@code x-amz-content-sha256}, which S3 requires and signs; {@code extraHeaders}
     * (S3's {@code x-amz-meta-*}) are sent and signed as they are.
     */
    public void putBytes(String region, String operation, String path, byte[] body, String contentType, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        headers.put("x-amz-content-sha256", sha256(body));
        transport.send(service, region, operation, new AwsTransport.Request(SdkHttpMethod.PUT, path, Map.of(), headers, body),
                RestXmlProtocol::decodeError);
    }

    /** A GET of S3, which requires the SHA-256 of the (empty) payload in {@code x-amz-content-sha256} and signs it. */
    public Xml getS3(String region, String operation, String path, Map<String, List<String>> query) {
        return call(region, operation, new AwsTransport.Request(SdkHttpMethod.GET, path, query,
                Map.of("x-amz-content-sha256", sha256(new byte[0])), null));
    }

    private static String sha256(byte[] body) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            StringBuilder hex = new StringBuilder(hash.length * 2);
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Xml call(String region, String operation, AwsTransport.Request request) {
        return Xml.parse(transport.send(service, region, operation, request, RestXmlProtocol::decodeError).body());
    }

    /**
     * Route 53's errors: {@code ErrorResponse/Error/Code} as in the Query protocol, except {@code InvalidChangeBatch},
     * whose root element is the code and which lists one {@code Messages/Message} per refused change. S3's errors have
     * {@code Error} as their root, with {@code Code}, {@code Message} and {@code RequestId}.
     */
    static AwsServiceError decodeError(String service, String operation, int status, Map<String, List<String>> headers, byte[] body) {
        try {
            Xml root = Xml.parse(body);
            if (!"ErrorResponse".equals(root.name()) && root.first("Messages") != null) {
                List<String> messages = root.all("Messages/Message").stream().map(Xml::text).toList();
                return AwsServiceError.withMessages(service, operation, status, root.name(), messages, root.text("RequestId"));
            }
            if ("Error".equals(root.name()) && root.text("Code") != null) {
                return new AwsServiceError(service, operation, status, root.text("Code"), root.text("Message"), root.text("RequestId"));
            }
        } catch (IllegalArgumentException notXml) {
            // Decoded below as a proxy's answer.
        }
        return QueryProtocol.decodeError(service, operation, status, headers, body);
    }

    /** Escapes text for an XML element's content. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
