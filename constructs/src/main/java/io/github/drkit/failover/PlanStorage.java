package io.github.drkit.failover;

/** Where the {@link FailoverFunction} finds its plan. */
public enum PlanStorage {
    /** In the environment when the plan fits in Lambda's 4 KB of variables, else in an SSM parameter. */
    AUTO,
    /** Always the DRKIT_PLAN environment variable; synth fails if the plan may not fit. */
    ENVIRONMENT,
    /** Always an SSM parameter named by DRKIT_PLAN_PARAMETER. */
    PARAMETER
}
