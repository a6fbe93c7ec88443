package io.github.drkit.objectives.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.objectives.PriceTable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per priced type, on a small template, plus the registry's lists. */
class ResourcePricersTest {
    private static final PriceTable PRICES = PriceTable.bundled();
    private static final double H = 730;

    private static Map<String, Object> res(String type, Map<String, Object> props) {
        return Map.of("Type", type, "Properties", props);
    }

    private static TemplatePricing price(Map<String, Object> resources) {
        return price(resources, Map.of(), Set.of());
    }

    private static TemplatePricing price(Map<String, Object> resources, Map<String, ?> storage, Set<String> stopped) {
        return TemplatePricing.run(resources, "us-east-1", PRICES, storage, stopped, ResourcePricers.defaults());
    }

    private static double total(TemplatePricing p) {
        return p.getCharges().stream().mapToDouble(Charge::getMonthlyUsd).sum();
    }

    private static Charge charge(TemplatePricing p, String descriptionPart) {
        return p.getCharges().stream().filter(c -> c.getDescription().contains(descriptionPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no charge '" + descriptionPart + "' in " + p.getCharges()));
    }

    @Test
    void autoScalingGroup_whenDesiredCapacityAndLaunchTemplate_pricesInstancesAndVolumes() {
        TemplatePricing p = price(Map.of(
                "Lt", res("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Map.of("InstanceType", "t3.small",
                        "BlockDeviceMappings", List.of(Map.of("Ebs", Map.of("VolumeSize", 20, "VolumeType", "gp3")))))),
                "Asg", res("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "1", "DesiredCapacity", "3",
                        "LaunchTemplate", Map.of("LaunchTemplateId", Map.of("Ref", "Lt"))))));
        assertEquals(3 * 0.0208 * H, charge(p, "3 x t3.small (desired capacity)").getMonthlyUsd(), 1e-9);
        assertEquals(3 * 20 * 0.08, charge(p, "3 x 20 GB EBS gp3").getMonthlyUsd(), 1e-9);
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }

    @Test
    void instance_whenStoppedInStandby_pricesOnlyItsVolume() {
        TemplatePricing p = price(Map.of("Web", res("AWS::EC2::Instance", Map.of("InstanceType", "m5.large"))), Map.of(),
                Set.of("Web"));
        assertEquals(0, charge(p, "1 x m5.large stopped in standby").getMonthlyUsd());
        assertEquals(8 * 0.08, total(p), 1e-9);
    }

    @Test
    void volume_whenSizeLiteral_pricesSizeByType() {
        TemplatePricing p = price(Map.of("Data", res("AWS::EC2::Volume", Map.of("Size", 100, "VolumeType", "st1"))));
        assertEquals(100 * 0.045, total(p), 1e-9);
    }

    @Test
    void volume_whenSizeFromSnapshot_listsItUnpriced() {
        TemplatePricing p = price(Map.of("Data", res("AWS::EC2::Volume", Map.of("SnapshotId", "snap-1"))));
        assertEquals(List.of("Data (AWS::EC2::Volume): Size is not a literal (a volume from a snapshot takes its size)"),
                p.getUnpriced());
    }

    @Test
    void loadBalancer_whenInternetFacing_pricesHourAndOnePublicIpv4PerSubnet() {
        TemplatePricing p = price(Map.of("Alb", res("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing", "Type", "application",
                "Subnets", List.of(Map.of("Ref", "A"), Map.of("Ref", "B"), Map.of("Ref", "C"))))));
        assertEquals(0.0225 * H, charge(p, "application load balancer").getMonthlyUsd(), 1e-9);
        assertEquals(3 * 0.005 * H, charge(p, "3 public IPv4 address(es)").getMonthlyUsd(), 1e-9);
    }

    @Test
    void loadBalancer_whenInternal_hasNoPublicIpv4() {
        TemplatePricing p = price(Map.of("Nlb", res("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internal", "Type", "network", "Subnets", List.of("subnet-1", "subnet-2")))));
        assertEquals(0.0225 * H, total(p), 1e-9);
        assertEquals(1, p.getCharges().size(), p.getCharges().toString());
    }

    @Test
    void classicLoadBalancer_whenInternetFacingByDefault_pricesHourAndPublicIpv4PerZone() {
        TemplatePricing p = price(Map.of("Old", res("AWS::ElasticLoadBalancing::LoadBalancer", Map.of(
                "AvailabilityZones", List.of("us-east-1a", "us-east-1b")))));
        assertEquals(0.025 * H + 2 * 0.005 * H, total(p), 1e-9);
    }

    @Test
    void ecsService_whenFargateTasksRun_pricesTheirVcpuAndMemory() {
        TemplatePricing p = price(Map.of(
                "Task", res("AWS::ECS::TaskDefinition", Map.of("Cpu", "512", "Memory", "1024")),
                "Service", res("AWS::ECS::Service", Map.of("DesiredCount", 2, "LaunchType", "FARGATE", "TaskDefinition", Map.of("Ref", "Task")))));
        assertEquals(2 * 0.5 * 0.04048 * H, charge(p, "2 Fargate task(s) x 0.5 vCPU").getMonthlyUsd(), 1e-9);
        assertEquals(2 * 1 * 0.004445 * H, charge(p, "2 Fargate task(s) x 1 GB").getMonthlyUsd(), 1e-9);
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }

    @Test
    void ecsService_whenNoTaskRunsInStandby_isFree() {
        TemplatePricing p = price(Map.of(
                "Task", res("AWS::ECS::TaskDefinition", Map.of("Cpu", "256", "Memory", "512")),
                "Service", res("AWS::ECS::Service", Map.of("DesiredCount", 0, "LaunchType", "FARGATE", "TaskDefinition", Map.of("Ref", "Task")))));
        assertEquals(0, total(p));
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }

    @Test
    void ecsService_whenOnEc2Capacity_listsItUnpriced() {
        TemplatePricing p = price(Map.of("Service", res("AWS::ECS::Service", Map.of("DesiredCount", 2, "LaunchType", "EC2"))));
        assertEquals(1, p.getUnpriced().size(), p.getUnpriced().toString());
    }

    @Test
    void natGateway_pricesHour() {
        assertEquals(0.045 * H, total(price(Map.of("Nat", res("AWS::EC2::NatGateway", Map.of())))), 1e-9);
    }

    @Test
    void elasticIp_pricesPublicIpv4Hour() {
        assertEquals(0.005 * H, total(price(Map.of("Ip", res("AWS::EC2::EIP", Map.of())))), 1e-9);
    }

    @Test
    void vpcEndpoint_whenInterface_pricesPerSubnetAndGatewayIsFree() {
        TemplatePricing p = price(Map.of(
                "Ssm", res("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Interface", "SubnetIds", List.of("a", "b"))),
                "S3", res("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"))));
        assertEquals(2 * 0.01 * H, total(p), 1e-9);
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }

    @Test
    void dbInstance_whenMultiAzPostgres_pricesTwoInstancesAndTheirStorage() {
        TemplatePricing p = price(Map.of("Db", res("AWS::RDS::DBInstance", Map.of("DBInstanceClass", "db.t4g.micro",
                "Engine", "postgres", "MultiAZ", true, "AllocatedStorage", "50", "StorageType", "gp3"))));
        assertEquals(2 * 0.016 * H, charge(p, "db.t4g.micro postgres Multi-AZ").getMonthlyUsd(), 1e-9);
        assertEquals(2 * 50 * 0.115, charge(p, "2 x 50 GB gp3 storage").getMonthlyUsd(), 1e-9);
    }

    @Test
    void dbCluster_whenAuroraSized_pricesStorageAndElseListsItUnpriced() {
        Map<String, Object> resources = Map.of("Cluster", res("AWS::RDS::DBCluster", Map.of("Engine", "aurora-postgresql")));
        assertEquals(200 * 0.10, total(price(resources, Map.of("Cluster", 200.0), Set.of())), 1e-9);
        assertEquals(List.of("Cluster (AWS::RDS::DBCluster): Aurora storage not priced; give a size with "
                + "StandbyCost.storageEstimate"), price(resources).getUnpriced());
    }

    @Test
    void dbCluster_whenIoOptimized_pricesItsStorageRate() {
        TemplatePricing p = price(Map.of("Cluster", res("AWS::RDS::DBCluster", Map.of("Engine", "aurora-mysql",
                "StorageType", "aurora-iopt1"))), Map.of("Cluster", 10.0), Set.of());
        assertEquals(10 * 0.225, charge(p, "(I/O-Optimized)").getMonthlyUsd(), 1e-9);
    }

    @Test
    void bucket_whenSized_splitsStorageByLifecycle() {
        TemplatePricing p = price(Map.of("Archive", res("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of(
                "Rules", List.of(Map.of("Status", "Enabled", "ExpirationInDays", 100, "Transitions",
                        List.of(Map.of("StorageClass", "GLACIER", "TransitionInDays", 25)))))))),
                Map.of("Archive", 1000.0), Set.of());
        assertEquals(250 * 0.023 + 750 * 0.0036, total(p), 1e-9);
    }

    @Test
    void lifecycleShares_whenNoExpiration_putsAllInLastClass() {
        Map<String, Object> props = Map.of("LifecycleConfiguration", Map.of("Rules", List.of(Map.of("Status", "Enabled",
                "Transitions", List.of(Map.of("StorageClass", "DEEP_ARCHIVE", "TransitionInDays", 180))))));
        assertEquals(Map.of("DEEP_ARCHIVE", 1.0), BucketPricer.lifecycleShares(props));
        assertEquals(Map.of("STANDARD", 1.0), BucketPricer.lifecycleShares(Map.of()));
    }

    @Test
    void backupVault_whenSized_pricesWarmStorage() {
        TemplatePricing p = price(Map.of("Vault", res("AWS::Backup::BackupVault", Map.of())), Map.of("Vault", 500.0), Set.of());
        assertEquals(500 * 0.05, total(p), 1e-9);
    }

    @Test
    void hostedZone_pricesMonth() {
        assertEquals(0.50, total(price(Map.of("Zone", res("AWS::Route53::HostedZone", Map.of())))), 1e-9);
    }

    @Test
    void healthCheck_whenAwsEndpointWithFastInterval_pricesCheckAndOption() {
        TemplatePricing p = price(Map.of("Check", res("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Map.of(
                "Type", "HTTP", "FullyQualifiedDomainName", Map.of("Fn::GetAtt", List.of("Alb", "DNSName")),
                "RequestInterval", 10)))));
        assertEquals(0.50, charge(p, "HTTP health check (AWS endpoint)").getMonthlyUsd(), 1e-9);
        assertEquals(1.00, charge(p, "1 optional feature(s)").getMonthlyUsd(), 1e-9);
    }

    @Test
    void kmsKey_whenRotationEnabled_pricesKeyAndTwoChargedRotations() {
        TemplatePricing p = price(Map.of(
                "Rotating", res("AWS::KMS::Key", Map.of("EnableKeyRotation", true)),
                "Plain", res("AWS::KMS::Key", Map.of())));
        assertEquals(2 * 1.00, charge(p, "automatic rotation").getMonthlyUsd(), 1e-9);
        assertEquals(1.00 + 2 * 1.00 + 1.00, total(p), 1e-9);
    }

    @Test
    void secret_pricesMonth() {
        assertEquals(0.40, total(price(Map.of("S", res("AWS::SecretsManager::Secret", Map.of())))), 1e-9);
    }

    @Test
    void alarm_whenPeriodUnderAMinute_pricesHighResolution() {
        TemplatePricing p = price(Map.of("Fast", res("AWS::CloudWatch::Alarm", Map.of("Period", 10)),
                "Slow", res("AWS::CloudWatch::Alarm", Map.of("Period", 60))));
        assertEquals(0.30 + 0.10, total(p), 1e-9);
    }

    @Test
    void dashboard_pricesMonth() {
        assertEquals(3.00, total(price(Map.of("D", res("AWS::CloudWatch::Dashboard", Map.of())))), 1e-9);
    }

    @Test
    void logGroup_whenSized_pricesStorageAndElseListsItUnpriced() {
        Map<String, Object> resources = Map.of("Logs", res("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365)));
        assertEquals(20 * 0.03, total(price(resources, Map.of("Logs", 20.0), Set.of())), 1e-9);
        assertEquals(List.of("Logs (AWS::Logs::LogGroup): stored log data (kept 365 days) not priced; give a size with "
                + "StandbyCost.storageEstimate"), price(resources).getUnpriced());
    }

    @Test
    void flowLog_isAlwaysListedUnpriced() {
        TemplatePricing p = price(Map.of("Flow", res("AWS::EC2::FlowLog", Map.of("LogDestinationType", "s3"))));
        assertEquals(List.of("Flow (AWS::EC2::FlowLog): flow-log delivery to s3 is charged per GB of logs, which follows "
                + "traffic; not priced"), p.getUnpriced());
        assertTrue(p.getCharges().isEmpty());
    }

    @Test
    void lifecyclePolicy_whenSizedWithCrossRegionCopy_pricesSnapshotsAndTheirCopy() {
        Map<String, Object> resources = Map.of("Snapshots", res("AWS::DLM::LifecyclePolicy", Map.of("PolicyDetails",
                Map.of("Schedules", List.of(Map.of("CrossRegionCopyRules", List.of(Map.of("Target", "us-west-2"))))))));
        assertEquals(2 * 40 * 0.05, total(price(resources, Map.of("Snapshots", 40.0), Set.of())), 1e-9);
        assertEquals(List.of("Snapshots (AWS::DLM::LifecyclePolicy): snapshots it keeps and 1 cross-Region copy not "
                + "priced; give their size with StandbyCost.storageEstimate"), price(resources).getUnpriced());
    }

    @Test
    void lambdaAlias_whenProvisionedConcurrency_pricesGbHoursOfItsFunctionMemory() {
        TemplatePricing p = price(Map.of(
                "Fn", res("AWS::Lambda::Function", Map.of("MemorySize", 1024, "Architectures", List.of("arm64"))),
                "Live", res("AWS::Lambda::Alias", Map.of("FunctionName", Map.of("Ref", "Fn"),
                        "ProvisionedConcurrencyConfig", Map.of("ProvisionedConcurrentExecutions", 2)))));
        assertEquals(2 * 1.0 * 0.012 * H, charge(p, "2 x 1024 MB provisioned concurrency (arm64)").getMonthlyUsd(), 1e-9);
    }

    @Test
    void lambdaAlias_whenNoProvisionedConcurrency_costsNothing() {
        TemplatePricing p = price(Map.of("Fn", res("AWS::Lambda::Function", Map.of()),
                "Live", res("AWS::Lambda::Alias", Map.of("FunctionName", Map.of("Ref", "Fn")))));
        assertTrue(p.getCharges().isEmpty() && p.getUnpriced().isEmpty(), p.getCharges() + " " + p.getUnpriced());
    }

    @Test
    void lambdaVersion_whenProvisionedConcurrency_pricesDefaultMemoryOnX86() {
        TemplatePricing p = price(Map.of("Fn", res("AWS::Lambda::Function", Map.of()),
                "V1", res("AWS::Lambda::Version", Map.of("FunctionName", Map.of("Ref", "Fn"),
                        "ProvisionedConcurrencyConfig", Map.of("ProvisionedConcurrentExecutions", 4)))));
        assertEquals(4 * 0.125 * 0.015 * H, total(p), 1e-9);
    }

    @Test
    void ssmParameter_whenAdvanced_pricesMonthAndStandardIsFree() {
        TemplatePricing p = price(Map.of("A", res("AWS::SSM::Parameter", Map.of("Tier", "Advanced")),
                "S", res("AWS::SSM::Parameter", Map.of("Tier", "Standard"))));
        assertEquals(0.05, total(p), 1e-9);
    }

    @Test
    void unpricedTypes_whenPresent_areListedWithTheirReason() {
        TemplatePricing p = price(Map.of("Table", res("AWS::DynamoDB::Table", Map.of()),
                "Tests", res("AWS::Backup::RestoreTestingPlan", Map.of()),
                "Queue", res("AWS::Foo::Bar", Map.of())));
        assertEquals(Set.of("Table (AWS::DynamoDB::Table): provisioned capacity, stored data and replicas not priced",
                "Tests (AWS::Backup::RestoreTestingPlan): each scheduled restore test is charged per job, and the restored "
                        + "resource runs until it is cleaned up; not priced",
                "1 x AWS::Foo::Bar: not in the price table"), new HashSet<>(p.getUnpriced()));
    }

    @Test
    void registry_whenTypeIsPriced_isNeitherFreeNorUnpriced() {
        for (ResourcePricer pricer : ResourcePricers.defaults()) {
            assertFalse(TemplatePricing.isFree(pricer.resourceType()), pricer.resourceType() + " is priced and listed free");
            assertFalse(ResourcePricers.UNPRICED_TYPES.containsKey(pricer.resourceType()), pricer.resourceType());
        }
        for (String type : ResourcePricers.UNPRICED_TYPES.keySet()) {
            assertFalse(TemplatePricing.isFree(type), type + " is listed unpriced and free");
        }
    }

    @Test
    void registry_whenIdleCostingTypes_noneIsFree() {
        for (String type : List.of("AWS::EC2::FlowLog", "AWS::Logs::LogGroup", "AWS::DLM::LifecyclePolicy",
                "AWS::RDS::DBCluster", "AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::SSM::Parameter",
                "AWS::CloudWatch::Dashboard")) {
            assertFalse(TemplatePricing.isFree(type), type);
        }
    }

    @Test
    void run_whenTwoPricersForOneType_throwsNamingBoth() {
        List<ResourcePricer> twice = List.of(new NatGatewayPricer(), new NatGatewayPricer());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemplatePricing.run(Map.of(), "us-east-1", PRICES, Map.of(), Set.of(), twice));
        assertEquals("TemplatePricing: two pricers for AWS::EC2::NatGateway (NatGatewayPricer and NatGatewayPricer); "
                + "register one", e.getMessage());
    }

    @Test
    void bundledTable_whenAPricerChargesAKey_hasItInEveryRegionWithSource() {
        for (String key : List.of("ec2:t3.small", "kms:rotated-key-material", "logs:storage", "ebs:snapshot",
                "aurora:storage", "aurora:storage-iopt1", "lambda:provisioned-concurrency-x86_64",
                "lambda:provisioned-concurrency-arm64", "ssm:advanced-parameter", "cloudwatch:dashboard", "vpc:public-ipv4")) {
            for (String region : PRICES.regions()) {
                assertTrue(PRICES.price(region, key).isPresent(), key + " in " + region);
                assertTrue(PRICES.sourceOf(region, key).startsWith("https://aws.amazon.com/"), PRICES.sourceOf(region, key));
            }
        }
    }
}
