package io.github.drkit.runtime.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.DbCluster;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.EbsVolume;
import io.github.drkit.runtime.aws.api.TableStatistics;

/**
 * The cheap check of each kind of restored resource: one describe call, read as ready, settling or unusable. A
 * restore test proves that a recovery point becomes a usable resource; these checks say whether the service
 * considers it usable, not whether the application's data in it is right.
 */
final class ResourceChecks {
    /** RDS instance statuses a fresh restore passes through on its way to available. */
    private static final Set<String> DB_SETTLING = Set.of("creating", "backing-up", "modifying", "configuring-enhanced-monitoring",
            "configuring-iam-database-auth", "configuring-log-exports", "rebooting", "renaming", "resetting-master-credentials",
            "starting", "storage-optimization", "upgrading", "maintenance");
    /** Aurora cluster statuses a fresh restore passes through on its way to available. */
    private static final Set<String> CLUSTER_SETTLING = Set.of("creating", "backing-up", "modifying", "migrating",
            "preparing-data-migration", "renaming", "resetting-master-credentials", "starting", "upgrading", "maintenance");

    private ResourceChecks() {
    }

    /** What the describe call of the resource's kind finds; a service error other than "not found" is thrown. */
    static Observation look(AwsClients aws, RestoredResource resource) {
        return switch (resource.kind()) {
            case DB_INSTANCE -> dbInstance(aws.rds().find(resource.region(), resource.id()));
            case DB_CLUSTER -> dbCluster(aws, resource);
            case EBS_VOLUME -> volume(aws.ec2Volumes().volume(resource.region(), resource.id()).map(EbsVolume::state).orElse(null));
            case EC2_INSTANCE -> instance(aws.ec2().instanceStates(resource.region(), List.of(resource.id())).get(resource.id()));
            case DYNAMODB_TABLE -> table(aws.dynamoDb().tableStatistics(resource.region(), resource.id()));
            case S3_BUCKET -> bucket(aws.s3().firstKeyCount(resource.region(), resource.id()));
        };
    }

    /** The operation each kind's check calls, as the report and the permission table name it. */
    static String operation(RestoredResource.Kind kind) {
        return switch (kind) {
            case DB_INSTANCE -> "Rds DescribeDBInstances";
            case DB_CLUSTER -> "Rds DescribeDBClusters";
            case EBS_VOLUME -> "Ec2 DescribeVolumes";
            case EC2_INSTANCE -> "Ec2 DescribeInstances";
            case DYNAMODB_TABLE -> "DynamoDb DescribeTable";
            case S3_BUCKET -> "S3 ListObjectsV2";
        };
    }

    private static Observation dbInstance(Optional<DbInstance> instance) {
        if (instance.isEmpty()) {
            return Observation.missing();
        }
        String status = instance.get().status();
        return byStatus(status, "available".equals(status), DB_SETTLING.contains(status));
    }

    private static Observation dbCluster(AwsClients aws, RestoredResource resource) {
        DbCluster cluster;
        try {
            cluster = aws.rds().cluster(resource.region(), resource.id());
        } catch (AwsServiceError e) {
            if (e.is("DBClusterNotFoundFault")) {
                return Observation.missing();
            }
            throw e;
        }
        String status = cluster.status();
        return byStatus(status, "available".equals(status), CLUSTER_SETTLING.contains(status));
    }

    private static Observation volume(String state) {
        if (state == null) {
            return Observation.missing();
        }
        // A restored volume is detached (available); one already attached (in-use) was restored as well.
        return byStatus(state, state.equals("available") || state.equals("in-use"), state.equals("creating"));
    }

    private static Observation instance(String state) {
        if (state == null) {
            return Observation.missing();
        }
        return byStatus(state, state.equals("running"), state.equals("pending"));
    }

    private static Observation table(Optional<TableStatistics> table) {
        if (table.isEmpty()) {
            return Observation.missing();
        }
        TableStatistics t = table.get();
        String found = "status " + t.status() + (t.itemCount() == null ? ", no item count in the answer"
                : ", " + t.itemCount() + " items and " + t.sizeBytes() + " bytes as DynamoDB last counted them (about every six hours)");
        if ("ACTIVE".equals(t.status())) {
            return t.itemCount() != null ? Observation.ready(found) : Observation.unusable(found);
        }
        boolean settling = "CREATING".equals(t.status()) || "UPDATING".equals(t.status());
        return settling ? Observation.settling(found) : Observation.unusable(found);
    }

    private static Observation bucket(Optional<Integer> firstKeys) {
        if (firstKeys.isEmpty()) {
            return Observation.missing();
        }
        return Observation.ready(firstKeys.get() == 0 ? "it exists and lists no object" : "it exists and lists its objects");
    }

    private static Observation byStatus(String status, boolean ready, boolean settling) {
        String found = "status " + status;
        return ready ? Observation.ready(found) : settling ? Observation.settling(found) : Observation.unusable(found);
    }

    /** The kinds and how a report names what they check, for messages about types without a check. */
    static String supported() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : Map.of("RDS", "DB instances", "Aurora", "DB clusters", "EBS", "volumes", "EC2", "instances",
                "DynamoDB", "tables", "S3", "buckets").entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        return out.toString();
    }
}
