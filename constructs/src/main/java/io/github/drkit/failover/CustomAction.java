package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.CustomActionPermissions;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.EstimateTerms;
import io.github.drkit.plan.InvokeFunctionKind;
import io.github.drkit.plan.InvokeFunctionPlan;
import io.github.drkit.plan.PlanWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * A custom action: a Lambda function the failover function invokes, synchronously, with a payload and an idempotency
 * key, in the stage it joins, on failover, failback or both. For the runbook steps no fixed kind expresses: a feature
 * flag, a queue to drain, a third-party DNS to change. The function receives the payload with a {@code drkit} object
 * added ({@code idempotencyKey}, {@code application}, {@code action}, {@code step}, {@code runId}); its answer goes into
 * the report, a function error fails the step (and stops the run after its stage). The failover role may invoke and
 * read that function only. See docs/recovery-plan.md, {@code invokeFunction}.
 */
public final class CustomAction implements RecoveryStep {
    /** When a custom action runs. */
    public enum RunOn {
        FAILOVER, FAILBACK, BOTH
    }

    private final IFunction function;
    private final Map<String, Object> payload;
    private final RunOn runOn;
    private final Duration timeout;
    private final int retries;
    private final String stage;

    private CustomAction(Builder b) {
        this.function = Checks.required("CustomAction", "function", b.function);
        this.payload = b.payload == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.payload));
        this.runOn = b.runOn == null ? RunOn.FAILOVER : b.runOn;
        this.timeout = b.timeout == null ? Duration.seconds(InvokeFunctionKind.DEFAULT_TIMEOUT_SECONDS) : b.timeout;
        this.retries = b.retries == null ? InvokeFunctionKind.DEFAULT_RETRIES : b.retries;
        this.stage = b.stage == null ? "traffic" : b.stage;
        if (Boolean.TRUE.equals(timeout.isUnresolved())) {
            // The plan carries the timeout as a number of seconds, and the recovery time check adds it on failover.
            throw new IllegalArgumentException("CustomAction: timeout must be known at synth time, not a deploy-time token (got "
                    + timeout + "): the plan bounds each attempt by it and the recovery time check adds it");
        }
        double seconds = timeout.toSeconds().doubleValue();
        if (seconds < 1 || seconds > InvokeFunctionKind.MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("CustomAction: timeout must be from 1 to " + InvokeFunctionKind.MAX_TIMEOUT_SECONDS
                    + " seconds, as long as a Lambda function may run (got " + timeout.toHumanString() + ")");
        }
        PlanRules.check("CustomAction", () -> PlanRules.reader().check(toPlan()));
    }

    public static Builder builder() {
        return new Builder();
    }

    public IFunction getFunction() {
        return function;
    }

    /** The function's ARN as the plan names it (a token until deploy time for a function of the same app). */
    public String functionArn() {
        return function.getFunctionArn();
    }

    public Map<String, Object> getPayload() {
        return payload;
    }

    public RunOn getRunOn() {
        return runOn;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public int getRetries() {
        return retries;
    }

    @Override
    public InvokeFunctionPlan toPlan() {
        return new InvokeFunctionPlan(functionArn(), PlanWriter.render(payload), InvokeFunctionPlan.RunOn.valueOf(runOn.name()),
                timeout.toSeconds().intValue(), retries);
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public StepPermissions permissions() {
        return CustomActionPermissions.INSTANCE;
    }

    /**
     * On failover, the action may take its whole timeout: the runtime bounds every attempt and the pauses between them by
     * it. An action that runs on failback only adds nothing to the failover.
     */
    @Override
    public List<EstimateTerm> rtoTerms() {
        if (runOn == RunOn.FAILBACK) {
            return List.of();
        }
        return List.of(EstimateTerms.customAction(function.getNode().getPath(), java.time.Duration.ofSeconds(timeout.toSeconds().longValue()),
                retries + 1, "CustomAction.timeout"));
    }

    public static final class Builder {
        private IFunction function;
        private Map<String, Object> payload;
        private RunOn runOn;
        private Duration timeout;
        private Integer retries;
        private String stage;

        private Builder() {
        }

        /** The function to invoke. Required. */
        public Builder function(IFunction v) {
            this.function = v;
            return this;
        }

        /**
         * What the function receives: JSON-shaped maps, lists, strings, numbers and booleans; at most 64 KiB as JSON, and no
         * {@code drkit} field (the runtime writes it).
         *
         * @default an empty object
         */
        public Builder payload(Map<String, ?> v) {
            this.payload = v == null ? null : new LinkedHashMap<>(v);
            return this;
        }

        /** @default {@link RunOn#FAILOVER} */
        public Builder runOn(RunOn v) {
            this.runOn = v;
            return this;
        }

        /**
         * How long all attempts of one invocation may take together (1 s to 15 min), within the run's deadline.
         *
         * @default 60 seconds
         */
        public Builder timeout(Duration v) {
            this.timeout = v;
            return this;
        }

        /**
         * How many times a failed invocation (a function error, or an error AWS may answer differently next time) is tried
         * again, with the same idempotency key: 0 to 5.
         *
         * @default 2
         */
        public Builder retries(Number v) {
            this.retries = v == null ? null : v.intValue();
            return this;
        }

        /**
         * The stage the action joins: {@code data}, {@code compute} or {@code traffic}. On failover it runs with that
         * stage's other steps; on failback, custom actions run after traffic and compute are back.
         *
         * @default "traffic"
         */
        public Builder stage(String v) {
            this.stage = v;
            return this;
        }

        public CustomAction build() {
            return new CustomAction(this);
        }
    }

    @Override
    public String toString() {
        return "CustomAction[" + functionArn() + ", " + stage + ", " + runOn + "]";
    }
}
