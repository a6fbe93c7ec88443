package io.github.drkit.objectives;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one construct can reach: its RTO as the sum of the terms a recovery passes through, and its
 * RPO as the sum of the terms that bound data loss. An RPO is unbounded when nothing limits the
 * data lost (asynchronous replication without a time guarantee); then {@link #rpoUnboundedReason()}
 * says why and no objective can be met.
 */
public final class RecoveryEstimate {
    private final String source;
    private final DrStrategy strategy;
    private final List<EstimateTerm> rtoTerms;
    private final List<EstimateTerm> rpoTerms;
    private final String rpoUnboundedReason;

    private RecoveryEstimate(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.strategy = Objects.requireNonNull(b.strategy, "strategy");
        this.rtoTerms = List.copyOf(Objects.requireNonNull(b.rtoTerms,
                "RecoveryEstimate: rtoTerms must not be null (use an empty list)"));
        this.rpoTerms = List.copyOf(Objects.requireNonNull(b.rpoTerms,
                "RecoveryEstimate: rpoTerms must not be null (use an empty list)"));
        this.rpoUnboundedReason = b.rpoUnboundedReason;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The construct path the estimate belongs to. */
    public String source() {
        return source;
    }

    public DrStrategy strategy() {
        return strategy;
    }

    public List<EstimateTerm> rtoTerms() {
        return rtoTerms;
    }

    public List<EstimateTerm> rpoTerms() {
        return rpoTerms;
    }

    public Duration rto() {
        return rtoTerms.stream().map(EstimateTerm::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration rpo() {
        return rpoTerms.stream().map(EstimateTerm::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public boolean rpoBounded() {
        return rpoUnboundedReason == null;
    }

    /** Why the RPO has no bound, or null when it has one. */
    public String rpoUnboundedReason() {
        return rpoUnboundedReason;
    }

    public static final class Builder {
        private String source;
        private DrStrategy strategy;
        private List<EstimateTerm> rtoTerms = List.of();
        private List<EstimateTerm> rpoTerms = List.of();
        private String rpoUnboundedReason;

        private Builder() {
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder strategy(DrStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder rtoTerms(List<EstimateTerm> rtoTerms) {
            this.rtoTerms = rtoTerms;
            return this;
        }

        public Builder rpoTerms(List<EstimateTerm> rpoTerms) {
            this.rpoTerms = rpoTerms;
            return this;
        }

        public Builder rpoUnboundedReason(String reason) {
            this.rpoUnboundedReason = reason;
            return this;
        }

        public RecoveryEstimate build() {
            return new RecoveryEstimate(this);
        }
    }
}
