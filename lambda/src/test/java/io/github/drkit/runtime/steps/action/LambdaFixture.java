package io.github.drkit.runtime.steps.action;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.drkit.testing.MotoServer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Lambda functions in the emulator. moto 5.2.1 runs no function code without Docker: with {@code use_docker: false} its
 * simple backend answers an invocation with the request's payload, or with the next answer queued through
 * {@code /moto-api/static/lambda-simple/response}; it never answers a function error (those are held to the SDK in the
 * wire conformance suite and scripted in {@code InvokeFunctionExecutorTest}).
 */
final class LambdaFixture implements AutoCloseable {
    private final MotoServer moto;
    private final HttpClient http = HttpClient.newHttpClient();
    private final LambdaClient lambda;

    LambdaFixture(MotoServer moto, String region) {
        this.moto = moto;
        post("/moto-api/config", "{\"lambda\": {\"use_docker\": false}}");
        this.lambda = LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Creates a function (with a role for it); returns its ARN. */
    String function(String name) {
        String role;
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(moto.credentials())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            role = iam.createRole(r -> r.roleName(name + "-role").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
        }
        return lambda.createFunction(r -> r.functionName(name).runtime(Runtime.PYTHON3_12).handler("hook.handler").role(role)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("hook.py", "def handler(event, context):\n    return event\n"))))).functionArn();
    }

    /** Queues the emulator's answer to the next invocation in {@code region}. */
    void answerNext(String region, String answer) {
        com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.putArray("results").add(answer);
        body.put("region", region);
        post("/moto-api/static/lambda-simple/response", body.toString());
    }

    private void post(String path, String json) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(moto.endpoint() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(String name, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        lambda.close();
    }
}
