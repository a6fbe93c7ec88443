package io.github.drkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** What the emulator enforces once IAM is on: the action, not the resource nor the conditions. */
class EmulatorIamTest {
    private static final AwsCredentialsProvider ADMIN = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("123456789012", "testing"));
    private static MotoLauncher moto;
    private static EmulatorIam iam;

    @BeforeAll
    static void start() {
        moto = MotoLauncher.start();
        iam = EmulatorIam.of(moto.endpoint());
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @Test
    void enforcing_whenRoleLacksAction_deniesNamingTheAction() {
        String role = iam.createRole(ADMIN, "lists-topics", List.of("sns:ListTopics"));
        AwsCredentialsProvider session = iam.assume(ADMIN, role, "test");

        SnsException denied = iam.enforcing(() -> {
            try (SnsClient sns = sns(session)) {
                sns.listTopics();
                return assertThrows(SnsException.class, () -> sns.createTopic(r -> r.name("t")));
            }
        });

        assertEquals(403, denied.statusCode());
        String message = denied.awsErrorDetails().errorCode() + ": " + denied.awsErrorDetails().errorMessage()
                + " / " + denied.awsErrorDetails().rawResponse().asUtf8String();
        assertTrue(message.contains("sns:CreateTopic"), message);
    }

    @Test
    void enforcing_whenStatementScopedToResource_neverMatches() {
        String role = iam.createRole(ADMIN, "scoped", List.of("sns:ListTopics"));
        String scoped = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sns:ListTopics\","
                + "\"Resource\":\"arn:aws:sns:us-east-1:123456789012:*\"}]}";
        try (var client = software.amazon.awssdk.services.iam.IamClient.builder().endpointOverride(moto.endpoint())
                .region(Region.AWS_GLOBAL).credentialsProvider(ADMIN).httpClient(UrlConnectionHttpClient.create()).build()) {
            client.putRolePolicy(r -> r.roleName("scoped").policyName("Actions").policyDocument(scoped));
        }
        AwsCredentialsProvider session = iam.assume(ADMIN, role, "test");

        SnsException denied = iam.enforcing(() -> {
            try (SnsClient sns = sns(session)) {
                return assertThrows(SnsException.class, sns::listTopics);
            }
        });

        assertEquals(403, denied.statusCode(), "moto evaluates every SNS call against resource *");
        assertEquals(List.of("sns:ListTopics"), EmulatorIam.allowedActions(EmulatorIam.actionView(scoped)));
        assertTrue(EmulatorIam.actionView(scoped).contains("\"Resource\":\"*\""), EmulatorIam.actionView(scoped));
    }

    @Test
    void actionView_whenConditionPresent_dropsItNamesCloudWatchAsMotoDoesAndKeepsDeny() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"cloudwatch:PutMetricData\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"cloudwatch:namespace\":\"drkit\"}}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"sns:DeleteTopic\",\"Resource\":\"*\"}]}";

        String view = EmulatorIam.actionView(policy);

        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"cloudwatch:PutMetricData\","
                + "\"monitoring:PutMetricData\"],\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"sns:DeleteTopic\",\"Resource\":\"*\"}]}", view);
    }

    private static SnsClient sns(AwsCredentialsProvider credentials) {
        return SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
