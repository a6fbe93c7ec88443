package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.NoPermissions;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.internal.protection.Durations;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.EstimateTerms;
import io.github.drkit.plan.ApprovalPlan;
import java.util.List;
import software.amazon.awscdk.Duration;

/**
 * A manual approval: failover stops before the stage it guards, reports {@code WAITING_FOR_APPROVAL} (and notifies the
 * plan's topic), and goes on when invoked again with {@code "approve": "<stage>"} (CLI {@code --approve STAGE}). For
 * instance {@code ManualApproval.before("traffic", "Confirm the primary Region is down")}: data and compute recover
 * unattended, a person decides when users move. See docs/recovery-plan.md, {@code approval}.
 *
 * <p>The time a person takes to answer counts in the recovery time: {@code expectedWait} (15 minutes unless the
 * builder says otherwise) is an RTO term of the plan, so that a stack whose objective leaves no room for the approval
 * fails the synth-time check.
 */
public final class ManualApproval implements RecoveryStep {
    /** The response time assumed when none is declared: a paged on-call engineer reads, checks and answers. */
    public static final Duration DEFAULT_EXPECTED_WAIT = Duration.minutes(15);
    private static final String OWNER = "ManualApproval";

    private final String stage;
    private final String message;
    private final Duration expectedWait;

    private ManualApproval(Builder b) {
        this.stage = Checks.required(OWNER, "stage", b.stage);
        this.message = b.message;
        this.expectedWait = b.expectedWait == null ? DEFAULT_EXPECTED_WAIT : b.expectedWait;
        if (Durations.unresolved(expectedWait)) {
            throw new IllegalArgumentException(OWNER + ": expectedWait must be known at synth time, not a deploy-time token (got "
                    + expectedWait + "): the recovery time check adds it");
        }
        if (expectedWait.toSeconds().doubleValue() <= 0) {
            throw new IllegalArgumentException(OWNER + ": expectedWait must be greater than zero (got " + expectedWait.toHumanString()
                    + "): a person takes time to answer");
        }
        PlanRules.check(OWNER, () -> PlanRules.reader().check(toPlan()));
    }

    /** An approval before {@code stage} ({@code data}, {@code compute} or {@code traffic}). */
    public static ManualApproval before(String stage) {
        return builder().stage(stage).build();
    }

    /** An approval before {@code stage}, telling the approver what to check (one line, at most 1,024 characters). */
    public static ManualApproval before(String stage, String message) {
        return builder().stage(stage).message(Checks.required(OWNER, "message", message)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getMessage() {
        return message;
    }

    /** How long the approver is expected to take, as the RTO check counts it. */
    public Duration getExpectedWait() {
        return expectedWait;
    }

    @Override
    public ApprovalPlan toPlan() {
        return new ApprovalPlan(message);
    }

    @Override
    public String stage() {
        return stage;
    }

    /** The run waits for a person before the stage: the expected wait. */
    @Override
    public List<EstimateTerm> rtoTerms() {
        return List.of(EstimateTerms.approvalWait(stage, Durations.toJava(expectedWait),
                Durations.toJava(DEFAULT_EXPECTED_WAIT).equals(Durations.toJava(expectedWait)), OWNER + ".expectedWait"));
    }

    /** The runtime makes no AWS call for an approval; the notification goes through the plan's topic. */
    @Override
    public StepPermissions permissions() {
        return NoPermissions.INSTANCE;
    }

    public static final class Builder {
        private String stage;
        private String message;
        private Duration expectedWait;

        private Builder() {
        }

        /** The stage the approval guards: {@code data}, {@code compute} or {@code traffic}. Required. */
        public Builder stage(String v) {
            this.stage = v;
            return this;
        }

        /**
         * What the approver checks (one line, at most 1,024 characters).
         *
         * @default none
         */
        public Builder message(String v) {
            this.message = v;
            return this;
        }

        /**
         * How long a person takes to approve, from the notification to the second invocation: an RTO term of the plan.
         * Measure it in a drill; must be greater than zero and known at synth time.
         *
         * @default 15 minutes
         */
        public Builder expectedWait(Duration v) {
            this.expectedWait = v;
            return this;
        }

        public ManualApproval build() {
            return new ManualApproval(this);
        }
    }
}
