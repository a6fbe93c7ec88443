package io.github.drkit.runtime.aws;

import java.net.URI;
import java.util.Locale;

/**
 * The AWS services the recovery runtime calls, with what it takes to address and sign a request to each.
 *
 * <p>{@link #id()} is the name the report and the call log show, the same the AWS SDK uses for the service.
 * The endpoint follows the public partition's pattern ({@code https://<prefix>.<region>.amazonaws.com}, with
 * {@code .amazonaws.com.cn} in the China Regions); {@code AWS_ENDPOINT_URL_<KEY>} and then
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
        if (!isGlobal()) {
            return region;
        }
        return region.startsWith("cn-") ? "cn-northwest-1" : "us-east-1";
    }

    /** The service's public endpoint for {@code region}. */
    URI endpoint(String region) {
        String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        String host = isGlobal() ? endpointPrefix + "." + suffix : endpointPrefix + "." + region.toLowerCase(Locale.ROOT) + "." + suffix;
        return URI.create("https://" + host);
    }
}
