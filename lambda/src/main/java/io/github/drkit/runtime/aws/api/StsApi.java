package io.github.drkit.runtime.aws.api;

import java.time.Instant;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/**
 * The STS operation behind web identity credentials (a CI job's OIDC token, a Kubernetes service account):
 * exchanging the token for a role's temporary credentials. The call is not signed; the token is the proof.
 */
public final class StsApi {
    private final QueryProtocol query;

    public StsApi(QueryProtocol query) {
        this.query = query;
    }

    /** Temporary credentials of a role. */
    public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        @Override
        public String toString() {
            return "RoleCredentials[" + accessKeyId + ", expires " + expiration + "]";
        }
    }

    /**
     * Assumes {@code roleArn} with a web identity token.
     *
     * @param durationSeconds null for the role's default (one hour)
     */
    public RoleCredentials assumeRoleWithWebIdentity(String region, String roleArn, String sessionName, String token, Integer durationSeconds) {
        Xml credentials = query.call(region, "AssumeRoleWithWebIdentity", Params.of().put("RoleArn", roleArn)
                        .put("RoleSessionName", sessionName).put("WebIdentityToken", token).put("DurationSeconds", durationSeconds))
                .first("AssumeRoleWithWebIdentityResult/Credentials");
        if (credentials == null) {
            throw new IllegalStateException("AssumeRoleWithWebIdentity answered without credentials for role " + roleArn);
        }
        return new RoleCredentials(credentials.text("AccessKeyId"), credentials.text("SecretAccessKey"), credentials.text("SessionToken"),
                Instant.parse(credentials.text("Expiration")));
    }
}
