package io.github.drkit.runtime.aws.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/** The RDS operations a recovery needs. */
public final class RdsApi {
    private static final int MAX_PAGES = 100;
    /** RDS's query protocol names each member of {@code VpcSecurityGroupIds} {@code VpcSecurityGroupId}. */
    static final String SECURITY_GROUP_IDS = "VpcSecurityGroupIds.VpcSecurityGroupId";

    private final QueryProtocol query;

    public RdsApi(QueryProtocol query) {
        this.query = query;
    }

    /** The instance; an unknown one fails with error code {@code DBInstanceNotFound}. */
    public DbInstance describe(String region, String identifier) {
        Xml instance = query.call(region, "DescribeDBInstances", Params.of().put("DBInstanceIdentifier", identifier))
                .first("DescribeDBInstancesResult/DBInstances/DBInstance");
        if (instance == null) {
            throw new IllegalStateException("DescribeDBInstances answered without the instance " + identifier);
        }
        return instance(instance);
    }

    private static DbInstance instance(Xml instance) {
        Map<String, String> tags = new HashMap<>();
        instance.all("TagList/Tag").forEach(t -> tags.put(t.text("Key"), t.text("Value") == null ? "" : t.text("Value")));
        return new DbInstance(instance.text("DBInstanceIdentifier"), instance.text("DBInstanceArn"), instance.text("DBInstanceStatus"),
                instance.text("ReadReplicaSourceDBInstanceIdentifier"), tags);
    }

    public void addTag(String region, String resourceArn, String key, String value) {
        query.call(region, "AddTagsToResource", Params.of().put("ResourceName", resourceArn)
                .put("Tags.Tag.1.Key", key).put("Tags.Tag.1.Value", value));
    }

    /** Starts promoting a read replica to a standalone instance; returns the instance's status after the call. */
    public String promoteReadReplica(String region, String identifier) {
        return query.call(region, "PromoteReadReplica", Params.of().put("DBInstanceIdentifier", identifier))
                .text("PromoteReadReplicaResult/DBInstance/DBInstanceStatus");
    }

