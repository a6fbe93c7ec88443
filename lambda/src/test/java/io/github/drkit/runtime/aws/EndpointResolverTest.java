package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

class EndpointResolverTest {
    private static final String NO_CONFIG = "";

    private static ProfileFile config(String content) {
        return ProfileFile.builder().content(content).type(ProfileFile.Type.CONFIGURATION).build();
    }

    private static URI resolve(URI override, Map<String, String> env, String config, AwsService service, String region) {
        ProfileFile profiles = config(config);
        return new EndpointResolver(override, env, () -> profiles).endpoint(service, region);
    }

    /** Where the SDK's own client endpoint logic sends a client of {@code service}, from the same profile. */
    private static URI sdk(String config, String profile, AwsService service, String region) {
        ProfileFile profiles = config(config);
        return AwsClientEndpointProvider.builder().serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_" + service.endpointKey())
                .serviceEndpointOverrideSystemProperty("aws.endpointUrl" + service.id())
                .serviceProfileProperty(service.profileKey()).profileFile(() -> profiles).profileName(profile)
                .serviceEndpointPrefix(service == AwsService.CLOUDWATCH ? "monitoring" : service.id().toLowerCase(java.util.Locale.ROOT))
                .defaultProtocol("https").region(Region.of(region)).build().clientEndpoint();
    }

    @Test
    void endpoint_whenNothingConfigured_isThePublicRegionalEndpoint() {
        assertEquals(URI.create("https://ec2.us-west-2.amazonaws.com"), resolve(null, Map.of(), NO_CONFIG, AwsService.EC2, "us-west-2"));
        assertEquals(URI.create("https://monitoring.eu-central-1.amazonaws.com"),
                resolve(null, Map.of(), NO_CONFIG, AwsService.CLOUDWATCH, "eu-central-1"));
        assertEquals(URI.create("https://autoscaling.cn-north-1.amazonaws.com.cn"),
                resolve(null, Map.of(), NO_CONFIG, AwsService.AUTO_SCALING, "cn-north-1"));
    }

    @Test
    void endpoint_whenRoute53_isTheGlobalEndpointSignedForTheHomeRegion() {
        assertEquals(URI.create("https://route53.amazonaws.com"), resolve(null, Map.of(), NO_CONFIG, AwsService.ROUTE53, "eu-west-1"));
        assertEquals("us-east-1", AwsService.ROUTE53.signingRegion("eu-west-1"));
        assertEquals("cn-northwest-1", AwsService.ROUTE53.signingRegion("cn-north-1"));
        assertEquals("us-gov-west-1", AwsService.ROUTE53.signingRegion("us-gov-east-1"));
        assertEquals("eu-west-1", AwsService.EC2.signingRegion("eu-west-1"));
    }

    @Test
    void endpoint_whenFipsOrDualStackAsked_derivesThoseEndpoints() {
        assertEquals(URI.create("https://rds-fips.us-east-1.amazonaws.com"),
                resolve(null, Map.of("AWS_USE_FIPS_ENDPOINT", "true"), NO_CONFIG, AwsService.RDS, "us-east-1"));
        assertEquals(URI.create("https://ec2.eu-west-1.api.aws"),
                resolve(null, Map.of("AWS_USE_DUALSTACK_ENDPOINT", "TRUE"), NO_CONFIG, AwsService.EC2, "eu-west-1"));
        assertEquals(URI.create("https://route53-fips.amazonaws.com"),
                resolve(null, Map.of(), "[default]\nuse_fips_endpoint = true\n", AwsService.ROUTE53, "us-west-2"));
        assertEquals(URI.create("https://rds-fips.us-east-1.amazonaws.com"), resolve(null, Map.of("AWS_USE_FIPS_ENDPOINT", "true",
                "AWS_ENDPOINT_URL_RDS", "https://rds-fips.us-east-1.amazonaws.com"), NO_CONFIG, AwsService.RDS, "us-east-1"));
    }

