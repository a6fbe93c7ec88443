package io.github.drkit.runtime.scenario;

import io.github.drkit.testing.MotoServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;

/** The emulator's resources and the plan of one container step kind, for the permission table's scenarios. */
final class ContainerSites {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "%s", "recoveryRegion": "%s",
             "stages": [{"name": "compute", "steps": [%s]}], "notificationTopicArn": "%s"}""";

    private ContainerSites() {
    }

    /** True for the kinds this class builds scenarios for. */
    static boolean handles(String kind) {
        return kind.equals("ecs-service") || kind.equals("eks-nodegroup");
    }

    static String plan(MotoServer moto, Emulator emulator, String kind, String topic) {
        String step = kind.equals("ecs-service") ? service(moto) : nodegroup(moto, emulator);
        return PLAN.formatted(Emulator.PRIMARY, Emulator.RECOVERY, step, topic);
    }

    private static String service(MotoServer moto) {
        try (EcsClient ecs = EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(Emulator.RECOVERY))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            ecs.createCluster(c -> c.clusterName("shop"));
            ecs.registerTaskDefinition(t -> t.family("web").requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").cpu("256")
                    .memory("512").containerDefinitions(c -> c.name("web").image("public.ecr.aws/nginx/nginx:stable").essential(true)));
            ecs.createService(s -> s.cluster("shop").serviceName("web").taskDefinition("web").desiredCount(0).launchType("FARGATE"));
        }
        return """
                {"kind": "scaleService", "cluster": "shop", "service": "web", "standbyDesiredCount": 0, "recoveryDesiredCount": 2,
                 "steadyStateTimeoutSeconds": 30}""";
    }

    private static String nodegroup(MotoServer moto, Emulator emulator) {
        String subnet = emulator.subnet(Emulator.RECOVERY);
        try (EksClient eks = EksClient.builder().endpointOverride(moto.endpoint()).region(Region.of(Emulator.RECOVERY))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            eks.createCluster(c -> c.name("shop").roleArn("arn:aws:iam::123456789012:role/eks").resourcesVpcConfig(v -> v.subnetIds(subnet)));
            eks.createNodegroup(n -> n.clusterName("shop").nodegroupName("workers").nodeRole("arn:aws:iam::123456789012:role/nodes")
                    .subnets(subnet).scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(2)));
        }
        return """
                {"kind": "scaleNodegroup", "clusterName": "shop", "nodegroupName": "workers",
                 "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 1, "desired": 2, "max": 4}, "updateTimeoutSeconds": 30}""";
    }
}
