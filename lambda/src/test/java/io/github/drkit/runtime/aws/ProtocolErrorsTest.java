package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How each protocol's error answers become an {@link AwsServiceError}, and which of them are retried. */
class ProtocolErrorsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodeError_whenQueryErrorResponse_takesCodeMessageAndRequestId() {
        AwsServiceError error = QueryProtocol.decodeError("Rds", "DescribeDBInstances", 404, Map.of(), bytes("""
                <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type>
                <Code>DBInstanceNotFound</Code><Message>DBInstance db-1 not found.</Message></Error>
                <RequestId>5e2f</RequestId></ErrorResponse>"""));

        assertTrue(error.is("DBInstanceNotFound"));
        assertEquals("5e2f", error.requestId());
        assertEquals("Rds DescribeDBInstances failed: DBInstanceNotFound (HTTP 404): DBInstance db-1 not found.", error.getMessage());
        assertFalse(error.retryable());
    }

    @Test
    void decodeError_whenEc2ErrorsList_takesTheFirstError() {
        AwsServiceError error = QueryProtocol.decodeError("Ec2", "StartInstances", 503, Map.of(), bytes("""
                <Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error>
                </Errors><RequestID>ab12</RequestID></Response>"""));

        assertEquals("RequestLimitExceeded", error.errorCode());
        assertEquals("ab12", error.requestId());
        assertTrue(error.retryable());
    }

    @Test
    void decodeError_whenBodyIsNotXml_namesTheStatusAndQuotesTheBody() {
        AwsServiceError error = QueryProtocol.decodeError("AutoScaling", "UpdateAutoScalingGroup", 502, Map.of(), bytes("Bad Gateway"));

        assertEquals("HTTP502", error.errorCode());
        assertTrue(error.getMessage().endsWith(": Bad Gateway"), error.getMessage());
        assertTrue(error.retryable());
    }

    @Test
    void decodeError_whenJsonServiceAnswersWithXmlErrorDocument_readsItsCodeAndMessage() {
        AwsServiceError error = JsonProtocol.decodeError("DynamoDb", "DescribeTable", 403, Map.of(), bytes("""
                <?xml version="1.0" encoding="utf-8"?>
                <ErrorResponse><Errors><Error><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:assumed-role/r/s is not
                 authorized to perform: dynamodb:DescribeTable</Message></Error></Errors><RequestId>7a1c</RequestId></ErrorResponse>"""));

        assertTrue(error.is("AccessDenied"));
        assertEquals("7a1c", error.requestId());
        assertTrue(error.getMessage().endsWith("dynamodb:DescribeTable"), error.getMessage());
        assertFalse(error.retryable());
    }

    @Test
    void decodeError_whenJsonTypeHasNamespace_keepsTheShortCode() {
        AwsServiceError error = JsonProtocol.decodeError("Ssm", "GetParameter", 400, Map.of(),
                bytes("{\"__type\": \"com.amazonaws.ssm#ParameterNotFound\", \"message\": \"no /drkit/plan\"}"));

        assertTrue(error.is("ParameterNotFound"));
        assertEquals("Ssm GetParameter failed: ParameterNotFound (HTTP 400): no /drkit/plan", error.getMessage());
        assertFalse(error.retryable());
    }

    @Test
    void decodeError_whenJsonServiceAnswersAnXmlErrorResponse_readsItsCode() {
        AwsServiceError error = JsonProtocol.decodeError("Ecs", "UpdateService", 403, Map.of(), bytes("""
                <?xml version="1.0" encoding="utf-8"?>
                <ErrorResponse><Errors><Error><Code>AccessDenied</Code><Message>not authorized to perform: ecs:UpdateService</Message>
                </Error></Errors></ErrorResponse>"""));

        assertEquals("AccessDenied", error.errorCode());
        assertTrue(error.getMessage().contains("ecs:UpdateService"), error.getMessage());
    }

    @Test
    void decodeError_whenQueryCompatibleHeaderPresent_prefersTheQueryCode() {
        AwsServiceError error = JsonProtocol.decodeError("CloudWatch", "PutMetricData", 400,
                Map.of("x-amzn-query-error", List.of("Throttling;Sender"), "x-amzn-RequestId", List.of("r-1")),
                bytes("{\"__type\": \"com.amazonaws.cloudwatch#ThrottlingException\", \"message\": \"Rate exceeded\"}"));

        assertEquals("Throttling", error.errorCode());
        assertEquals("r-1", error.requestId());
        assertTrue(error.retryable());
    }

    @Test
    void decodeError_whenTypeCarriesAnAddressOrOnlyTheHeaderHasIt_keepsTheCode() {
        AwsServiceError suffixed = JsonProtocol.decodeError("Ssm", "GetParameter", 400, Map.of(),
                bytes("{\"__type\": \"ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/\"}"));
        AwsServiceError headerOnly = JsonProtocol.decodeError("Ssm", "GetParameter", 400,
                Map.of("X-Amzn-ErrorType", List.of("ParameterNotFound:http://internal.amazon.com/")), bytes(""));

        assertEquals("ThrottlingException", suffixed.errorCode());
        assertTrue(suffixed.retryable());
        assertEquals("ParameterNotFound", headerOnly.errorCode());
    }

    @Test
    void retryable_whenThrottlingOr5xxOrNoAnswer_isTrue() {
        assertTrue(new AwsServiceError("AutoScaling", "UpdateAutoScalingGroup", 400, "Throttling", "Rate exceeded", null).retryable());
        assertTrue(new AwsServiceError("Route53", "ChangeResourceRecordSets", 400, "PriorRequestNotComplete", null, null).retryable());
        assertTrue(new AwsServiceError("Ec2", "DescribeInstances", 503, "Unavailable", null, null).retryable());
        assertTrue(new AwsServiceError("Sns", "Publish", 429, "TooManyRequests", null, null).retryable());
        assertTrue(AwsServiceError.noAnswer("Ec2", "DescribeInstances", new java.net.ConnectException("refused")).retryable());
        assertFalse(new AwsServiceError("Ec2", "StartInstances", 400, "IncorrectInstanceState", null, null).retryable());
        assertFalse(new AwsServiceError("Ec2", "StartInstances", 403, "UnauthorizedOperation", null, null).retryable());
    }
}
