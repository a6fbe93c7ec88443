package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.endpoints.AthenaEndpointProvider;
import software.amazon.awssdk.services.autoscaling.endpoints.AutoScalingEndpointProvider;
import software.amazon.awssdk.services.cloudwatch.endpoints.CloudWatchEndpointProvider;
import software.amazon.awssdk.services.ec2.endpoints.Ec2EndpointProvider;
import software.amazon.awssdk.services.ecs.endpoints.EcsEndpointProvider;
import software.amazon.awssdk.services.eks.endpoints.EksEndpointProvider;
import software.amazon.awssdk.services.elasticloadbalancingv2.endpoints.ElasticLoadBalancingV2EndpointProvider;
import software.amazon.awssdk.services.glue.endpoints.GlueEndpointProvider;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;
import software.amazon.awssdk.services.lambda.endpoints.LambdaEndpointProvider;
import software.amazon.awssdk.services.rds.endpoints.RdsEndpointProvider;
import software.amazon.awssdk.services.route53.endpoints.Route53EndpointProvider;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointProvider;
import software.amazon.awssdk.services.servicequotas.endpoints.ServiceQuotasEndpointProvider;
import software.amazon.awssdk.services.sns.endpoints.SnsEndpointProvider;
import software.amazon.awssdk.services.ssm.endpoints.SsmEndpointProvider;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;

/**
 * The runtime's endpoints, derived from the SDK's endpoint metadata, against the endpoints the SDK's service clients
 * resolve with their endpoint rules: every service, every Region the SDK knows, standard, FIPS, dual-stack and both.
 */
class EndpointsConformanceTest {

    /** What the SDK's rules resolve for a Region, FIPS on or off, dual-stack on or off. */
    @FunctionalInterface
    interface Rules {
        Endpoint resolve(Region region, boolean fips, boolean dualStack);
    }

    private static final Map<AwsService, Rules> RULES = Map.ofEntries(
            Map.entry(AwsService.EC2, (r, f, d) -> Ec2EndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.AUTO_SCALING, (r, f, d) -> AutoScalingEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.ELASTIC_LOAD_BALANCING, (r, f, d) -> ElasticLoadBalancingV2EndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.RDS, (r, f, d) -> RdsEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.SNS, (r, f, d) -> SnsEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.SSM, (r, f, d) -> SsmEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.CLOUDWATCH, (r, f, d) -> CloudWatchEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.ROUTE53, (r, f, d) -> Route53EndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.IAM, (r, f, d) -> IamEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.STS, (r, f, d) -> StsEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d).useGlobalEndpoint(false)).join()),
            Map.entry(AwsService.ATHENA, (r, f, d) -> AthenaEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.GLUE, (r, f, d) -> GlueEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            // No bucket: the Region's own endpoint, which path-style requests address.
            Map.entry(AwsService.S3, (r, f, d) -> S3EndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d).forcePathStyle(true)).join()),
            Map.entry(AwsService.SERVICE_QUOTAS, (r, f, d) -> ServiceQuotasEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.DYNAMODB, (r, f, d) -> software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.ECS, (r, f, d) -> EcsEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.EKS, (r, f, d) -> EksEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.LAMBDA, (r, f, d) -> LambdaEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()),
            Map.entry(AwsService.BACKUP, (r, f, d) -> software.amazon.awssdk.services.backup.endpoints.BackupEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(r).useFips(f).useDualStack(d)).join()));

    private static List<Region> regions() {
        return Region.regions().stream().filter(r -> !r.isGlobalRegion() && !r.id().startsWith("fips-") && !r.id().endsWith("-fips"))
                .toList();
    }

    @Test
    void endpoint_whenEveryServiceRegionAndVariant_isWhereTheSdksRulesSendIt() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (AwsService service : AwsService.values()) {
            Rules rules = RULES.get(service);
            for (Region region : regions()) {
                for (boolean fips : new boolean[] {false, true}) {
                    for (boolean dualStack : new boolean[] {false, true}) {
                        String sdk = outcome(() -> {
                            Endpoint endpoint = rules.resolve(region, fips, dualStack);
                            return endpoint.url() + " signed for " + signingRegion(endpoint, region);
                        });
                        String runtime = outcome(() -> service.endpoint(region.id(), fips, dualStack) + " signed for "
                                + service.signingRegion(region.id()));
                        compared++;
                        if (!sdk.equals(runtime) && !(sdk.startsWith("refused") && runtime.startsWith("refused"))) {
                            differences.add(service.id() + " " + region.id() + (fips ? " fips" : "") + (dualStack ? " dualstack" : "")
                                    + ": SDK " + sdk + ", runtime " + runtime);
                        }
                    }
                }
            }
        }

        assertTrue(compared > 9 * 4 * 30, "compared " + compared);
        assertEquals(List.of(), differences, differences.size() + " of " + compared + " differ");
    }

    private static String signingRegion(Endpoint endpoint, Region region) {
        List<EndpointAuthScheme> schemes = endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
        if (schemes != null) {
            for (EndpointAuthScheme scheme : schemes) {
                if (scheme instanceof SigV4AuthScheme sigV4 && sigV4.signingRegion() != null) {
                    return sigV4.signingRegion();
                }
            }
        }
        return region.id();
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return resolve.get();
        } catch (RuntimeException e) {
            return "refused: " + e.getMessage();
        }
    }
}
