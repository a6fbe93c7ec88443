package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** {@code failoverGlobalDatabase}: make an Aurora global database's secondary cluster the writer ({@link GlobalDatabasePlan}). */
public final class FailoverGlobalDatabaseKind implements StepKind<GlobalDatabasePlan> {
    public static final String NAME = "failoverGlobalDatabase";
    /** RDS cluster identifiers: 1-63 letters, digits or hyphens, a letter first, no hyphen last and no two in a row. */
    static final Pattern CLUSTER_IDENTIFIER = Pattern.compile("[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}(?<!-)");
    static final String CLUSTER_IDENTIFIER_RULE = "1-63 letters, digits or '-', starting with a letter, not ending with '-', no '--'";
    private static final Pattern CLUSTER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:rds:([a-z0-9-]+):\\d{12}:cluster:[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}(?<!-)");
    /**
     * The step's RPO takes the plan's declared RPO as the constructs write it, so it has the declared objective's range
     * (a year); the lag at promotion is compared with it.
     */
    static final int MAX_RPO_SECONDS = PlanObjectives.MAX_SECONDS;
    /** The longest wait for the promotion: an hour. */
    static final int MAX_TIMEOUT_SECONDS = 3_600;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GlobalDatabasePlan> type() {
        return GlobalDatabasePlan.class;
    }

    @Override
    public GlobalDatabasePlan read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String global = step.requiredMatching("globalClusterIdentifier", CLUSTER_IDENTIFIER,
                "must be an Aurora global cluster identifier: " + CLUSTER_IDENTIFIER_RULE);
        String cluster = step.requiredString("dbClusterIdentifier");
        if (!context.isUnresolved(cluster)) {
            if (cluster.startsWith("arn:")) {
                requireArnRegion(step, context, "dbClusterIdentifier", cluster, region, true);
            } else if (!CLUSTER_IDENTIFIER.matcher(cluster).matches()) {
                throw new PlanValidationException(step.child("dbClusterIdentifier"), "must be an Aurora DB cluster identifier ("
                        + CLUSTER_IDENTIFIER_RULE + ") or its ARN, arn:aws:rds:<region>:<account>:cluster:<id> (got '" + cluster + "')");
            }
        }
        String primary = step.optionalString("primaryDbClusterArn");
        if (primary != null && !context.isUnresolved(primary)) {
            requireArnRegion(step, context, "primaryDbClusterArn", primary, region, false);
        }
        Integer rpo = step.optionalInt("rpoSeconds", 0, MAX_RPO_SECONDS);
        Integer timeout = step.optionalInt("timeoutSeconds", 1, MAX_TIMEOUT_SECONDS);
        step.finish();
        return new GlobalDatabasePlan(region, global, cluster, primary, rpo,
                timeout == null ? GlobalDatabasePlan.DEFAULT_TIMEOUT_SECONDS : timeout, step.path());
    }

    /**
     * Checks an Aurora cluster ARN and its Region: the secondary's must be the step's Region, the primary's another.
     */
    private static void requireArnRegion(Fields step, StepContext context, String field, String arn, String region, boolean same) {
        if (!CLUSTER_ARN.matcher(arn).matches()) {
            throw new PlanValidationException(step.child(field), "must be an Aurora DB cluster ARN, arn:aws:rds:<region>:<account>:cluster:<id>"
                    + " with an identifier of " + CLUSTER_IDENTIFIER_RULE + " (got '" + arn + "')");
        }
        String arnRegion = context.knownRegion(step.child(field), context.arnRegion(CLUSTER_ARN, arn));
        if (context.isUnresolved(region)) {
            return;
        }
        if (same && !arnRegion.equals(region)) {
            throw new PlanValidationException(step.child(field), "is in " + arnRegion + " but the step's region is " + region
                    + ": the secondary cluster is the one in the Region failover moves to (got '" + arn + "')");
        }
        if (!same && arnRegion.equals(region)) {
            throw new PlanValidationException(step.child(field), "is in " + region + ", the Region of the secondary cluster:"
                    + " the primary cluster of a global database runs in another Region (got '" + arn + "')");
        }
    }

    @Override
    public Map<String, Object> write(GlobalDatabasePlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("globalClusterIdentifier", step.globalClusterIdentifier());
        m.put("dbClusterIdentifier", step.dbClusterIdentifier());
        if (step.primaryDbClusterArn() != null) {
            m.put("primaryDbClusterArn", step.primaryDbClusterArn());
        }
        if (step.rpoSeconds() != null) {
            m.put("rpoSeconds", step.rpoSeconds());
        }
        m.put("timeoutSeconds", step.timeoutSeconds());
        return m;
    }

    @Override
    public void checkAcross(List<GlobalDatabasePlan> steps) {
        Uniqueness.unique(steps, s -> s.globalClusterIdentifier().toLowerCase(java.util.Locale.ROOT), GlobalDatabasePlan::path,
                "globalClusterIdentifier", "global cluster");
    }

    /**
     * The writer moves back first, while traffic is still in the recovery Region: if the switchover back fails, the run
     * stops with traffic where the writer is.
     */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(5);
    }
}
