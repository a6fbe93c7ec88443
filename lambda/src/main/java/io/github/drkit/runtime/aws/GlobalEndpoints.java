package io.github.drkit.runtime.aws;

import java.net.URI;
import java.util.Map;

import software.amazon.awssdk.regions.PartitionEndpointKey;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.EndpointTag;
import software.amazon.awssdk.regions.Region;

/**
 * Route 53's one endpoint per partition, in its four variants, and the Region its calls are signed for. The DNS
 * suffixes come from the SDK's partition metadata; the shape of each host is Route 53's own (its endpoint rules
 * name {@code route53.global.api.aws} for dual-stack in the commercial partition, keep GovCloud on its one FIPS
 * endpoint, ...). {@code EndpointsConformanceTest} holds the result to the SDK's endpoint rules for every Region.
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

    private GlobalEndpoints() {
    }

    static URI route53(String region, boolean fips, boolean dualStack) {
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        String template = row(partition, region)[(fips ? 1 : 0) + (dualStack ? 2 : 0)];
        String dualStackSuffix = partition.dnsSuffix(PartitionEndpointKey.builder().tags(EndpointTag.DUALSTACK).build());
        return URI.create("https://" + template.replace("{S}", partition.dnsSuffix()).replace("{D}", dualStackSuffix));
    }

    static String route53SigningRegion(String region) {
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        return row(partition, region)[4];
    }

    private static String[] row(PartitionMetadata partition, String region) {
        String[] row = ROUTE53.get(partition.id());
        if (row == null) {
            throw new IllegalStateException("no Route 53 endpoint is known for partition " + partition.id() + " (Region " + region
                    + "); set AWS_ENDPOINT_URL_ROUTE_53");
        }
        return row;
    }
}
