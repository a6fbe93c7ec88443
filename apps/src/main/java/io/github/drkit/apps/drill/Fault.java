package io.github.drkit.apps.drill;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure the drill injects into one AWS API call while failover runs: the emulator answers with a
 * server error or throttles, as AWS does on a bad day.
 *
 * <p>Written {@code service:Action[@region]=kind[xN]}, e.g. {@code route53:ChangeResourceRecordSets=503x3}
 * (the next three calls answer HTTP 503) or {@code autoscaling:UpdateAutoScalingGroup@us-west-2=throttle}
 * (the next call is throttled). Kinds: {@code 500}, {@code 503}, {@code throttle}. N defaults to 1;
 * the runtime makes up to 6 attempts per call, so N of 6 or more makes the call itself fail.
 *
 * @param service  the SigV4 signing name, e.g. {@code route53}, {@code autoscaling}, {@code ssm}
 * @param action   the API operation, e.g. {@code ChangeResourceRecordSets}
 * @param region   the Region the call is signed for; null matches every Region
 * @param kind     what the emulator answers
 * @param times    how many matching calls fail, from the first one made while the fault is armed
 */
public record Fault(String service, String action, String region, Kind kind, int times) {
    private static final Pattern SPEC = Pattern.compile("([a-z0-9-]+):([A-Za-z0-9]+)(?:@([a-z0-9-]+))?=([a-z0-9]+?)(?:x([0-9]+))?");

    /** What the emulator answers instead of the real response. */
    public enum Kind {
        INTERNAL_ERROR(500, "InternalFailure", "We encountered an internal error. Please try again."),
        SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "Service is unavailable. Please try again."),
        THROTTLE(400, "Throttling", "Rate exceeded");

        private final int status;
        private final String code;
        private final String message;

        Kind(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    public Fault {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        if (times < 1 || times > 100) {
            throw new IllegalArgumentException("Fault: times must be between 1 and 100 (got " + times + ")");
        }
    }

    /**
     * Parses {@code service:Action[@region]=kind[xN]}.
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static Fault parse(String spec) {
        Matcher m = SPEC.matcher(spec == null ? "" : spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("DrillCommand: --fault must look like service:Action[@region]=500|503|throttle[xN], "
                    + "e.g. route53:ChangeResourceRecordSets=503x3 (got '" + spec + "')");
        }
        Kind kind = switch (m.group(4)) {
            case "500" -> Kind.INTERNAL_ERROR;
            case "503" -> Kind.SERVICE_UNAVAILABLE;
            case "throttle" -> Kind.THROTTLE;
            default -> throw new IllegalArgumentException("DrillCommand: --fault kind must be 500, 503 or throttle (got '"
                    + m.group(4) + "' in '" + spec + "')");
        };
        int times = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
        if (times < 1 || times > 100) {
            throw new IllegalArgumentException("DrillCommand: --fault count must be between 1 and 100 (got " + times + " in '" + spec + "')");
        }
        return new Fault(m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3), kind, times);
    }

    boolean matches(String callService, String callAction, String callRegion) {
        return service.equals(callService) && action.equals(callAction) && (region == null || region.equals(callRegion));
    }

    @Override
    public String toString() {
        return service + ":" + action + (region == null ? "" : "@" + region) + "="
                + switch (kind) {
                    case INTERNAL_ERROR -> "500";
                    case SERVICE_UNAVAILABLE -> "503";
                    case THROTTLE -> "throttle";
                } + "x" + times;
    }
}
