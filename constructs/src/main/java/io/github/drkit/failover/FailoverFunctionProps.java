package io.github.drkit.failover;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link FailoverFunction}. */
public final class FailoverFunctionProps {
    private final FailoverPlan plan;
    private final Code code;
    private final Number memorySize;
    private final Duration timeout;
    private final RetentionDays logRetention;
    private final ITopic notificationTopic;
    private final PlanStorage planStorage;
    private final Number reservedConcurrency;
    private final String functionName;
    private final Boolean readiness;
    private final Duration readinessInterval;
    private final IBucket auditBucket;
    private final String roleName;

    private FailoverFunctionProps(Builder b) {
        this.plan = b.plan;
        this.code = b.code;
        this.memorySize = b.memorySize;
        this.timeout = b.timeout;
        this.logRetention = b.logRetention;
        this.notificationTopic = b.notificationTopic;
        this.planStorage = b.planStorage;
        this.reservedConcurrency = b.reservedConcurrency;
        this.functionName = b.functionName;
        this.readiness = b.readiness;
        this.readinessInterval = b.readinessInterval;
        this.auditBucket = b.auditBucket;
        this.roleName = b.roleName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The plan the function carries out. Required. */
    public FailoverPlan getPlan() {
        return plan;
    }

    /** @default the drkit-lambda runtime embedded in this library */
    public Code getCode() {
        return code;
    }

    /** @default 1024 MB: the SDK clients initialise in about a second at this size, and SnapStart keeps them */
    public Number getMemorySize() {
        return memorySize;
    }

    /** @default the plan's healthTimeout plus 120 s, at most 900 s */
    public Duration getTimeout() {
        return timeout;
    }

    /** @default one year: the logs are the audit trail of each failover and drill */
    public RetentionDays getLogRetention() {
        return logRetention;
    }

    /** Gets every run report, the function's failures and its error alarm. @default a new KMS-encrypted topic */
    public ITopic getNotificationTopic() {
        return notificationTopic;
    }

    /** @default {@link PlanStorage#AUTO} */
    public PlanStorage getPlanStorage() {
        return planStorage;
    }

    /** @default 1: two failovers of one application never run at once */
    public Number getReservedConcurrency() {
        return reservedConcurrency;
    }

    /** @default a name CloudFormation generates */
    public String getFunctionName() {
        return functionName;
    }

    /** @default true: evaluate runs on a schedule, publishes its verdict and alarms on NOT_READY */
    public Boolean getReadiness() {
        return readiness;
    }

    /** @default 30 minutes */
    public Duration getReadinessInterval() {
        return readinessInterval;
    }

    /** @default a new bucket: encrypted, versioned, TLS only, access logged, reports archived after 90 days */
    public IBucket getAuditBucket() {
        return auditBucket;
    }

    /** @default a name CloudFormation generates */
    public String getRoleName() {
        return roleName;
    }

    public static final class Builder {
        private FailoverPlan plan;
        private Code code;
        private Number memorySize;
        private Duration timeout;
        private RetentionDays logRetention;
        private ITopic notificationTopic;
        private PlanStorage planStorage;
        private Number reservedConcurrency;
        private String functionName;
        private Boolean readiness;
        private Duration readinessInterval;
        private IBucket auditBucket;
        private String roleName;

        private Builder() {
        }

        /**
         * The plan the function carries out. Required.
         */
        public Builder plan(FailoverPlan v) {
            this.plan = v;
            return this;
        }

        /**
         * @default the drkit-lambda runtime embedded in this library
         */
        public Builder code(Code v) {
            this.code = v;
            return this;
        }

        /**
         * @default 1024 MB: the SDK clients initialise in about a second at this size, and SnapStart keeps them
         */
        public Builder memorySize(Number v) {
            this.memorySize = v;
            return this;
        }

        /**
         * @default the plan's healthTimeout plus 120 s, at most 900 s
         */
        public Builder timeout(Duration v) {
            this.timeout = v;
            return this;
        }

        /**
         * @default one year: the logs are the audit trail of each failover and drill
         */
        public Builder logRetention(RetentionDays v) {
            this.logRetention = v;
            return this;
        }

        /**
         * Gets every run report, the function's failures and its error alarm.
         *
         * @default a new KMS-encrypted topic
         */
        public Builder notificationTopic(ITopic v) {
            this.notificationTopic = v;
            return this;
        }

        /**
         * @default {@link PlanStorage#AUTO}
         */
        public Builder planStorage(PlanStorage v) {
            this.planStorage = v;
            return this;
        }

        /**
         * @default 1: two failovers of one application never run at once
         */
        public Builder reservedConcurrency(Number v) {
            this.reservedConcurrency = v;
            return this;
        }

        /**
         * @default a name CloudFormation generates
         */
        public Builder functionName(String v) {
            this.functionName = v;
            return this;
        }

        /**
         * Whether the function evaluates its plan on a schedule (EventBridge Scheduler invokes {@code evaluate}), publishes
         * the verdict as the metric {@code drkit/readiness ReadinessVerdict} (0 READY, 1 DEGRADED, 2 NOT_READY) and alarms
         * to the notification topic on NOT_READY. The role may make evaluate's reads whatever this says, so that an
         * operator can run evaluate by hand.
         *
         * @default true
         */
        public Builder readiness(Boolean v) {
            this.readiness = v;
            return this;
        }

        /**
         * How often the schedule runs evaluate: whole minutes, from 5 minutes to a day.
         *
         * @default 30 minutes, as Route 53 ARC Region switch evaluates its plans
         */
        public Builder readinessInterval(Duration v) {
            this.readinessInterval = v;
            return this;
        }

        /**
         * The bucket that keeps the JSON report of every run, under {@code <application>/}; the function may put
         * objects under that prefix only.
         *
         * @default a new bucket: SSE-S3, versioned, TLS only, blocked public access, access logged, reports moved to
         *          Glacier Flexible Retrieval after 90 days and retained
         */
        public Builder auditBucket(IBucket v) {
            this.auditBucket = v;
            return this;
        }

        /**
         * The execution role's name, fixed so that a role in a workload account can trust exactly this role
         * ({@code WorkloadAccountRole}'s failoverRoleArn).
         *
         * @default a name CloudFormation generates
         */
        public Builder roleName(String v) {
            this.roleName = v;
            return this;
        }

        public FailoverFunctionProps build() {
            return new FailoverFunctionProps(this);
        }
    }
}
