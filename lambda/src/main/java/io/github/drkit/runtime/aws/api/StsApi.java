package io.github.drkit.runtime.aws.api;

import java.time.Instant;
import java.util.Map;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/**
 * The STS operations behind the runtime's role sessions: web identity credentials (a CI job's OIDC token, a
 * Kubernetes service account), exchanging the token for a role's temporary credentials, unsigned since the token is
 * the proof; and {@code AssumeRole}, signed with the runtime's own credentials, for a step whose resources live in
 * another account.
 */
public final class StsApi {
    private final QueryProtocol query;
    private final QueryProtocol signed;

    /** Web identity only: {@link #assumeRole} is refused. */
    public StsApi(QueryProtocol query) {
        this(query, null);
    }

    /**
     * @param unsigned for {@code AssumeRoleWithWebIdentity}
     * @param signed   for {@code AssumeRole}, signed with the caller's credentials
     */
    public StsApi(QueryProtocol unsigned, QueryProtocol signed) {
        this.query = unsigned;
        this.signed = signed;
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
        return credentials(credentials);
    }

    /**
     * Assumes {@code roleArn} with the caller's credentials, tagging the session: the role's trust policy must allow
     * {@code sts:AssumeRole} and, with tags, {@code sts:TagSession} to the caller.
     *
     * @param externalId      null when the role's trust policy asks for none
     * @param tags            session tags, in order; empty for none
     * @param durationSeconds null for the role's default (one hour)
     */
    public RoleCredentials assumeRole(String region, String roleArn, String sessionName, String externalId, Map<String, String> tags,
                                      Integer durationSeconds) {
        if (signed == null) {
            throw new IllegalStateException("this STS facade sends only unsigned calls; AssumeRole needs the caller's signature");
        }
        Params params = Params.of().put("RoleArn", roleArn).put("RoleSessionName", sessionName).put("ExternalId", externalId)
                .put("DurationSeconds", durationSeconds);
        int i = 1;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            params.put("Tags.member." + i + ".Key", tag.getKey()).put("Tags.member." + i + ".Value", tag.getValue());
            i++;
        }
        Xml credentials = signed.call(region, "AssumeRole", params).first("AssumeRoleResult/Credentials");
        if (credentials == null) {
            throw new IllegalStateException("AssumeRole answered without credentials for role " + roleArn);
        }
        return credentials(credentials);
    }

    private static RoleCredentials credentials(Xml credentials) {
        return new RoleCredentials(credentials.text("AccessKeyId"), credentials.text("SecretAccessKey"), credentials.text("SessionToken"),
                Instant.parse(credentials.text("Expiration")));
    }
}