    /** The instance, or empty when there is none of that identifier in the Region. */
    public Optional<DbInstance> find(String region, String identifier) {
        try {
            return Optional.of(describe(region, identifier));
        } catch (AwsServiceError e) {
            if (e.is("DBInstanceNotFound", "DBInstanceNotFoundFault")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Every available snapshot of the instance in the Region, of every type (manual copies, automated, AWS Backup's),
     * newest data first. Pages through the answer: an instance copied hourly for a week has 168 of them.
     */
    public List<DbSnapshot> snapshots(String region, String dbInstanceIdentifier) {
        List<DbSnapshot> snapshots = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Xml answer = query.call(region, "DescribeDBSnapshots", Params.of().put("DBInstanceIdentifier", dbInstanceIdentifier)
                    .put("Marker", marker));
            for (Xml item : answer.all("DescribeDBSnapshotsResult/DBSnapshots/DBSnapshot")) {
                String original = item.text("OriginalSnapshotCreateTime");
                String own = item.text("SnapshotCreateTime");
                String time = original != null ? original : own;
                snapshots.add(new DbSnapshot(item.text("DBSnapshotIdentifier"), item.text("DBSnapshotArn"), item.text("DBInstanceIdentifier"),
                        item.text("Status"), item.text("SnapshotType"), time == null ? null : Instant.parse(time)));
            }
            marker = answer.text("DescribeDBSnapshotsResult/Marker");
            if (marker == null || marker.isEmpty()) {
                return snapshots;
            }
        }
        throw new IllegalStateException("DescribeDBSnapshots returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    /**
     * Starts restoring a new instance from a snapshot; returns the new instance's status after the call.
     *
     * @param dbInstanceClass   null keeps the class of the instance the snapshot was taken of
     * @param dbSubnetGroupName null for the Region's default subnet group
     * @param securityGroupIds  the new instance's VPC security groups; empty for the VPC's default group
     * @param tags              tags the new instance gets, in order
     */
    public String restoreFromSnapshot(String region, String dbInstanceIdentifier, String snapshotIdentifier, String dbInstanceClass,
                                      String dbSubnetGroupName, List<String> securityGroupIds, Map<String, String> tags) {
        Params params = Params.of().put("DBInstanceIdentifier", dbInstanceIdentifier).put("DBSnapshotIdentifier", snapshotIdentifier)
                .put("DBInstanceClass", dbInstanceClass).put("DBSubnetGroupName", dbSubnetGroupName)
                .list(SECURITY_GROUP_IDS, securityGroupIds);
        int i = 1;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            params.put("Tags.Tag." + i + ".Key", tag.getKey()).put("Tags.Tag." + i + ".Value", tag.getValue());
            i++;
        }
        return query.call(region, "RestoreDBInstanceFromDBSnapshot", params)
                .text("RestoreDBInstanceFromDBSnapshotResult/DBInstance/DBInstanceStatus");
    }

    /** The Aurora DB cluster, by identifier or ARN; an unknown one fails with error code {@code DBClusterNotFoundFault}. */
    public DbCluster cluster(String region, String identifierOrArn) {
        Xml cluster = query.call(region, "DescribeDBClusters", Params.of().put("DBClusterIdentifier", identifierOrArn))
                .first("DescribeDBClustersResult/DBClusters/DBCluster");
        if (cluster == null) {
            throw new IllegalStateException("DescribeDBClusters answered without the cluster " + identifierOrArn);
        }
        List<String> instances = cluster.all("DBClusterMembers/DBClusterMember").stream().map(m -> m.text("DBInstanceIdentifier")).toList();
        return new DbCluster(cluster.text("DBClusterIdentifier"), cluster.text("DBClusterArn"), cluster.text("Status"), cluster.text("Engine"),
                instances);
    }

    /**
     * The global database of this identifier (compared as RDS compares identifiers, ignoring case); empty when there is
     * none. Only the matching entry of the answer is read, whatever else the endpoint lists.
     */
    public Optional<GlobalCluster> globalCluster(String region, String identifier) {
        Xml answer;
        try {
            answer = query.call(region, "DescribeGlobalClusters", Params.of().put("GlobalClusterIdentifier", identifier));
        } catch (AwsServiceError e) {
            if (e.is("GlobalClusterNotFoundFault")) {
                return Optional.empty();
            }
            throw e;
        }
        String wanted = identifier.toLowerCase(Locale.ROOT);
        for (Xml global : answer.all("DescribeGlobalClustersResult/GlobalClusters/GlobalClusterMember")) {
            String id = global.text("GlobalClusterIdentifier");
            if (id != null && id.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(globalCluster(global));
            }
        }
        return Optional.empty();
    }

    private static GlobalCluster globalCluster(Xml global) {
        java.util.List<GlobalCluster.Member> members = global.all("GlobalClusterMembers/GlobalClusterMember").stream()
                .map(m -> new GlobalCluster.Member(m.text("DBClusterArn"), Boolean.TRUE.equals(m.bool("IsWriter")))).toList();
        Xml failover = global.first("FailoverState");
        GlobalCluster.FailoverState state = failover == null || failover.text("Status") == null ? null
                : new GlobalCluster.FailoverState(failover.text("Status"), failover.text("FromDbClusterArn"), failover.text("ToDbClusterArn"),
                        failover.bool("IsDataLossAllowed"));
        return new GlobalCluster(global.text("GlobalClusterIdentifier"), global.text("GlobalClusterArn"), global.text("Status"), members, state);
    }

    /**
     * Starts a planned switchover: the secondary {@code targetDbClusterArn} becomes the writer once it has caught up,
     * with no data lost. Needs the primary Region to answer. Returns the global cluster's status after the call.
     */
    public String switchoverGlobalCluster(String region, String globalClusterIdentifier, String targetDbClusterArn) {
        return query.call(region, "SwitchoverGlobalCluster", Params.of().put("GlobalClusterIdentifier", globalClusterIdentifier)
                .put("TargetDbClusterIdentifier", targetDbClusterArn)).text("SwitchoverGlobalClusterResult/GlobalCluster/Status");
    }

    /**
     * Starts the managed failover to {@code targetDbClusterArn}; with {@code allowDataLoss} it does not wait for the
     * primary (an unplanned failover, which loses what had not replicated). Returns the global cluster's status after
     * the call.
     */
    public String failoverGlobalCluster(String region, String globalClusterIdentifier, String targetDbClusterArn, boolean allowDataLoss) {
        Params params = Params.of().put("GlobalClusterIdentifier", globalClusterIdentifier).put("TargetDbClusterIdentifier", targetDbClusterArn);
        if (allowDataLoss) {
            params.put("AllowDataLoss", "true");
        }
        return query.call(region, "FailoverGlobalCluster", params).text("FailoverGlobalClusterResult/GlobalCluster/Status");
    }

    /**
     * Detaches {@code dbClusterArn} from the global database: it stops replicating and becomes a standalone cluster
     * that takes writes. It cannot rejoin; a new secondary must be created to protect it again.
     */
    public void removeFromGlobalCluster(String region, String globalClusterIdentifier, String dbClusterArn) {
        query.call(region, "RemoveFromGlobalCluster", Params.of().put("GlobalClusterIdentifier", globalClusterIdentifier)
                .put("DbClusterIdentifier", dbClusterArn));
    }
}
