package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.drkit.runtime.aws.api.StsApi;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Credentials for a process given a web identity token instead of keys: a CI job with an OIDC token, a Kubernetes
 * pod with a service account ({@code AWS_WEB_IDENTITY_TOKEN_FILE}, {@code AWS_ROLE_ARN}, optionally
 * {@code AWS_ROLE_SESSION_NAME}; or a profile's {@code web_identity_token_file}, {@code role_arn},
 * {@code role_session_name}). The role's credentials come from STS's {@code AssumeRoleWithWebIdentity} over the
 * runtime's own wire layer (the SDK's STS client would not fit in the deployment package), and are renewed five
 * minutes before they expire, reading the token file again, since its token is rotated.
 */
final class WebIdentityCredentials implements AwsCredentialsProvider {
    static final String TOKEN_FILE = "AWS_WEB_IDENTITY_TOKEN_FILE";
    static final String ROLE_ARN = "AWS_ROLE_ARN";
    static final String SESSION_NAME = "AWS_ROLE_SESSION_NAME";
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final StsApi sts;
    private final String region;
    private final Path tokenFile;
    private final String roleArn;
    private final String sessionName;
    private final Clock clock;
    private StsApi.RoleCredentials current;

    WebIdentityCredentials(StsApi sts, String region, Path tokenFile, String roleArn, String sessionName, Clock clock) {
        this.sts = sts;
        this.region = region;
        this.tokenFile = tokenFile;
        this.roleArn = roleArn;
        this.sessionName = sessionName;
        this.clock = clock;
    }

    /** True when the environment asks for web identity credentials: both the token file and the role are set. */
    static boolean configured(Map<String, String> environment) {
        return !blank(environment.get(TOKEN_FILE)) && !blank(environment.get(ROLE_ARN));
    }

    /**
     * Web identity credentials when they are what the SDK's default chain would pick and the runtime has no STS client
     * for: after keys in the environment ({@code AWS_ACCESS_KEY_ID}, which win, as in the SDK), the environment's
     * token file and role, then the profile's {@code web_identity_token_file} and {@code role_arn}. Empty otherwise.
     */
    static Optional<WebIdentityCredentials> select(StsApi sts, String region, Map<String, String> environment,
                                                  Supplier<ProfileFile> profiles, Clock clock) {
        if (!blank(environment.get("AWS_ACCESS_KEY_ID")) && !blank(environment.get("AWS_SECRET_ACCESS_KEY"))) {
            return Optional.empty();
        }
        if (configured(environment)) {
            return Optional.of(create(sts, region, environment.get(TOKEN_FILE), environment.get(ROLE_ARN), environment.get(SESSION_NAME), clock));
        }
        String name = blank(environment.get("AWS_PROFILE")) ? "default" : environment.get("AWS_PROFILE").trim();
        Optional<Profile> profile = profiles.get().profile(name);
        Optional<String> tokenFile = profile.flatMap(p -> p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)).filter(v -> !blank(v));
        Optional<String> role = profile.flatMap(p -> p.property(ProfileProperty.ROLE_ARN)).filter(v -> !blank(v));
        boolean sourced = profile.flatMap(p -> p.property(ProfileProperty.SOURCE_PROFILE)).isPresent();
        if (tokenFile.isPresent() && role.isPresent() && !sourced) {
            return Optional.of(create(sts, region, tokenFile.get(), role.get(),
                    profile.flatMap(p -> p.property(ProfileProperty.ROLE_SESSION_NAME)).orElse(null), clock));
        }
        return Optional.empty();
    }

    private static WebIdentityCredentials create(StsApi sts, String region, String tokenFile, String roleArn, String session, Clock clock) {
        return new WebIdentityCredentials(sts, region, Path.of(tokenFile.trim()), roleArn.trim(),
                blank(session) ? "drkit-" + clock.millis() : session.trim(), clock);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (current == null || !clock.instant().isBefore(current.expiration().minus(RENEW_BEFORE))) {
            current = sts.assumeRoleWithWebIdentity(region, roleArn, sessionName, token(), null);
        }
        return AwsSessionCredentials.builder().accessKeyId(current.accessKeyId()).secretAccessKey(current.secretAccessKey())
                .sessionToken(current.sessionToken()).expirationTime(current.expiration()).accountId(account(roleArn)).build();
    }

    /** The account of a role ARN ({@code arn:<partition>:iam::<account>:role/...}); null when it is not one. */
    static String account(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        return parts.length == 6 && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    private String token() {
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new IllegalStateException(TOKEN_FILE + " names " + tokenFile + ", which is empty; it must hold the web identity token");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException(TOKEN_FILE + " names " + tokenFile + ", which cannot be read: " + e, e);
        }
    }
}
