package io.github.drkit.runtime.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offset between this machine's clock and AWS's, for signing. A signature dated more than a few minutes away
 * from AWS's time is refused (S3-style {@code RequestTimeTooSkewed}, JSON services' {@code InvalidSignatureException:
 * Signature expired}, EC2's {@code AuthFailure}...); a machine whose clock drifted (a laptop off NTP, a pod on a
 * wrong node clock) would fail every call of a failover. When such an error comes with a {@code Date} header that
 * shows the drift, the offset is corrected and the call is sent again once, as the AWS SDKs do.
 */
final class ClockSkew {
    /** The error codes AWS services answer a signature out of time with; the SDKs' list. */
    private static final Set<String> SKEW_CODES = Set.of("RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
            "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure");
    /** Below this, a refused signature is not a clock problem (AWS accepts 5 minutes; the SDKs use 4). */
    static final Duration THRESHOLD = Duration.ofMinutes(4);

    private final Clock system;
    private final AtomicLong offsetMillis = new AtomicLong();

    ClockSkew(Clock system) {
        this.system = system;
    }

    /** The clock to sign with: this machine's, corrected by the last skew seen. */
    Clock signingClock() {
        return Clock.offset(system, Duration.ofMillis(offsetMillis.get()));
    }

    Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    /**
     * Corrects the offset when {@code error} is a refused signature and the answer's {@code Date} is more than
     * {@link #THRESHOLD} away from the signing clock; true when it did, and the call is then worth one more attempt.
     */
    boolean correct(AwsServiceError error, Map<String, List<String>> headers) {
        if (!SKEW_CODES.contains(error.errorCode())) {
            return false;
        }
        Instant server = serverTime(headers);
        if (server == null) {
            return false;
        }
        Instant signing = signingClock().instant();
        Duration skew = Duration.between(signing, server);
        if (skew.abs().compareTo(THRESHOLD) <= 0) {
            return false;
        }
        offsetMillis.set(Duration.between(system.instant(), server).toMillis());
        return true;
    }

    /** The answer's {@code Date} header (RFC 1123), or null when absent or unreadable. */
    private static Instant serverTime(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Date") && !header.getValue().isEmpty()) {
                try {
                    return ZonedDateTime.parse(header.getValue().get(0).trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }
}
