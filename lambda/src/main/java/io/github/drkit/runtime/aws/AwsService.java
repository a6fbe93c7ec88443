package io.github.drkit.runtime.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.regions.EndpointTag;
import software.amazon.awssdk.regions.PartitionEndpointKey;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceEndpointKey;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * The AWS services the recovery runtime (and the archive catalog's inventory search) calls, with what it takes to address and sign a request to each.
 *
 * <p>{@link #id()} is the name the report and the call log show, the same the AWS SDK uses for the service.
 * Endpoints come from the AWS SDK's own endpoint metadata (the {@code regions} module), standard, FIPS and
 * dual-stack, in every partition; {@link EndpointResolver} decides which one a call uses.
 */
public enum AwsService {
    EC2("Ec2", "ec2", "ec2", "EC2", "ec2"),
    AUTO_SCALING("AutoScaling", "autoscaling", "autoscaling", "AUTO_SCALING", "auto_scaling"),
    ELASTIC_LOAD_BALANCING("ElasticLoadBalancingV2", "elasticloadbalancing", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2",
            "elastic_load_balancing_v2"),
    RDS("Rds", "rds", "rds", "RDS", "rds"),
    SNS("Sns", "sns", "sns", "SNS", "sns"),
    SSM("Ssm", "ssm", "ssm", "SSM", "ssm"),
    CLOUDWATCH("CloudWatch", "monitoring", "monitoring", "CLOUDWATCH", "cloudwatch"),
    /** Only for the audit trail: every run's report put in a bucket, addressed path-style. */
    S3("S3", "s3", "s3", "S3", "s3"),
    /** Only for readiness: the recovery Region's quotas against the recovery capacity. */
    SERVICE_QUOTAS("ServiceQuotas", "servicequotas", "servicequotas", "SERVICE_QUOTAS", "service_quotas"),
    DYNAMODB("DynamoDb", "dynamodb", "dynamodb", "DYNAMODB", "dynamodb"),
    ECS("Ecs", "ecs", "ecs", "ECS", "ecs"),
    EKS("Eks", "eks", "eks", "EKS", "eks"),
    LAMBDA("Lambda", "lambda", "lambda", "LAMBDA", "lambda"),
    /** Global: one endpoint per partition, signed for its home Region. */
    ROUTE53("Route53", "route53", "route53", "ROUTE_53", "route_53"),
    /** Only for readiness: the function's role simulated against the plan's calls. Global like Route 53. */
    IAM("Iam", "iam", "iam", "IAM", "iam"),
    /** Web identity credentials (AssumeRoleWithWebIdentity) and the sessions of roles in other accounts (AssumeRole), in the Region of the process. */
    STS("Sts", "sts", "sts", "STS", "sts"),
    /** The archive catalog's inventory search: SQL over the S3 Inventory report. */
    ATHENA("Athena", "athena", "athena", "ATHENA", "athena"),
    /** The archive catalog's inventory search: where the inventory table's files are. */
    GLUE("Glue", "glue", "glue", "GLUE", "glue"),
    /** Restores through AWS Backup and the restore-testing validation result. */
    BACKUP("Backup", "backup", "backup", "BACKUP", "backup");

    private final String id;
    private final String endpointPrefix;
    private final String signingName;
    private final String endpointKey;
    private final String profileKey;

    AwsService(String id, String endpointPrefix, String signingName, String endpointKey, String profileKey) {
        this.id = id;
        this.endpointPrefix = endpointPrefix;
        this.signingName = signingName;
        this.endpointKey = endpointKey;
        this.profileKey = profileKey;
    }

    /** The service's name in the report, e.g. {@code Ec2}. */
    public String id() {
        return id;
    }

    String signingName() {
        return signingName;
    }

    /** The suffix of the service's own endpoint variable, {@code AWS_ENDPOINT_URL_<key>}. */
    String endpointKey() {
        return endpointKey;
    }

    /** The service's key in a shared config file's {@code [services ...]} section, e.g. {@code route_53}. */
    String profileKey() {
        return profileKey;
    }

    boolean isGlobal() {
        return this == ROUTE53 || this == IAM;
    }

    /** The Region a request for {@code region} is signed for: the partition's home Region for a global service. */
    String signingRegion(String region) {
        return isGlobal() ? GlobalEndpoints.signingRegion(this, region) : region;
    }

    /** The service's public endpoint for {@code region}. */
    URI endpoint(String region) {
        return endpoint(region, false, false);
    }

    /**
     * The service's public endpoint for {@code region}, FIPS and dual-stack as the SDK's endpoint metadata names them.
     * Where that metadata and the SDK's endpoint rules (what the SDK's clients use) disagree, the rules win; the
     * exceptions are listed in {@link #ruleException}.
     */
    URI endpoint(String region, boolean fips, boolean dualStack) {
        if (isGlobal()) {
            return GlobalEndpoints.endpoint(this, region, fips, dualStack);
        }
        Region target = Region.of(region);
        String exception = ruleException(target, fips, dualStack);
        if (exception != null) {
            return URI.create("https://" + exception);
        }
        List<EndpointTag> tags = new ArrayList<>();
        if (fips) {
            tags.add(EndpointTag.FIPS);
        }
        if (dualStack) {
            tags.add(EndpointTag.DUALSTACK);
        }
        return URI.create("https://" + ServiceMetadata.of(endpointPrefix).endpointFor(ServiceEndpointKey.builder().region(target).tags(tags).build()));
    }

    /**
     * Hosts where the SDK's endpoint rules differ from its endpoints metadata (SDK 2.57): RDS FIPS in the ISO
     * partitions follows the partition's FIPS pattern, CloudWatch FIPS dual-stack in GovCloud is its dual-stack
     * endpoint, and S3 keeps its own dual-stack pattern ({@code s3.dualstack.<region>}) in every partition, its Regional
     * endpoint in us-east-1, and no FIPS endpoint in China; DynamoDB FIPS in GovCloud is its standard endpoint. Null when the metadata is right.
     */
    private String ruleException(Region region, boolean fips, boolean dualStack) {
        PartitionMetadata partition = PartitionMetadata.of(region);
        if (this == S3) {
            if (fips && partition.id().equals("aws-cn")) {
                throw new IllegalStateException("S3 has no FIPS endpoint in partition aws-cn (Region " + region.id() + ")");
            }
            if (dualStack) {
                return "s3" + (fips ? "-fips" : "") + ".dualstack." + region.id() + "." + partition.dnsSuffix();
            }
            if (!fips && region.id().equals("us-east-1")) {
                return "s3.us-east-1." + partition.dnsSuffix();
            }
        }
        if (this == RDS && fips && !dualStack && (partition.id().equals("aws-iso") || partition.id().equals("aws-iso-b"))) {
            return "rds-fips." + region.id() + "." + partition.dnsSuffix();
        }
        if (this == DYNAMODB && fips && !dualStack && partition.id().equals("aws-us-gov")) {
            // DynamoDB's standard GovCloud endpoints are FIPS endpoints already; the rules send FIPS calls there.
            return "dynamodb." + region.id() + "." + partition.dnsSuffix();
        }
        if (this == CLOUDWATCH && fips && dualStack && partition.id().equals("aws-us-gov")) {
            return "monitoring." + region.id() + "." + partition.dnsSuffix(PartitionEndpointKey.builder().tags(EndpointTag.DUALSTACK).build());
        }
        return null;
    }
}
