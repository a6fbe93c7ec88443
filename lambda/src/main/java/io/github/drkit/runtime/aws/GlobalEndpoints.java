package io.github.drkit.runtime.aws;

import java.net.URI;
import java.util.Map;

import software.amazon.awssdk.regions.PartitionEndpointKey;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.EndpointTag;
import software.amazon.awssdk.regions.Region;

/**
 * The global services' one endpoint per partition (Route 53 and IAM), in their four variants, and the Region their
 * calls are signed for. The DNS suffixes come from the SDK's partition metadata; the shape of each host is the
 * service's own (Route 53's endpoint rules name {@code route53.global.api.aws} for dual-stack in the commercial
 * partition, IAM keeps its China endpoint in cn-north-1, GovCloud has one FIPS endpoint for both, ...).
 * {@code EndpointsConformanceTest} holds the result to the SDK's endpoint rules for every Region.
 */
final class GlobalEndpoints {
    /**
     * Per partition: the host templates for standard, FIPS, dual-stack, FIPS and dual-stack ({@code {S}} the DNS
     * suffix, {@code {D}} the dual-stack DNS suffix), then the signing Region.
     */
    private static final Map<String, String[]> ROUTE53 = Map.of(
            "aws", new String[] {"route53.{S}", "route53-fips.{S}", "route53.global.{D}", "route53-fips.global.{D}", "us-east-1"},
            "aws-cn", new String[] {"route53.{S}", "route53-fips.{S}", "route53.global.{D}", "route53-fips.{D}", "cn-northwest-1"},
            "aws-eusc", new String[] {"route53.{S}", "route53-fips.{S}", "route53.global.{D}", "route53-fips.{D}", "eusc-de-east-1"},
            "aws-us-gov", new String[] {"route53.us-gov.{S}", "route53.us-gov.{S}", "route53.us-gov.{D}", "route53.us-gov.{D}", "us-gov-west-1"},
            "aws-iso", new String[] {"route53.{S}", "route53-fips.{S}", "route53.{D}", "route53-fips.{D}", "us-iso-east-1"},
            "aws-iso-b", new String[] {"route53.{S}", "route53-fips.{S}", "route53.{D}", "route53-fips.{D}", "us-isob-east-1"},
            "aws-iso-e", new String[] {"route53.{S}", "route53-fips.{S}", "route53.{D}", "route53-fips.{D}", "eu-isoe-west-1"},
            "aws-iso-f", new String[] {"route53.{S}", "route53-fips.{S}", "route53.{D}", "route53-fips.{D}", "us-isof-south-1"});

    /** IAM: same layout as {@link #ROUTE53}; outside the commercial partition its standard host names its home Region. */
    private static final Map<String, String[]> IAM = Map.of(
            "aws", new String[] {"iam.{S}", "iam-fips.{S}", "iam.global.{D}", "iam-fips.global.{D}", "us-east-1"},
            "aws-cn", new String[] {"iam.cn-north-1.{S}", "iam-fips.{S}", "iam.global.{D}", "iam-fips.{D}", "cn-north-1"},
            "aws-eusc", new String[] {"iam.eusc-de-east-1.{S}", "iam-fips.{S}", "iam.global.{D}", "iam-fips.{D}", "eusc-de-east-1"},
            "aws-us-gov", new String[] {"iam.us-gov.{S}", "iam.us-gov.{S}", "iam.us-gov.{D}", "iam.us-gov.{D}", "us-gov-west-1"},
            "aws-iso", new String[] {"iam.us-iso-east-1.{S}", "iam-fips.us-iso-east-1.{S}", "iam.{D}", "iam-fips.{D}", "us-iso-east-1"},
            "aws-iso-b", new String[] {"iam.us-isob-east-1.{S}", "iam-fips.us-isob-east-1.{S}", "iam.{D}", "iam-fips.{D}", "us-isob-east-1"},
            "aws-iso-e", new String[] {"iam.eu-isoe-west-1.{S}", "iam-fips.{S}", "iam.{D}", "iam-fips.{D}", "eu-isoe-west-1"},
            "aws-iso-f", new String[] {"iam.us-isof-south-1.{S}", "iam-fips.{S}", "iam.{D}", "iam-fips.{D}", "us-isof-south-1"});

    private GlobalEndpoints() {
    }

    static URI endpoint(AwsService service, String region, boolean fips, boolean dualStack) {
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        String template = row(service, partition, region)[(fips ? 1 : 0) + (dualStack ? 2 : 0)];
        String dualStackSuffix = partition.dnsSuffix(PartitionEndpointKey.builder().tags(EndpointTag.DUALSTACK).build());
        return URI.create("https://" + template.replace("{S}", partition.dnsSuffix()).replace("{D}", dualStackSuffix));
    }

    static String signingRegion(AwsService service, String region) {
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        return row(service, partition, region)[4];
    }

    private static String[] row(AwsService service, PartitionMetadata partition, String region) {
        Map<String, String[]> table = switch (service) {
            case ROUTE53 -> ROUTE53;
            case IAM -> IAM;
            default -> throw new IllegalArgumentException(service.id() + " is not a global service");
        };
        String[] row = table.get(partition.id());
        if (row == null) {
            throw new IllegalStateException("no " + service.id() + " endpoint is known for partition " + partition.id() + " (Region " + region
                    + "); set AWS_ENDPOINT_URL_" + service.endpointKey());
        }
        return row;
    }
}
