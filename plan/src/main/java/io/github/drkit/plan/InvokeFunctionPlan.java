package io.github.drkit.plan;

/**
 * A custom action: a Lambda function the runtime invokes (synchronously) with {@code payload} and an idempotency key,
 * on failover, failback or both. Its answer goes into the report; an error answer fails the step.
 *
 * @param functionArn    the function's ARN, optionally with a version or alias
 * @param payload        the JSON object the function receives (as JSON text), to which the runtime adds {@code drkit}
 * @param runOn          which actions invoke it
 * @param timeoutSeconds how long all attempts of one invocation may take together, within the run's deadline
 * @param retries        how many times a failed invocation is tried again (with the same idempotency key)
 */
public record InvokeFunctionPlan(String functionArn, String payload, RunOn runOn, int timeoutSeconds, int retries, String path)
        implements PlanStep {
    /** A custom action written by a construct, before it has a place in a plan. */
    public InvokeFunctionPlan(String functionArn, String payload, RunOn runOn, int timeoutSeconds, int retries) {
        this(functionArn, payload, runOn, timeoutSeconds, retries, null);
    }

    /** Which actions invoke a custom action. */
    public enum RunOn {
        FAILOVER("failover"), FAILBACK("failback"), BOTH("both");

        private final String id;

        RunOn(String id) {
            this.id = id;
        }

        /** The value as the plan writes it. */
        public String id() {
            return id;
        }

        public boolean onFailover() {
            return this != FAILBACK;
        }

        public boolean onFailback() {
            return this != FAILOVER;
        }

        static RunOn parse(String field, String value) {
            for (RunOn runOn : values()) {
                if (runOn.id.equals(value)) {
                    return runOn;
                }
            }
            throw new PlanValidationException(field, "must be failover, failback or both (got '" + value + "')");
        }
    }

    @Override
    public String kind() {
        return InvokeFunctionKind.NAME;
    }

    /** The Region of the function, from its ARN; null while the ARN is a deploy-time placeholder. */
    @Override
    public String region() {
        java.util.regex.Matcher arn = InvokeFunctionKind.FUNCTION_ARN.matcher(functionArn);
        return arn.matches() ? arn.group(2) : null;
    }
}
