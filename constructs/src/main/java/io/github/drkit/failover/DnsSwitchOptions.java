package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import software.amazon.awscdk.services.route53.IHostedZone;

/**
 * The Route 53 records that move traffic from the primary site to the recovery site: where they
 * live, what the primary is, how it is health-checked and how the two are routed.
 */
public final class DnsSwitchOptions {
    private final IHostedZone hostedZone;
    private final String recordName;
    private final Endpoint primary;
    private final DnsRouting routing;
    private final HealthCheckOptions healthCheck;

    private DnsSwitchOptions(Builder b) {
        String owner = "DnsSwitchOptions";
        this.hostedZone = Checks.required(owner, "hostedZone", b.hostedZone);
        this.recordName = Checks.required(owner, "recordName", b.recordName);
        this.primary = Checks.required(owner, "primary", b.primary);
        this.routing = b.routing == null ? DnsRouting.FAILOVER : b.routing;
        this.healthCheck = b.healthCheck == null ? HealthCheckOptions.defaults() : b.healthCheck;
        if (primary.kind() == Endpoint.Kind.HOSTNAME) {
            throw new IllegalArgumentException(owner + ": primary must be an IP address or an alias, because the recovery side is a load balancer alias (A record); got hostname "
                    + primary.value() + "; use Endpoint.zoneRecord or Endpoint.alias");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public IHostedZone getHostedZone() {
        return hostedZone;
    }

    public String getRecordName() {
        return recordName;
    }

    public Endpoint getPrimary() {
        return primary;
    }

    public DnsRouting getRouting() {
        return routing;
    }

    public HealthCheckOptions getHealthCheck() {
        return healthCheck;
    }

    public static final class Builder {
        private IHostedZone hostedZone;
        private String recordName;
        private Endpoint primary;
        private DnsRouting routing;
        private HealthCheckOptions healthCheck;

        private Builder() {
        }

        /** Required. Import with HostedZone.fromHostedZoneAttributes: synth makes no lookups. */
        public Builder hostedZone(IHostedZone v) {
            this.hostedZone = v;
            return this;
        }

        /** Required: "app" or "app.example.com". */
        public Builder recordName(String v) {
            this.recordName = v;
            return this;
        }

        /** Required: the site that serves traffic in normal operation. */
        public Builder primary(Endpoint v) {
            this.primary = v;
            return this;
        }

        /**
         * @default {@link DnsRouting#FAILOVER}
         */
        public Builder routing(DnsRouting v) {
            this.routing = v;
            return this;
        }

        /**
         * The primary's health check.
         *
         * @default {@link HealthCheckOptions#defaults()}
         */
        public Builder healthCheck(HealthCheckOptions v) {
            this.healthCheck = v;
            return this;
        }

        public DnsSwitchOptions build() {
            return new DnsSwitchOptions(this);
        }
    }
}
