package io.github.drkit.runtime.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.runtime.aws.CallHook;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Creates the resources of a DR setup in {@code moto_server} with the SDK, and reads them back, so that
 * scenario tests assert the emulator's state rather than the runtime's own account of it.
 */
public final class Emulator implements AutoCloseable {
    public static final String PRIMARY = "us-east-1";
    public static final String RECOVERY = "us-west-2";
    /** An AMI id moto ships with. */
    private static final String AMI = "ami-12c6146b";

    private final MotoServer moto;
    private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();
    private final Map<String, String> subnets = new ConcurrentHashMap<>();

    public Emulator(MotoServer moto) {
        this.moto = moto;
    }

    /** Runtime clients against the emulator, fast retries, with the given hooks. */
    public AwsClients runtimeClients(CallHook... hooks) {
        return runtimeClients(moto.credentials(), hooks);
    }

    /** Runtime clients signing with {@code credentials}, e.g. a session of a role the emulator enforces. */
    public AwsClients runtimeClients(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials, CallHook... hooks) {
        AwsClients.Builder builder = AwsClients.builder().region(Region.of(RECOVERY)).endpoint(moto.endpoint())
                .credentials(credentials).backoff(Duration.ofMillis(10), Duration.ofMillis(50));
        for (CallHook hook : hooks) {
            builder.addHook(hook);
        }
        return builder.build();
    }

    /**
     * A session of a role allowed exactly the permission table's actions for these step kinds, as the failover role
     * is built; the engine's calls run with it while {@code moto.iam().enforcing(...)} has IAM enforced.
     */
    public software.amazon.awssdk.auth.credentials.AwsCredentialsProvider failoverRole(String... kinds) {
        String role = moto.iam().createRole(moto.credentials(), "drkit-failover-" + System.nanoTime(),
                io.github.drkit.plan.RuntimePermissions.actions(java.util.Set.of(kinds)));
        return moto.iam().assume(moto.credentials(), role, "failover");
    }

    /** Runs the engine (or the handler) with IAM enforced, as the failover role's session signs its calls. */
    public <T> T enforcing(java.util.function.Supplier<T> run) {
        return moto.iam().enforcing(run);
    }

    // Safe: each key is stored by one accessor only, with the type that accessor reads back.
    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C client(String key, java.util.function.Supplier<C> factory) {
        return (C) clients.computeIfAbsent(key, k -> factory.get());
    }