    @Test
    void endpoint_whenFipsSettingIsNotABoolean_namesTheSettingAndValue() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> resolve(null, Map.of("AWS_USE_FIPS_ENDPOINT", "yes"), NO_CONFIG, AwsService.SNS, "us-east-1"));

        assertEquals("AWS_USE_FIPS_ENDPOINT (or profile setting use_fips_endpoint) must be true or false (got \"yes\")", error.getMessage());
    }

    @Test
    void endpoint_whenServiceVariableAndGeneralVariableSet_prefersTheServiceOne() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_ROUTE_53", "http://127.0.0.1:5000");

        assertEquals(URI.create("http://127.0.0.1:5000"), resolve(null, env, NO_CONFIG, AwsService.ROUTE53, "us-east-1"));
        assertEquals(URI.create("http://127.0.0.1:4566"), resolve(null, env, NO_CONFIG, AwsService.EC2, "us-east-1"));
    }

    @Test
    void endpoint_whenOverrideSet_winsOverTheEnvironment() {
        assertEquals(URI.create("http://127.0.0.1:9"), resolve(URI.create("http://127.0.0.1:9"),
                Map.of("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:5000"), NO_CONFIG, AwsService.EC2, "us-east-1"));
    }

    @Test
    void endpoint_whenProfileHasEndpointUrlAndServicesSection_resolvesAsTheSdkDoes() {
        String config = """
                [profile ops]
                endpoint_url = http://127.0.0.1:4566
                services = local

                [services local]
                route_53 =
                  endpoint_url = http://127.0.0.1:5053
                elastic_load_balancing_v2 =
                  endpoint_url = http://127.0.0.1:5054
                """;
        Map<String, String> env = Map.of("AWS_PROFILE", "ops");

        for (AwsService service : AwsService.values()) {
            assertEquals(sdk(config, "ops", service, "us-west-2"), resolve(null, env, config, service, "us-west-2"), service.id());
        }
        assertEquals(URI.create("http://127.0.0.1:5053"), resolve(null, env, config, AwsService.ROUTE53, "us-west-2"));
        assertEquals(URI.create("http://127.0.0.1:5054"), resolve(null, env, config, AwsService.ELASTIC_LOAD_BALANCING, "us-west-2"));
        assertEquals(URI.create("http://127.0.0.1:4566"), resolve(null, env, config, AwsService.SSM, "us-west-2"));
    }

    @Test
    void endpoint_whenEnvironmentAndProfileBothSet_theEnvironmentWins() {
        String config = "[default]\nendpoint_url = http://127.0.0.1:4566\n";

        assertEquals(URI.create("http://127.0.0.1:7000"),
                resolve(null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:7000"), config, AwsService.SNS, "us-east-1"));
    }

    @Test
    void endpoint_whenConfiguredEndpointsIgnored_isAwsEndpointWhateverTheEnvironmentAndProfile() {
        String config = "[default]\nendpoint_url = http://127.0.0.1:4566\n";
        String ignoringConfig = "[default]\nendpoint_url = http://127.0.0.1:4566\nignore_configured_endpoint_urls = true\n";

        assertEquals(URI.create("https://sns.us-east-1.amazonaws.com"), resolve(null, Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true",
                "AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:7000"), config, AwsService.SNS, "us-east-1"));
        assertEquals(URI.create("https://sns.us-east-1.amazonaws.com"), resolve(null, Map.of(), ignoringConfig, AwsService.SNS, "us-east-1"));
        assertEquals(sdk(ignoringConfig, "default", AwsService.SNS, "us-east-1"), resolve(null, Map.of(), ignoringConfig, AwsService.SNS,
                "us-east-1"));
        assertEquals(URI.create("http://127.0.0.1:9"), resolve(URI.create("http://127.0.0.1:9"),
                Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), config, AwsService.SNS, "us-east-1"));
    }
}
