package io.github.drkit.plan;

/** Where the failover function finds its plan: the names both halves agree on. */
public final class PlanEnvironment {
    /** The environment variable that holds the plan's JSON when it fits in Lambda's 4 KB of variables. */
    public static final String PLAN = "DRKIT_PLAN";
    /** The environment variable that names the SSM parameter holding the plan's JSON otherwise. */
    public static final String PLAN_PARAMETER = "DRKIT_PLAN_PARAMETER";

    private PlanEnvironment() {
    }
}
