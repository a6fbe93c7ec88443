package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;

/** A Route 53 health check on an endpoint. */
public final class HealthCheckOptions {
    private final boolean https;
    private final int port;
    private final String path;
    private final Duration interval;
    private final int failureThreshold;

    private HealthCheckOptions(Builder b) {
        String owner = "HealthCheckOptions";
        this.https = b.https == null || b.https;
        this.port = b.port == null ? (https ? 443 : 80) : Checks.range(owner, "port", b.port, 1, 65535);
        this.path = b.path == null ? "/" : b.path;
        if (!this.path.startsWith("/")) {
            throw new IllegalArgumentException(owner + ": path must start with / (got " + path + ")");
        }
        this.interval = b.interval == null ? Duration.seconds(30) : b.interval;
        long millis = Durations.requireKnown(owner, "interval", interval).toMillis();
        if (millis != 10_000 && millis != 30_000) {
            throw new IllegalArgumentException(owner + ": interval must be 10 or 30 seconds, the two Route 53 offers (got "
                    + millis / 1000.0 + " s)");
        }
        this.failureThreshold = b.failureThreshold == null ? 3 : Checks.range(owner, "failureThreshold", b.failureThreshold, 1, 10);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** HTTPS on 443, path "/", every 30 s, unhealthy after 3 failures. */
    public static HealthCheckOptions defaults() {
        return builder().build();
    }

    public boolean getHttps() {
        return https;
    }

    public int getPort() {
        return port;
    }

    public String getPath() {
        return path;
    }

    public Duration getInterval() {
        return interval;
    }

    public int getFailureThreshold() {
        return failureThreshold;
    }

    /** How long Route 53 takes to call the endpoint unhealthy: interval x threshold. */
    public Duration detectionTime() {
        return Duration.seconds(interval.toSeconds().doubleValue() * failureThreshold);
    }

    public static final class Builder {
        private Boolean https;
        private Integer port;
        private String path;
        private Duration interval;
        private Integer failureThreshold;

        private Builder() {
        }

        /**
         * Whether the check calls the endpoint over HTTPS.
         *
         * @default true
         */
        public Builder https(boolean v) {
            this.https = v;
            return this;
        }

        /**
         * The port the check calls.
         *
         * @default 443 for HTTPS, 80 for HTTP
         */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /**
         * The path the check requests; must start with /.
         *
         * @default "/"
         */
        public Builder path(String v) {
            this.path = v;
            return this;
        }

        /**
         * How often Route 53 calls the endpoint: 10 or 30 seconds, the two it offers.
         *
         * @default 30 seconds
         */
        public Builder interval(Duration v) {
            this.interval = v;
            return this;
        }

        /**
         * How many failed calls in a row make the endpoint unhealthy: 1 to 10.
         *
         * @default 3
         */
        public Builder failureThreshold(int v) {
            this.failureThreshold = v;
            return this;
        }

        public HealthCheckOptions build() {
            return new HealthCheckOptions(this);
        }
    }
}
