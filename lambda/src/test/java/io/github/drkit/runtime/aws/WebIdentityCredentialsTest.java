package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The runtime run as a CI job or a Kubernetes pod would run it: no keys, a web identity token file and a role;
 * against moto's STS, with a proxy in front that shows which requests were signed and with which key.
 */
@ExtendWith(MotoServerExtension.class)
class WebIdentityCredentialsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/drkit-failover";

    @Test
    void resolveCredentials_whenTokenFileAndRoleSet_signsCallsWithTheAssumedRolesKeys(MotoServer moto, @TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmRya2l0In0.c2ln\n");
        try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.US_WEST_2).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            ssm.putParameter(p -> p.name("/drkit/ci/plan").type("String").value("{\"version\": 1}"));
        }
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint());
             AwsClients aws = AwsClients.builder().region(Region.US_WEST_2).endpoint(proxy.endpoint())
                     .environment(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(), "AWS_ROLE_ARN", ROLE,
                             "AWS_ROLE_SESSION_NAME", "ci-run")).build()) {

            CallLog log = new CallLog();
            String plan = log.bind(() -> aws.ssm().parameter("us-west-2", "/drkit/ci/plan"));
            aws.ssm().parameter("us-west-2", "/drkit/ci/plan");

            assertEquals("{\"version\": 1}", plan);
            List<ScriptedProxy.Request> requests = proxy.requests();
            assertEquals(3, requests.size(), "one AssumeRoleWithWebIdentity, reused for both calls");
            assertNull(requests.get(0).header("Authorization"), "AssumeRoleWithWebIdentity is not signed");
            String signedWith = requests.get(1).header("Authorization");
            assertTrue(signedWith.contains("Credential=ASIA") && signedWith.contains("/us-west-2/ssm/aws4_request"), signedWith);
            assertTrue(requests.get(1).header("X-Amz-Security-Token") != null, "a session token goes with temporary keys");
            AwsCall assume = log.calls().get(0);
            assertEquals(List.of("Sts", "AssumeRoleWithWebIdentity", "us-west-2"), List.of(assume.service(), assume.operation(), assume.region()));
            assertEquals(false, assume.mutating(), "assuming a role changes nothing");
            assertEquals("GetParameter", log.calls().get(1).operation());
        }
    }

    @Test
    void resolveCredentials_whenTokenFileMissing_namesTheVariableAndThePath(MotoServer moto, @TempDir Path dir) {
        Path missing = dir.resolve("no-token");
        try (AwsClients aws = AwsClients.builder().region(Region.US_WEST_2).endpoint(moto.endpoint()).maxAttempts(1)
                .environment(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", missing.toString(), "AWS_ROLE_ARN", ROLE)).build()) {

            IllegalStateException error = assertThrows(IllegalStateException.class, () -> aws.ssm().parameter("us-west-2", "/drkit/x"));

            assertTrue(error.getMessage().startsWith("AWS_WEB_IDENTITY_TOKEN_FILE names " + missing + ", which cannot be read"),
                    error.getMessage());
        }
    }

    @Test
    void select_whenProfileNamesTokenFileAndRole_assumesTheRole(MotoServer moto, @TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb2QifQ.c2ln");
        ProfileFile config = profile("[profile pod]\nweb_identity_token_file = " + token + "\nrole_arn = " + ROLE
                + "\nrole_session_name = pod-run\n");
        try (AwsClients aws = AwsClients.builder().region(Region.US_WEST_2).endpoint(moto.endpoint()).credentials(moto.credentials()).build()) {

            AwsCredentials credentials = WebIdentityCredentials.select(aws.sts(), "us-west-2", Map.of("AWS_PROFILE", "pod"), () -> config,
                    Clock.systemUTC()).orElseThrow().resolveCredentials();

            assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials.accessKeyId());
            assertTrue(credentials instanceof AwsSessionCredentials session && !session.sessionToken().isEmpty());
        }
    }

    @Test
    void select_whenKeysInTheEnvironment_leavesItToTheDefaultChainAsTheSdkDoes() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token", "AWS_ROLE_ARN", ROLE);

        assertTrue(WebIdentityCredentials.select(null, "us-west-2", env, () -> profile(""), Clock.systemUTC()).isEmpty());
    }

    @Test
    void select_whenProfileAssumesFromAnotherProfileOrHasNoRole_isNotWebIdentity() {
        ProfileFile chained = profile("[default]\nweb_identity_token_file = /var/run/token\nrole_arn = " + ROLE + "\nsource_profile = base\n");
        ProfileFile noRole = profile("[default]\nweb_identity_token_file = /var/run/token\n");

        assertTrue(WebIdentityCredentials.select(null, "us-west-2", Map.of(), () -> chained, Clock.systemUTC()).isEmpty());
        assertTrue(WebIdentityCredentials.select(null, "us-west-2", Map.of(), () -> noRole, Clock.systemUTC()).isEmpty());
    }

    private static ProfileFile profile(String content) {
        return ProfileFile.builder().content(content).type(ProfileFile.Type.CONFIGURATION).build();
    }

    @Test
    void configured_whenOnlyOneOfTheTwoVariablesSet_isNotWebIdentity() {
        assertEquals(false, WebIdentityCredentials.configured(Map.of("AWS_ROLE_ARN", ROLE)));
        assertEquals(false, WebIdentityCredentials.configured(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token", "AWS_ROLE_ARN", " ")));
        assertEquals(true, WebIdentityCredentials.configured(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token", "AWS_ROLE_ARN", ROLE)));
    }
}
