package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;

class StandbyCostTest {
    private static final PriceTable PRICES = PriceTable.bundled();
    private static final double H = 730;

    private static Stack stack(App app) {
        return new Stack(app, "Standby", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
    }

    private static CostLine line(StandbyCost cost, String type, String descriptionPart) {
        return cost.lines().stream()
                .filter(l -> l.resourceType().equals(type) && l.description().contains(descriptionPart))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + type + " '" + descriptionPart + "' in "
                        + cost.lines()));
    }

    @Test
    void of_whenStackHasTypicalStandby_pricesEachResourceFromTemplate() {
        App app = new App();
        Stack stack = stack(app);
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        LaunchTemplate lt = LaunchTemplate.Builder.create(stack, "AppTemplate")
                .instanceType(InstanceType.of(InstanceClass.T3, InstanceSize.SMALL))
                .machineImage(MachineImage.latestAmazonLinux2023()).build();
        AutoScalingGroup.Builder.create(stack, "App").vpc(vpc).launchTemplate(lt)
                .minCapacity(2).desiredCapacity(2).maxCapacity(6).build();
        ApplicationLoadBalancer.Builder.create(stack, "Alb").vpc(vpc).internetFacing(true).build();
        DatabaseInstance.Builder.create(stack, "Db").vpc(vpc)
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.VER_16).build()))
                .instanceType(InstanceType.of(InstanceClass.T4G, InstanceSize.MICRO))
                .multiAz(true).allocatedStorage(100).build();
        Bucket archive = Bucket.Builder.create(stack, "Archive").lifecycleRules(List.of(LifecycleRule.builder()
                .transitions(List.of(
                        Transition.builder().storageClass(StorageClass.INFREQUENT_ACCESS).transitionAfter(Duration.days(30)).build(),
                        Transition.builder().storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(90)).build()))
                .expiration(Duration.days(365)).build())).build();
        StandbyCost.storageEstimate(archive, 1000);
        HostedZone.Builder.create(stack, "Zone").zoneName("example.com").build();
        CfnHealthCheck.Builder.create(stack, "Check").healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
                .type("HTTPS").fullyQualifiedDomainName("app.example.com").requestInterval(10).build()).build();

        StandbyCost cost = StandbyCost.of(stack);

        assertEquals("us-west-2", cost.pricedRegion());
        assertEquals(2 * 0.0208 * H, line(cost, "AWS::AutoScaling::AutoScalingGroup", "2 x t3.small (desired capacity)").monthlyUsd(), 1e-9);
        assertEquals(2 * 8 * 0.08, line(cost, "AWS::AutoScaling::AutoScalingGroup", "AMI root volume, assumed").monthlyUsd(), 1e-9);
        assertEquals(0.0225 * H, line(cost, "AWS::ElasticLoadBalancingV2::LoadBalancer", "application").monthlyUsd(), 1e-9);
        assertEquals(0.045 * H, line(cost, "AWS::EC2::NatGateway", "NAT gateway").monthlyUsd(), 1e-9);
        assertEquals(0.005 * H, line(cost, "AWS::EC2::EIP", "public IPv4").monthlyUsd(), 1e-9);
        assertEquals(2 * 0.016 * H, line(cost, "AWS::RDS::DBInstance", "db.t4g.micro postgres Multi-AZ").monthlyUsd(), 1e-9);
        assertEquals(2 * 100 * 0.115, line(cost, "AWS::RDS::DBInstance", "2 x 100 GB gp2 storage").monthlyUsd(), 1e-9);
        assertEquals(0.40, line(cost, "AWS::SecretsManager::Secret", "secret").monthlyUsd(), 1e-9);
        assertEquals(1000 * 30.0 / 365 * 0.023, line(cost, "AWS::S3::Bucket", "GB STANDARD (8 %").monthlyUsd(), 1e-9);
        assertEquals(1000 * 60.0 / 365 * 0.0125, line(cost, "AWS::S3::Bucket", "GB STANDARD_IA (16 %").monthlyUsd(), 1e-9);
        assertEquals(1000 * 275.0 / 365 * 0.0036, line(cost, "AWS::S3::Bucket", "GB GLACIER (75 %").monthlyUsd(), 1e-9);
        assertEquals(0.50, line(cost, "AWS::Route53::HostedZone", "hosted zone").monthlyUsd(), 1e-9);
        assertEquals(0.75, line(cost, "AWS::Route53::HealthCheck", "HTTPS health check (non-AWS endpoint)").monthlyUsd(), 1e-9);
        assertEquals(2 * 2.00, line(cost, "AWS::Route53::HealthCheck", "2 optional feature(s)").monthlyUsd(), 1e-9);
        assertEquals(cost.lines().stream().mapToDouble(CostLine::monthlyUsd).sum(), cost.monthlyUsd(), 1e-9);
        assertTrue(cost.unpriced().isEmpty(), cost.unpriced().toString());
    }

    @Test
    void of_whenPilotLightKeepsNothingRunning_pricesZeroInstances() {
        App app = new App();
        Stack stack = stack(app);
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();
        LaunchTemplate lt = LaunchTemplate.Builder.create(stack, "AppTemplate")
                .instanceType(InstanceType.of(InstanceClass.M5, InstanceSize.LARGE))
                .machineImage(MachineImage.latestAmazonLinux2023()).build();
        AutoScalingGroup.Builder.create(stack, "App").vpc(vpc).launchTemplate(lt).minCapacity(0).maxCapacity(4).build();
        software.amazon.awscdk.services.ec2.Instance proxy = software.amazon.awscdk.services.ec2.Instance.Builder
                .create(stack, "Proxy").vpc(vpc).instanceType(InstanceType.of(InstanceClass.T3, InstanceSize.MICRO))
                .machineImage(MachineImage.latestAmazonLinux2023()).build();
        StandbyCost.stoppedInStandby(proxy);

        StandbyCost cost = StandbyCost.of(stack);

        assertEquals(0, line(cost, "AWS::AutoScaling::AutoScalingGroup", "0 x m5.large (minimum size 0").monthlyUsd());
        assertEquals(0, line(cost, "AWS::EC2::Instance", "t3.micro stopped in standby").monthlyUsd());
        assertEquals(8 * 0.08, line(cost, "AWS::EC2::Instance", "8 GB EBS gp3").monthlyUsd(), 1e-9);
        assertEquals(8 * 0.08, cost.monthlyUsd(), 1e-9);
    }

    @Test
    void of_whenBucketHasNoSizeEstimate_listsItUnpriced() {
        App app = new App();
        Stack stack = stack(app);
        new Bucket(stack, "Data");

        StandbyCost cost = StandbyCost.of(stack);

        assertEquals(0, cost.monthlyUsd());
        assertEquals(1, cost.unpriced().size());
        assertTrue(cost.unpriced().get(0).endsWith("(AWS::S3::Bucket): storage not priced; give a size with "
                + "StandbyCost.storageEstimate"), cost.unpriced().toString());
    }

    @Test
    void fromTemplate_whenRegionNotInTable_pricesUsEast1AndSaysSo() {
        Map<String, Object> template = Map.of("Resources", Map.of(
                "Web", Map.of("Type", "AWS::EC2::Instance", "Properties", Map.of("InstanceType", "c5.large",
                        "BlockDeviceMappings", List.of(Map.of("DeviceName", "/dev/xvda",
                                "Ebs", Map.of("VolumeSize", 50, "VolumeType", "gp3"))))),
                "Table", Map.of("Type", "AWS::DynamoDB::Table"),
                "Role", Map.of("Type", "AWS::IAM::Role")));

        StandbyCost cost = StandbyCost.fromTemplate(template, "eu-west-1", PRICES, Map.of(), Set.of());

        assertEquals("us-east-1", cost.pricedRegion());
        assertEquals(0.085 * H + 50 * 0.08, cost.monthlyUsd(), 1e-9);
        assertEquals(List.of("no prices for Region eu-west-1 in the table; priced at us-east-1",
                "Table (AWS::DynamoDB::Table): provisioned capacity, stored data and replicas not priced"), cost.unpriced());
    }

    @Test
    void fromTemplate_whenInstanceTypeUnknown_listsIt() {
        Map<String, Object> template = Map.of("Resources", Map.of(
                "Big", Map.of("Type", "AWS::EC2::Instance", "Properties", Map.of("InstanceType", "x2iedn.32xlarge"))));

        StandbyCost cost = StandbyCost.fromTemplate(template, "us-east-1", PRICES, Map.of(), Set.of());

        assertTrue(cost.unpriced().contains("Big (AWS::EC2::Instance): no price for ec2:x2iedn.32xlarge in us-east-1"),
                cost.unpriced().toString());
    }

    @Test
    void fromTemplate_whenMixedInstancesAndAuroraServerless_pricesOverrideAndMinimumAcu() {
        Map<String, Object> template = Map.of("Resources", Map.of(
                "Lt", Map.of("Type", "AWS::EC2::LaunchTemplate", "Properties", Map.of("LaunchTemplateData", Map.of())),
                "Fleet", Map.of("Type", "AWS::AutoScaling::AutoScalingGroup", "Properties", Map.of(
                        "MinSize", "1", "MaxSize", "4", "MixedInstancesPolicy", Map.of("LaunchTemplate", Map.of(
                                "LaunchTemplateSpecification", Map.of("LaunchTemplateId", Map.of("Ref", "Lt")),
                                "Overrides", List.of(Map.of("InstanceType", "t4g.medium"), Map.of("InstanceType", "t3.medium")))))),
                "Cluster", Map.of("Type", "AWS::RDS::DBCluster", "Properties", Map.of("Engine", "aurora-postgresql",
                        "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 8))),
                "Writer", Map.of("Type", "AWS::RDS::DBInstance", "Properties", Map.of("DBInstanceClass", "db.serverless",
                        "DBClusterIdentifier", Map.of("Ref", "Cluster"))),
                "Old", Map.of("Type", "AWS::ElasticLoadBalancing::LoadBalancer", "Properties", Map.of())));

        StandbyCost cost = StandbyCost.fromTemplate(template, "us-west-2", PRICES, Map.of(), Set.of());

        assertEquals(0.0336 * H, line(cost, "AWS::AutoScaling::AutoScalingGroup", "1 x t4g.medium (minimum size)").monthlyUsd(), 1e-9);
        assertEquals(0.5 * 0.12 * H, line(cost, "AWS::RDS::DBInstance", "0.5 ACU").monthlyUsd(), 1e-9);
        assertEquals(0.025 * H, line(cost, "AWS::ElasticLoadBalancing::LoadBalancer", "classic").monthlyUsd(), 1e-9);
    }

    @Test
    void storageEstimate_whenNegative_throws() {
        App app = new App();
        Bucket b = new Bucket(stack(app), "B");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandbyCost.storageEstimate(b, -1));
        assertEquals("StandbyCost.storageEstimate: gigabytes must be zero or more (got -1.0)", e.getMessage());
    }

    @Test
    void storageEstimate_whenScopeHoldsTwoBuckets_throwsAskingForOne() {
        App app = new App();
        Stack stack = stack(app);
        software.constructs.Construct pair = new software.constructs.Construct(stack, "Pair");
        new Bucket(pair, "A");
        new Bucket(pair, "B");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandbyCost.storageEstimate(pair, 10));
        assertEquals("StandbyCost.storageEstimate: 'Standby/Pair' must be or hold exactly one bucket, backup vault (air-gapped too), log group, DLM policy or Aurora cluster (got 2); "
                + "pass the one to price", e.getMessage());
    }

    @Test
    void of_whenBackupVaultSized_pricesWarmStorage() {
        App app = new App();
        Stack stack = stack(app);
        software.amazon.awscdk.services.backup.BackupVault vault =
                software.amazon.awscdk.services.backup.BackupVault.Builder.create(stack, "Vault").build();
        StandbyCost.storageEstimate(vault, 500);

        StandbyCost cost = StandbyCost.of(stack);

        assertEquals(500 * 0.05, line(cost, "AWS::Backup::BackupVault", "500 GB of recovery points").monthlyUsd(), 1e-9);
        assertTrue(cost.unpriced().isEmpty(), cost.unpriced().toString());
    }
}
