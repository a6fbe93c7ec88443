package io.github.drkit.runtime.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.drkit.runtime.aws.api.StsApi;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A session of a role in another account, for the steps whose resources live there: STS {@code AssumeRole}, signed
 * with the runtime's own credentials, once, then again five minutes before the session expires, so that a run (or a
 * warm function's next runs) reuses one session per role instead of assuming it for every call.
 */
final class AssumeRoleCredentials implements AwsCredentialsProvider {
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final StsApi sts;
    private final String region;
    private final RoleSession session;
    private final Clock clock;
    private StsApi.RoleCredentials current;

    AssumeRoleCredentials(StsApi sts, String region, RoleSession session, Clock clock) {
        this.sts = sts;
        this.region = region;
        this.session = session;
        this.clock = clock;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (current == null || !clock.instant().isBefore(current.expiration().minus(RENEW_BEFORE))) {
            current = sts.assumeRole(region, session.roleArn(), session.sessionName(), session.externalId(), session.tags(), null);
        }
        return AwsSessionCredentials.builder().accessKeyId(current.accessKeyId()).secretAccessKey(current.secretAccessKey())
                .sessionToken(current.sessionToken()).expirationTime(current.expiration())
                .accountId(WebIdentityCredentials.account(session.roleArn())).build();
    }

    @Override
    public String toString() {
        return "AssumeRoleCredentials[" + session.roleArn() + "]";
    }

    /** The session's terms; compared to find a session already open. */
    record RoleSession(String roleArn, String externalId, String sessionName, Map<String, String> tags) {
        RoleSession {
            tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        }
    }
}
