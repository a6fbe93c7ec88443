package io.github.drkit.runtime.aws.api;

import java.util.HashMap;
import java.util.Map;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/** The RDS operations a recovery needs. */
public final class RdsApi {
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
}
