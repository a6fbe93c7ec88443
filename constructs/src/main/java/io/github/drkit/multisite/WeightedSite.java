package io.github.drkit.multisite;

import io.github.drkit.failover.Endpoint;
import io.github.drkit.internal.plan.Checks;

/**
 * One live site behind the weighted records: its endpoint, the weight it gets in normal operation
 * and the weight it gets after failover. A site whose failover weight is below its normal weight is
 * one failover drains; its health check triggers failover.
 */
public final class WeightedSite {
    private final String name;
    private final Endpoint endpoint;
    private final int normalWeight;
    private final int failoverWeight;

    private WeightedSite(Builder b) {
        String owner = "WeightedSite";
        this.name = Checks.required(owner, "name", b.name);
        if (!name.matches("[A-Za-z][A-Za-z0-9-]{0,31}")) {
            throw new IllegalArgumentException(owner + ": name must be 1 to 32 letters, digits or hyphens, starting with a letter (got " + name + ")");
        }
        this.endpoint = Checks.required(owner, "endpoint", b.endpoint);
        this.normalWeight = Checks.range(owner, "normalWeight of " + name, Checks.required(owner, "normalWeight", b.normalWeight), 0, 255);
        this.failoverWeight = b.failoverWeight == null ? normalWeight : Checks.range(owner, "failoverWeight of " + name, b.failoverWeight, 0, 255);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The set identifier of the site's record and the construct id of its resources. */
    public String getName() {
        return name;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    public int getNormalWeight() {
        return normalWeight;
    }

    public int getFailoverWeight() {
        return failoverWeight;
    }

    /** True when failover takes weight away from this site. */
    public boolean drainedOnFailover() {
        return failoverWeight < normalWeight;
    }

    public static final class Builder {
        private String name;
        private Endpoint endpoint;
        private Integer normalWeight;
        private Integer failoverWeight;

        private Builder() {
        }

        /** Required: "onprem", "aws-east", ... */
        public Builder name(String v) {
            this.name = v;
            return this;
        }

        /** Required. */
        public Builder endpoint(Endpoint v) {
            this.endpoint = v;
            return this;
        }

        /** Required: 0 to 255. */
        public Builder normalWeight(int v) {
            this.normalWeight = v;
            return this;
        }

        /**
         * 0 to 255.
         *
         * @default the normal weight (failover leaves the site alone)
         */
        public Builder failoverWeight(int v) {
            this.failoverWeight = v;
            return this;
        }

        public WeightedSite build() {
            return new WeightedSite(this);
        }
    }
}
