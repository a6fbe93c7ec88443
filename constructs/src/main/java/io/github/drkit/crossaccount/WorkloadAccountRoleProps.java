package io.github.drkit.crossaccount;

import io.github.drkit.failover.RecoveryStep;
import java.util.List;
import software.amazon.awscdk.Duration;

/** Props of {@link WorkloadAccountRole}. */
public final class WorkloadAccountRoleProps {
    private final String failoverRoleArn;
    private final String roleName;
    private final List<RecoveryStep> steps;
    private final String externalId;
    private final Duration maxSessionDuration;

    private WorkloadAccountRoleProps(Builder b) {
        this.failoverRoleArn = b.failoverRoleArn;
        this.roleName = b.roleName;
        this.steps = b.steps == null ? null : List.copyOf(b.steps);
        this.externalId = b.externalId;
        this.maxSessionDuration = b.maxSessionDuration;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getFailoverRoleArn() {
        return failoverRoleArn;
    }

    public String getRoleName() {
        return roleName;
    }

    public List<RecoveryStep> getSteps() {
        return steps;
    }

    /** @default none */
    public String getExternalId() {
        return externalId;
    }

    /** @default one hour */
    public Duration getMaxSessionDuration() {
        return maxSessionDuration;
    }

    public static final class Builder {
        private String failoverRoleArn;
        private String roleName;
        private List<RecoveryStep> steps;
        private String externalId;
        private Duration maxSessionDuration;

        private Builder() {
        }

        /**
         * The failover function's execution role, in the account the function runs in: the only principal the role trusts.
         * Required; give the function a fixed role name ({@code FailoverFunctionProps.roleName}) so that its ARN is known here.
         */
        public Builder failoverRoleArn(String v) {
            this.failoverRoleArn = v;
            return this;
        }

        /**
         * The role's name, fixed so that the failover stack, in another account, can name the role in its plan. Required.
         */
        public Builder roleName(String v) {
            this.roleName = v;
            return this;
        }

        /**
         * The steps whose resources live in this stack's account: the role may do exactly what they need, on their
         * resources, as the failover role would be granted for them in its own account. Required, at least one.
         */
        public Builder steps(List<? extends RecoveryStep> v) {
            this.steps = v == null ? null : List.copyOf(v);
            return this;
        }

        /**
         * An external id the trust policy asks for ({@code sts:ExternalId}); the plan's step carries it.
         *
         * @default none: the trust policy names the failover role alone
         */
        public Builder externalId(String v) {
            this.externalId = v;
            return this;
        }

        /**
         * How long a session may last: the runtime renews one five minutes before it expires.
         *
         * @default one hour
         */
        public Builder maxSessionDuration(Duration v) {
            this.maxSessionDuration = v;
            return this;
        }

        public WorkloadAccountRoleProps build() {
            return new WorkloadAccountRoleProps(this);
        }
    }
}
