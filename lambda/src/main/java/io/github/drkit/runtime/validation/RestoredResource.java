package io.github.drkit.runtime.validation;

import java.util.Optional;

/**
 * The resource a restore job made, read from its ARN: what it is, where, and the name the describe call takes.
 *
 * @param kind the kind of resource, which decides the check
 * @param id   the identifier the service's describe call takes (DB identifier, volume id, instance id, table name)
 */
public record RestoredResource(Kind kind, String region, String id, String arn) {

    /** The kinds of restored resource the validator can check. */
    public enum Kind {
        DB_INSTANCE("RDS DB instance"),
        DB_CLUSTER("Aurora DB cluster"),
        EBS_VOLUME("EBS volume"),
        EC2_INSTANCE("EC2 instance"),
        DYNAMODB_TABLE("DynamoDB table"),
        S3_BUCKET("S3 bucket");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a report names the kind, e.g. "EBS volume". */
        public String label() {
            return label;
        }
    }

    /**
     * The resource an ARN names; empty for a kind the validator has no check for (an EFS file system, an FSx file system ...).
     *
     * @param region the Region of a resource whose ARN names none (an S3 bucket's): the restore job's
     */
    public static Optional<RestoredResource> of(String arn, String region) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return Optional.empty();
        }
        String service = parts[2];
        String resource = parts[5];
        if (service.equals("s3") && parts[3].isEmpty() && !resource.isEmpty() && !resource.contains("/")) {
            return region == null ? Optional.empty() : Optional.of(new RestoredResource(Kind.S3_BUCKET, region, resource, arn));
        }
        region = parts[3];
        Kind kind = null;
        String id = null;
        if (service.equals("rds") && resource.startsWith("db:")) {
            kind = Kind.DB_INSTANCE;
            id = resource.substring("db:".length());
        } else if (service.equals("rds") && resource.startsWith("cluster:")) {
            kind = Kind.DB_CLUSTER;
            id = resource.substring("cluster:".length());
        } else if (service.equals("ec2") && resource.startsWith("volume/")) {
            kind = Kind.EBS_VOLUME;
            id = resource.substring("volume/".length());
        } else if (service.equals("ec2") && resource.startsWith("instance/")) {
            kind = Kind.EC2_INSTANCE;
            id = resource.substring("instance/".length());
        } else if (service.equals("dynamodb") && resource.startsWith("table/") && !resource.contains("/backup/")
                && !resource.contains("/stream/")) {
            kind = Kind.DYNAMODB_TABLE;
            id = resource.substring("table/".length());
        }
        if (kind == null || id.isEmpty() || region.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RestoredResource(kind, region, id, arn));
    }

    /** "EBS volume vol-0abc in us-west-2". */
    public String describe() {
        return kind.label() + " " + id + " in " + region;
    }
}
