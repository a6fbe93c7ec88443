package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * {@code restoreDatabase}: restore an RDS DB instance in the recovery Region from a snapshot there, or to a point in time
 * from automated backups replicated there ({@link RestoreDatabasePlan}).
 */
public final class RestoreDatabaseKind implements StepKind<RestoreDatabasePlan> {
    public static final String NAME = "restoreDatabase";
    /** A year: a recovery point objective longer than the longest AWS Backup copy schedule is a typo. */
    public static final int MAX_RPO_SECONDS = 31_536_000;
    /** {@code source}: the latest snapshot in the recovery Region (or the latest at or before the operator's time); the default. */
    public static final String FROM_SNAPSHOT = "snapshot";
    /** {@code source}: a point in time from the source's automated backups replicated to the recovery Region. */
    public static final String FROM_POINT_IN_TIME = "pointInTime";
    private static final Pattern DB_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");
    private static final Pattern DB_CLASS = Pattern.compile("db\\.[a-z0-9-]+\\.[a-z0-9]+");
    /**
     * The security groups a restored instance may take: RDS puts them on the instance's network interface, which holds
     * at most 5 by default (EC2's adjustable quota of security groups per network interface).
     */
    public static final int MAX_VPC_SECURITY_GROUPS = 5;
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern SUBNET_GROUP = Pattern.compile("[A-Za-z0-9 ._-]{1,255}");
    private static final String IDENTIFIER_RULE = "must be an RDS DB instance identifier: 1-63 letters, digits or '-', starting with a letter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RestoreDatabasePlan> type() {
        return RestoreDatabasePlan.class;
    }

    @Override
    public RestoreDatabasePlan read(Fields db, StepContext context) {
        String region = context.region(db, "region");
        String sourceId = db.requiredMatching("sourceDbInstanceIdentifier", DB_IDENTIFIER, IDENTIFIER_RULE);
        String target = db.requiredMatching("dbInstanceIdentifier", DB_IDENTIFIER, IDENTIFIER_RULE);
        String dbClass = db.optionalMatching("dbInstanceClass", DB_CLASS, "must be an RDS DB instance class such as db.r6g.large");
        String subnetGroup = db.optionalMatching("dbSubnetGroupName", SUBNET_GROUP, "must be a DB subnet group name: 1-255 letters, digits,"
                + " spaces, '.', '_' or '-'");
        List<String> securityGroups = securityGroups(db);
        Integer rpo = db.optionalInt("rpoSeconds", 1, MAX_RPO_SECONDS);
        String source = db.optionalString("source");
        if (source != null && !db.isUnresolved(source) && !source.equals(FROM_SNAPSHOT) && !source.equals(FROM_POINT_IN_TIME)) {
            throw new PlanValidationException(db.child("source"), "must be " + FROM_SNAPSHOT + " (the latest snapshot in the Region) or "
                    + FROM_POINT_IN_TIME + " (a point in time from the automated backups replicated to the Region) (got '" + source + "')");
        }
        db.finish();
        if (!db.isUnresolved(sourceId) && !db.isUnresolved(target) && sourceId.equalsIgnoreCase(target)) {
            throw new PlanValidationException(db.child("dbInstanceIdentifier"), "must differ from sourceDbInstanceIdentifier (both are '"
                    + target + "'): the restore creates a new instance and never replaces one");
        }
        return new RestoreDatabasePlan(region, sourceId, target, dbClass, subnetGroup, securityGroups, rpo, source, db.path());
    }

    /** {@code vpcSecurityGroupIds}: 1 to 5 distinct group ids when present (left out, RDS gives the VPC's default group). */
    private static List<String> securityGroups(Fields db) {
        List<String> ids = db.list("vpcSecurityGroupIds", (element, elementPath) -> {
            String id = Fields.text(element);
            if (id == null || !db.isUnresolved(id) && !SECURITY_GROUP_ID.matcher(id).matches()) {
                throw new PlanValidationException(elementPath, "must be a VPC security group id, sg- and 8 or 17 hex digits (got "
                        + Fields.describe(element) + ")");
            }
            return id;
        });
        if (db.has("vpcSecurityGroupIds") && ids.isEmpty()) {
            throw new PlanValidationException(db.child("vpcSecurityGroupIds"), "must list at least one security group id, or be left out "
                    + "for the VPC's default group (got [])");
        }
        if (ids.size() > MAX_VPC_SECURITY_GROUPS) {
            throw new PlanValidationException(db.child("vpcSecurityGroupIds"), "must list at most " + MAX_VPC_SECURITY_GROUPS
                    + " security groups, the default quota of groups per network interface (got " + ids.size() + ")");
        }
        for (int i = 0; i < ids.size(); i++) {
            int first = ids.indexOf(ids.get(i));
            if (first != i) {
                throw new PlanValidationException(db.child("vpcSecurityGroupIds") + "[" + i + "]", "must name each security group once ("
                        + ids.get(i) + " is also vpcSecurityGroupIds[" + first + "])");
            }
        }
        return ids;
    }

    @Override
    public Map<String, Object> write(RestoreDatabasePlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("sourceDbInstanceIdentifier", step.sourceDbInstanceIdentifier());
        m.put("dbInstanceIdentifier", step.dbInstanceIdentifier());
        if (step.dbInstanceClass() != null) {
            m.put("dbInstanceClass", step.dbInstanceClass());
        }
        if (step.dbSubnetGroupName() != null) {
            m.put("dbSubnetGroupName", step.dbSubnetGroupName());
        }
        if (!step.vpcSecurityGroupIds().isEmpty()) {
            m.put("vpcSecurityGroupIds", new ArrayList<>(step.vpcSecurityGroupIds()));
        }
        if (step.rpoSeconds() != null) {
            m.put("rpoSeconds", step.rpoSeconds());
        }
        if (step.pointInTime()) {
            m.put("source", step.source());
        }
        return m;
    }

    /** RDS identifiers are case-insensitive: two steps creating one instance would race. */
    @Override
    public void checkAcross(List<RestoreDatabasePlan> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.dbInstanceIdentifier().toLowerCase(java.util.Locale.ROOT),
                RestoreDatabasePlan::path, "dbInstanceIdentifier", "restored database");
    }

    /** Failback never deletes what a restore created: a person decides when the restored instance goes. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.empty();
    }
}
