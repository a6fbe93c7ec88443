package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import java.time.Duration;

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
        this.interval = b.interval == null ? Duration.ofSeconds(30) : b.interval;
        if (!interval.equals(Duration.ofSeconds(10)) && !interval.equals(Duration.ofSeconds(30))) {
            throw new IllegalArgumentException(owner + ": interval must be 10 or 30 seconds, the two Route 53 offers (got "
                    + interval.toMillis() / 1000.0 + " s)");
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

    public boolean https() {
        return https;
    }

    public int port() {
        return port;
    }

    public String path() {
        return path;
    }

    public Duration interval() {
        return interval;
    }

    public int failureThreshold() {
        return failureThreshold;
    }

    /** How long Route 53 takes to call the endpoint unhealthy: interval x threshold. */
    public Duration detectionTime() {
        return interval.multipliedBy(failureThreshold);
    }

    public static final class Builder {
        private Boolean https;
        private Integer port;
        private String path;
        private Duration interval;
        private Integer failureThreshold;

        private Builder() {
        }

        /** @param v true for HTTPS; default true */
        public Builder https(boolean v) {
            this.https = v;
            return this;
        }

        /** @param v default 443 for HTTPS, 80 for HTTP */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /** @param v default "/" */
        public Builder path(String v) {
            this.path = v;
            return this;
        }

        /** @param v 10 or 30 s; default 30 s */
        public Builder interval(Duration v) {
            this.interval = v;
            return this;
        }

        /** @param v 1 to 10; default 3 */
        public Builder failureThreshold(int v) {
            this.failureThreshold = v;
            return this;
        }

        public HealthCheckOptions build() {
            return new HealthCheckOptions(this);
        }
    }
}
