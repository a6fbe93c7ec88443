package io.github.drkit.objectives.pricing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry: the pricer of every priced type, the types known to cost nothing while idle, and the
 * types known to cost money while idle that no pricer can price from a template. A type in none of the
 * three is listed unpriced as "not in the price table", never counted as free.
 */
public final class ResourcePricers {
    private static final List<ResourcePricer> DEFAULTS = List.of(
            new AutoScalingGroupPricer(),
            new InstancePricer(),
            new VolumePricer(),
            new LoadBalancerPricer(),
            new ClassicLoadBalancerPricer(),
            new NatGatewayPricer(),
            new ElasticIpPricer(),
            new VpcEndpointPricer(),
            new DbInstancePricer(),
            new DbClusterPricer(),
            new BucketPricer(),
            BackupVaultPricer.standard(),
            BackupVaultPricer.airGapped(),
            new HostedZonePricer(),
            new HealthCheckPricer(),
            new KmsKeyPricer(),
            new SecretPricer(),
            new AlarmPricer(),
            new DashboardPricer(),
            new LogGroupPricer(),
            new FlowLogPricer(),
            new LifecyclePolicyPricer(),
            new LambdaAliasPricer(),
            new LambdaVersionPricer(),
            new SsmParameterPricer(),
            new EcsServicePricer(),
            new EksNodegroupPricer(),
            new EksClusterPricer(),
            new GlobalTablePricer());

    /**
     * Prefixes of types with no idle charge: identity, configuration, per-use services (charged by
     * request, message, event or invocation) and CDK's own bookkeeping. Custom resources run a Lambda
     * function on deploy only.
     */
    static final List<String> FREE_PREFIXES = List.of("AWS::IAM::", "AWS::SNS::", "AWS::SQS::", "AWS::Events::",
            "AWS::CloudFormation::", "Custom::", "AWS::CDK::", "AWS::StepFunctions::", "AWS::ApplicationAutoScaling::",
            "AWS::Scheduler::");

    /** Types with no idle charge (networking plumbing, configuration, policies, per-use functions). */
    static final Set<String> FREE_TYPES = Set.of("AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable",
            "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway",
            "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
            "AWS::EC2::SecurityGroupEgress", "AWS::EC2::LaunchTemplate", "AWS::EC2::NetworkAcl",
            "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation", "AWS::EC2::KeyPair",
            "AWS::EC2::PlacementGroup", "AWS::EC2::EgressOnlyInternetGateway", "AWS::EC2::VPCCidrBlock",
            "AWS::EC2::InstanceProfile", "AWS::AutoScaling::LaunchConfiguration", "AWS::AutoScaling::ScalingPolicy",
            "AWS::AutoScaling::ScheduledAction", "AWS::AutoScaling::LifecycleHook",
            "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule",
            "AWS::ElasticLoadBalancingV2::ListenerCertificate", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup", "AWS::RDS::DBClusterParameterGroup",
            "AWS::RDS::OptionGroup", "AWS::S3::BucketPolicy", "AWS::KMS::Alias", "AWS::Route53::RecordSet",
            "AWS::Route53::RecordSetGroup", "AWS::Backup::BackupPlan", "AWS::Backup::BackupSelection",
            "AWS::SecretsManager::SecretTargetAttachment", "AWS::SecretsManager::RotationSchedule",
            "AWS::Lambda::Function", "AWS::Lambda::Permission", "AWS::Lambda::EventInvokeConfig",
            "AWS::Lambda::EventSourceMapping", "AWS::Lambda::LayerVersion", "AWS::Lambda::Url",
            "AWS::Logs::MetricFilter", "AWS::Logs::SubscriptionFilter", "AWS::Logs::ResourcePolicy",
            "AWS::Backup::RestoreTestingSelection",
            // Backup audit and sharing: charged per control evaluation, report or use, not while idle.
            "AWS::Backup::Framework", "AWS::Backup::ReportPlan", "AWS::RAM::ResourceShare",
            // ECS clusters and task definitions cost nothing; the tasks a service runs are priced with the service.
            "AWS::ECS::Cluster", "AWS::ECS::TaskDefinition", "AWS::ECS::ClusterCapacityProviderAssociations",
            // An Aurora global database is billed through its clusters (storage, instances, replicated write I/O).
            "AWS::RDS::GlobalCluster");

    /**
     * Types that cost money while idle but that the template cannot price, with the reason (a pricer
     * that needs more than the template, like a bucket, lists its resources unpriced itself).
     */
    static final Map<String, String> UNPRICED_TYPES = Map.of(
            "AWS::DynamoDB::Table", "provisioned capacity, stored data and replicas not priced",
            "AWS::Backup::RestoreTestingPlan", "each scheduled restore test is charged per job, and the restored "
                    + "resource runs until it is cleaned up; not priced",
            "AWS::EFS::FileSystem", "stored data not priced",
            "AWS::ElastiCache::CacheCluster", "nodes not priced",
            "AWS::ElastiCache::ReplicationGroup", "nodes not priced",
            "AWS::OpenSearchService::Domain", "instances and storage not priced");

    private ResourcePricers() {
    }

    /** The pricers drkit registers, one per priced type. */
    public static List<ResourcePricer> defaults() {
        return DEFAULTS;
    }
}
