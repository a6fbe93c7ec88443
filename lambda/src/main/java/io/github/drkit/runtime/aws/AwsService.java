package io.github.drkit.runtime.aws;

import java.net.URI;
import java.util.Locale;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS services the recovery runtime calls, with what it takes to address and sign a request to each.
 *
 * <p>{@link #id()} is the name the report and the call log show, the same the AWS SDK uses for the service.
 * The endpoint is {@code https://<prefix>.<region>.<partition's DNS suffix>} (the SDK's partition metadata names
 * the suffix: {@code amazonaws.com}, {@code amazonaws.com.cn}, ...); {@code AWS_ENDPOINT_URL_<KEY>} and then
 * {@code AWS_ENDPOINT_URL} override it, as they do for the AWS SDKs and CLI.
 */
public enum AwsService {
    EC2("Ec2", "ec2", "ec2", "EC2"),
    AUTO_SCALING("AutoScaling", "autoscaling", "autoscaling", "AUTO_SCALING"),
    ELASTIC_LOAD_BALANCING("ElasticLoadBalancingV2", "elasticloadbalancing", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2"),
    RDS("Rds", "rds", "rds", "RDS"),
    SNS("Sns", "sns", "sns", "SNS"),
    SSM("Ssm", "ssm", "ssm", "SSM"),
    CLOUDWATCH("CloudWatch", "monitoring", "monitoring", "CLOUDWATCH"),
    /** Global: one endpoint per partition, signed for its home Region. */
    ROUTE53("Route53", "route53", "route53", "ROUTE_53");

    private final String id;
    private final String endpointPrefix;
    private final String signingName;
    private final String endpointKey;

    AwsService(String id, String endpointPrefix, String signingName, String endpointKey) {
        this.id = id;
        this.endpointPrefix = endpointPrefix;
        this.signingName = signingName;
        this.endpointKey = endpointKey;
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

    boolean isGlobal() {
        return this == ROUTE53;
    }

    /** The Region a request for {@code region} is signed for: the partition's home Region for a global service. */
    String signingRegion(String region) {
        return isGlobal() ? GlobalEndpoint.of(region).signingRegion() : region;
    }

    /** The service's public endpoint for {@code region}. */
    URI endpoint(String region) {
        if (isGlobal()) {
            return URI.create("https://" + GlobalEndpoint.of(region).host());
        }
        String suffix = PartitionMetadata.of(Region.of(region)).dnsSuffix();
        return URI.create("https://" + endpointPrefix + "." + region.toLowerCase(Locale.ROOT) + "." + suffix);
    }

    /** Route 53's one endpoint per partition, and the Region its calls are signed for. */
    private record GlobalEndpoint(String host, String signingRegion) {
        static GlobalEndpoint of(String region) {
            String partition = PartitionMetadata.of(Region.of(region)).id();
            return switch (partition) {
                case "aws" -> new GlobalEndpoint("route53.amazonaws.com", "us-east-1");
                case "aws-cn" -> new GlobalEndpoint("route53.amazonaws.com.cn", "cn-northwest-1");
                case "aws-us-gov" -> new GlobalEndpoint("route53.us-gov.amazonaws.com", "us-gov-west-1");
                default -> throw new IllegalStateException("no Route 53 endpoint is known for partition " + partition + " (Region "
                        + region + "); set AWS_ENDPOINT_URL_ROUTE_53");
            };
        }
    }
}
