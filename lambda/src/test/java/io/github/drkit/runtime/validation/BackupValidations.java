package io.github.drkit.runtime.validation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for AWS Backup's PutRestoreValidationResult, which moto 5.2.1 does not serve (it answers 404):
 * answers 204 as AWS Backup documents and records each validation sent. What the runtime puts on the wire for that
 * operation is held to the AWS SDK by the conformance suite (RestoreValidationCases); the restored resources are read
 * from the emulator. For a resource that must stay "creating", which the emulator never shows, it also answers EC2's
 * DescribeVolumes with one volume in a given state.
 */
public final class BackupValidations implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One PutRestoreValidationResult as sent. */
    public record Sent(String restoreJobId, String status, String message) {
    }

    private final HttpServer server;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private volatile String volumeState;

    public BackupValidations() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("PUT") && path.matches("/restore-jobs/[^/]+/validations")) {
                JsonNode input = JSON.readTree(body);
                sent.add(new Sent(path.split("/")[2], input.path("ValidationStatus").asText(null),
                        input.path("ValidationStatusMessage").asText(null)));
                exchange.getResponseHeaders().add("x-amzn-RequestId", "validations");
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            String form = new String(body, StandardCharsets.UTF_8);
            if (volumeState != null && form.contains("Action=DescribeVolumes")) {
                String volumeId = java.net.URLDecoder.decode(form.replaceAll(".*Filter\\.1\\.Value\\.1=([^&]+).*", "$1"), StandardCharsets.UTF_8);
                answer(exchange, 200, "text/xml", """
                        <DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>volumes</requestId>
                          <volumeSet><item><volumeId>%s</volumeId><status>%s</status></item></volumeSet>
                        </DescribeVolumesResponse>""".formatted(volumeId, volumeState));
                return;
            }
            unexpected.add(exchange.getRequestMethod() + " " + path + " " + form);
            answer(exchange, 400, "application/json", "{\"__type\":\"InvalidRequestException\",\"message\":\"not served here\"}");
        });
        server.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Answers every DescribeVolumes sent here with the asked-for volume in this state. */
    public void volumesIn(String state) {
        this.volumeState = state;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