    public Ec2Client ec2(String region) {
        return client("ec2" + region, () -> Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    public AutoScalingClient autoScaling(String region) {
        return client("asg" + region, () -> AutoScalingClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    public ElasticLoadBalancingV2Client elb(String region) {
        return client("elb" + region, () -> ElasticLoadBalancingV2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    public RdsClient rds(String region) {
        return client("rds" + region, () -> RdsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    public software.amazon.awssdk.services.ssm.SsmClient ssm(String region) {
        return client("ssm" + region, () -> software.amazon.awssdk.services.ssm.SsmClient.builder().endpointOverride(moto.endpoint())
                .region(Region.of(region)).credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    public SnsClient sns(String region) {
        return client("sns" + region, () -> SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    public Route53Client route53() {
        return client("r53", () -> Route53Client.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    /** A VPC with one subnet per Region, created once. */
    public String subnet(String region) {
        return subnets.computeIfAbsent(region, r -> {
            String vpc = ec2(r).createVpc(v -> v.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            subnets.put("vpc:" + r, vpc);
            return ec2(r).createSubnet(s -> s.vpcId(vpc).cidrBlock("10.0.0.0/18").availabilityZone(r + "a")).subnet().subnetId();
        });
    }

    public String vpc(String region) {
        subnet(region);
        return subnets.get("vpc:" + region);
    }

    /** A fleet: launch template, target group (when asked) and an Auto Scaling group at the given capacity. */
    public Fleet fleet(String region, String name, int min, int desired, int max, String instanceType, boolean targetGroup) {
        String subnet = subnet(region);
        String template = ec2(region).createLaunchTemplate(t -> t.launchTemplateName(name)
                .launchTemplateData(d -> d.imageId(AMI).instanceType(instanceType))).launchTemplate().launchTemplateId();
        String targetGroupArn = targetGroup ? createTargetGroup(region, name) : null;
        autoScaling(region).createAutoScalingGroup(g -> {
            g.autoScalingGroupName(name).minSize(min).desiredCapacity(desired).maxSize(max)
                    .vpcZoneIdentifier(subnet)
                    .launchTemplate(t -> t.launchTemplateId(template).version("$Default"));
            if (targetGroupArn != null) {
                g.targetGroupARNs(targetGroupArn);
            }
        });
        return new Fleet(region, name, template, targetGroupArn);
    }

    public String createTargetGroup(String region, String name) {
        return elb(region).createTargetGroup(t -> t.name(name).protocol("HTTP").port(80).vpcId(vpc(region)).targetType("instance"))
                .targetGroups().get(0).targetGroupArn();
    }

    public AutoScalingGroup group(String region, String name) {
        return autoScaling(region).describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }

    /** The instance type the group's launch template version launches. */
    public String launchType(String region, String name) {
        AutoScalingGroup group = group(region, name);
        return ec2(region).describeLaunchTemplateVersions(r -> r.launchTemplateId(group.launchTemplate().launchTemplateId())
                .versions(group.launchTemplate().version())).launchTemplateVersions().get(0).launchTemplateData().instanceTypeAsString();
    }

    /** Instances started and then stopped, as a pilot light keeps its app servers. */
    public List<String> stoppedInstances(String region, int count) {
        String subnet = subnet(region);
        List<String> ids = new ArrayList<>();
        ec2(region).runInstances(r -> r.imageId(AMI).minCount(count).maxCount(count).subnetId(subnet).instanceType(InstanceType.T3_SMALL))
                .instances().forEach(i -> ids.add(i.instanceId()));
        ec2(region).stopInstances(r -> r.instanceIds(ids));
        return ids;
    }

    public String instanceState(String region, String id) {
        return ec2(region).describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state().nameAsString();
    }

    /** A source database in the primary Region and its cross-Region read replica in the recovery Region. */
    public String replica(String name) {
        String sourceArn = rds(PRIMARY).createDBInstance(r -> r.dbInstanceIdentifier(name).dbInstanceClass("db.t3.micro")
                .engine("postgres").masterUsername("admin1").masterUserPassword("password123").allocatedStorage(20))
                .dbInstance().dbInstanceArn();
        rds(RECOVERY).createDBInstanceReadReplica(r -> r.dbInstanceIdentifier(name + "-replica")
                .sourceDBInstanceIdentifier(sourceArn).dbInstanceClass("db.t3.micro"));
        return name + "-replica";
    }

    public DBInstance database(String region, String id) {
        return rds(region).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    public String zone(String name) {
        String id = route53().createHostedZone(z -> z.name(name).callerReference(name + System.nanoTime())).hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    public void upsert(String zoneId, ResourceRecordSet... records) {
        route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                java.util.Arrays.stream(records).map(set -> software.amazon.awssdk.services.route53.model.Change.builder()
                        .action(ChangeAction.UPSERT).resourceRecordSet(set).build()).toList())));
    }

    public List<ResourceRecordSet> records(String zoneId) {
        return route53().listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets();
    }

    public ResourceRecordSet record(String zoneId, String name, String setIdentifier) {
        return records(zoneId).stream().filter(r -> r.name().equals(name)
                && java.util.Objects.equals(r.setIdentifier(), setIdentifier)).findFirst().orElseThrow();
    }

    public String healthCheck(String domain) {
        return route53().createHealthCheck(h -> h.callerReference(domain + System.nanoTime())
                .healthCheckConfig(c -> c.type("HTTPS").fullyQualifiedDomainName(domain).port(443))).healthCheck().id();
    }

    public String topic(String region, String name) {
        return sns(region).createTopic(t -> t.name(name)).topicArn();
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing test clients
            }
        });
    }

    /**
     * The site most runtime tests start from: fleet {@code web} in the recovery Region at 0/0/2 behind a target
     * group, and {@code app.example.com} weighted 100 to the primary record and 0 to the recovery record.
     */
    public PilotLightSite pilotLightSite() {
        Fleet fleet = fleet(RECOVERY, "web", 0, 0, 2, "t3.small", true);
        String zone = zone("example.com");
        upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("primary").weight(100L).ttl(60L).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("recovery").weight(0L).ttl(60L).resourceRecords(r -> r.value("198.51.100.10")).build());
        return new PilotLightSite(fleet, zone);
    }

    /** What {@link #pilotLightSite} created. */
    public record PilotLightSite(Fleet fleet, String zone) {

        /** Its plan: the fleet to 2/4/8 on failover, the weights to 0/100, waiting at most {@code healthTimeoutSeconds}. */
        public String plan(int healthTimeoutSeconds) {
            return plan(fleet.targetGroupArn(), healthTimeoutSeconds);
        }

        /** The same plan with another target group for the fleet. */
        public String plan(String targetGroupArn, int healthTimeoutSeconds) {
            return """
                    {"version": 1, "application": "web", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                     "fleets": [{"autoScalingGroupName": "web", "standby": {"min": 0, "desired": 0, "max": 2},
                                 "recovery": {"min": 2, "desired": 4, "max": 8}, "targetGroupArns": ["%s"]}],
                     "dns": [{"hostedZoneId": "%s", "records": [
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}],
                     "healthTimeoutSeconds": %d}
                    """.formatted(targetGroupArn, zone, healthTimeoutSeconds);
        }
    }

    /** What {@link #fleet} created. */
    public record Fleet(String region, String name, String launchTemplateId, String targetGroupArn) {
    }
}
