package io.github.drkit.runtime.aws.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/** The RDS operations of a point-in-time restore from automated backups replicated to the recovery Region. */
public final class RdsPointInTimeApi {
    private static final int MAX_PAGES = 100;

    private final QueryProtocol query;

    public RdsPointInTimeApi(QueryProtocol query) {
        this.query = query;
    }

    /**
     * The automated backups in the Region of the instance {@code dbInstanceIdentifier}, replicated ones included. Lists
     * them all and keeps the instance's: RDS reads the {@code DBInstanceIdentifier} parameter as an instance of this
     * Region, which a replicated backup's instance is not.
     */
    public List<AutomatedBackup> automatedBackups(String region, String dbInstanceIdentifier) {
        return automatedBackups(region).stream().filter(b -> dbInstanceIdentifier.equalsIgnoreCase(b.dbInstanceIdentifier())).toList();
    }

    /**
     * Every automated backup in the Region, of every instance, replicated ones included: the one listing that serves any
     * number of instances of the Region (evaluate reads it once per Region).
     */
    public List<AutomatedBackup> automatedBackups(String region) {
        List<AutomatedBackup> backups = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Xml answer = query.call(region, "DescribeDBInstanceAutomatedBackups", Params.of().put("Marker", marker));
            for (Xml item : answer.all("DescribeDBInstanceAutomatedBackupsResult/DBInstanceAutomatedBackups/DBInstanceAutomatedBackup")) {
                backups.add(new AutomatedBackup(item.text("DBInstanceAutomatedBackupsArn"), item.text("DBInstanceIdentifier"),
                        item.text("Region"), item.text("Status"), time(item.text("RestoreWindow/EarliestTime")),
                        time(item.text("RestoreWindow/LatestTime"))));
            }
            marker = answer.text("DescribeDBInstanceAutomatedBackupsResult/Marker");
            if (marker == null || marker.isEmpty()) {
                return backups;
            }
        }
        throw new IllegalStateException("DescribeDBInstanceAutomatedBackups returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    /**
     * Starts restoring a new instance from automated backups to a point in time; returns its status after the call.
     *
     * @param restoreTime       the time to restore to; null for the latest restorable time
     * @param dbInstanceClass   null keeps the class of the source instance
     * @param dbSubnetGroupName null for the Region's default subnet group
     * @param securityGroupIds  the new instance's VPC security groups; empty for the VPC's default group
     * @param tags              tags the new instance gets, in order
     */
    public String restoreToPointInTime(String region, String dbInstanceIdentifier, String automatedBackupsArn, Instant restoreTime,
                                       String dbInstanceClass, String dbSubnetGroupName, List<String> securityGroupIds, Map<String, String> tags) {
        Params params = Params.of().put("SourceDBInstanceAutomatedBackupsArn", automatedBackupsArn)
                .put("TargetDBInstanceIdentifier", dbInstanceIdentifier)
                .put("RestoreTime", restoreTime == null ? null : restoreTime.toString())
                .put("UseLatestRestorableTime", restoreTime == null ? "true" : null)
                .put("DBInstanceClass", dbInstanceClass).put("DBSubnetGroupName", dbSubnetGroupName)
                .list(RdsApi.SECURITY_GROUP_IDS, securityGroupIds);
        int i = 1;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            params.put("Tags.Tag." + i + ".Key", tag.getKey()).put("Tags.Tag." + i + ".Value", tag.getValue());
            i++;
        }
        return query.call(region, "RestoreDBInstanceToPointInTime", params)
                .text("RestoreDBInstanceToPointInTimeResult/DBInstance/DBInstanceStatus");
    }

    private static Instant time(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }
}
