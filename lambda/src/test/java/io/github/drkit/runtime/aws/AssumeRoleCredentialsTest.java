package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

/** A session of a role in another account, against moto's STS: assumed once, signed, renewed five minutes before it expires. */
@ExtendWith(MotoServerExtension.class)
class AssumeRoleCredentialsTest {
    private static final String ROLE = "arn:aws:iam::222222222222:role/drkit-workload";

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void resolveCredentials_whenSessionIsFresh_reusesItAndNamesTheRolesAccount(MotoServer moto) {
        try (AwsClients aws = clients(moto)) {
            AssumeRoleCredentials session = new AssumeRoleCredentials(aws.sts(), "us-west-2",
                    new AssumeRoleCredentials.RoleSession(ROLE, "shop-dr-7f3a", "drkit-shop", Map.of("drkit:application", "shop")),
                    Clock.systemUTC());
            CallLog log = new CallLog();

            AwsCredentials first = log.bind(session::resolveCredentials);
            AwsCredentials second = log.bind(session::resolveCredentials);

            assertEquals(first.accessKeyId(), second.accessKeyId());
            assertEquals(1, log.calls().size(), "one AssumeRole for both: " + log.calls());
            assertEquals("AssumeRole", log.calls().get(0).operation());
            assertEquals("222222222222", first.accountId().orElseThrow());
        }
    }

    @Test
    void resolveCredentials_whenFiveMinutesBeforeExpiry_assumesTheRoleAgain(MotoServer moto) {
        MovingClock clock = new MovingClock();
        try (AwsClients aws = clients(moto)) {
            AssumeRoleCredentials session = new AssumeRoleCredentials(aws.sts(), "us-west-2",
                    new AssumeRoleCredentials.RoleSession(ROLE, null, "drkit-shop", Map.of()), clock);
            CallLog log = new CallLog();
            AwsCredentials first = log.bind(session::resolveCredentials);
            Instant expires = ((software.amazon.awssdk.auth.credentials.AwsSessionCredentials) first).expirationTime().orElseThrow();

            clock.now = expires.minus(Duration.ofMinutes(6));
            log.bind(session::resolveCredentials);
            assertEquals(1, log.calls().size(), "six minutes before expiry the session still serves");
            clock.now = expires.minus(Duration.ofMinutes(4));
            AwsCredentials renewed = log.bind(session::resolveCredentials);

            assertEquals(2, log.calls().size(), "renewed inside the last five minutes: " + log.calls());
            assertNotEquals(first.accessKeyId(), renewed.accessKeyId());
        }
    }

    @Test
    void forRole_whenSameRoleAskedTwice_sharesOneSessionAndLogsItsAccount(MotoServer moto) {
        try (AwsClients aws = clients(moto)) {
            AwsClients one = aws.forRole(ROLE, null, "drkit-shop", Map.of("drkit:application", "shop"));
            AwsClients again = aws.forRole(ROLE, null, "drkit-shop", Map.of("drkit:application", "shop"));
            AwsClients other = aws.forRole(ROLE, "shop-dr-7f3a", "drkit-shop", Map.of("drkit:application", "shop"));
            CallLog log = new CallLog();

            log.bind(() -> one.autoScaling().describe("us-west-2", List.of("web")));
            log.bind(() -> again.autoScaling().describe("us-west-2", List.of("web")));

            assertTrue(one == again, "one session per role and terms");
            assertTrue(one != other, "another external id is another session");
            List<AwsCall> calls = log.calls();
            assertEquals(List.of("AssumeRole", "DescribeAutoScalingGroups", "DescribeAutoScalingGroups"),
                    calls.stream().map(AwsCall::operation).toList());
            assertEquals(List.of("123456789012", "222222222222", "222222222222"), calls.stream().map(AwsCall::account).toList(),
                    "the session is assumed from the runtime's account; the calls are made in the role's");
        }
    }

    @Test
    void account_whenNotTwelveDigits_isRefusedNamingTheValue() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AwsClients.builder().account("1234"));

        assertEquals("account must be a 12-digit AWS account id (got '1234')", e.getMessage());
    }

    private static AwsClients clients(MotoServer moto) {
        return AwsClients.builder().region(Region.US_WEST_2).endpoint(moto.endpoint()).credentials(moto.credentials())
                .account("123456789012").backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
    }
}
