package io.github.drkit.plan;

/** Where the failover function finds its plan: the names both halves agree on. */
public final class PlanEnvironment {
    /** The environment variable that holds the plan's JSON when it fits in Lambda's 4 KB of variables. */
    public static final String PLAN = "DRKIT_PLAN";
    /** The environment variable that names the SSM parameter holding the plan's JSON otherwise. */
    public static final String PLAN_PARAMETER = "DRKIT_PLAN_PARAMETER";
    /**
     * The environment variable that names the function's own account, so that the report shows the account of the calls
     * made with the function's own role beside those made in other accounts (a Lambda function's credentials do not say).
     */
    public static final String ACCOUNT = "DRKIT_ACCOUNT";

    private PlanEnvironment() {
    }
}
