package io.github.drkit.lambda.archive;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * SDK clients for the archive adapters, built once per process with the url-connection HTTP client. Region,
 * credentials and {@code AWS_ENDPOINT_URL} come from the SDK's default chains; with an endpoint override
 * (an emulator), S3 uses path-style addressing, because the emulator's host name has no bucket subdomains.
 */
final class ArchiveClients {
    private ArchiveClients() {
    }

    static boolean endpointOverridden() {
        return System.getenv("AWS_ENDPOINT_URL") != null || System.getenv("AWS_ENDPOINT_URL_S3") != null;
    }

    static S3Client s3() {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(endpointOverridden())
                .build();
    }

    static S3Presigner presigner() {
        return S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpointOverridden()).build())
                .build();
    }

    static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
