package io.github.drkit.objectives;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * What a stack's idle recovery resources cost a month, priced from its synthesized CloudFormation
 * template with a {@link PriceTable}: instances (Auto Scaling groups at their desired or minimum
 * capacity, with the instance type of their launch template), load balancers, RDS instances by class
 * and Multi-AZ, EBS volumes, NAT gateways and public IPv4 addresses, S3 storage by lifecycle class
 * (given a size estimate), Route 53 hosted zones and health checks, KMS keys, secrets and alarms.
 *
 * <p>It reads only the template, so it prices any construct, drkit's or not. What it cannot price is
 * listed in {@link #unpriced()} rather than counted as free. Usage-driven charges (requests, data
 * transfer, LCUs, backup storage) are out of scope: this compares what each strategy keeps running.
 */
public final class StandbyCost {
    /** Node metadata type that carries a bucket's size estimate in GB; see {@link #storageEstimate}. */
    public static final String STORAGE_ESTIMATE_METADATA = "drkit:storage-estimate-gb";
    /** Node metadata type that marks an EC2 instance as stopped in standby; see {@link #stoppedInStandby}. */
    public static final String STOPPED_METADATA = "drkit:stopped-in-standby";

    /** An AMI's root volume when the template declares none: Amazon Linux 2023's 8 GiB gp3. */
    static final double DEFAULT_ROOT_VOLUME_GB = 8;
    static final String DEFAULT_ROOT_VOLUME_TYPE = "gp3";
    /** Region whose prices are used when the stack's Region is not in the table. */
    static final String FALLBACK_REGION = "us-east-1";

    /** Types that cost nothing while idle (or only per use), so their absence from the lines is correct. */
    private static final List<String> FREE_PREFIXES = List.of("AWS::IAM::", "AWS::Lambda::", "AWS::SNS::", "AWS::SQS::",
            "AWS::Events::", "AWS::Logs::", "AWS::CloudFormation::", "Custom::", "AWS::CDK::", "AWS::SSM::",
            "AWS::StepFunctions::", "AWS::ApplicationAutoScaling::", "AWS::Scheduler::");
    private static final Set<String> FREE_TYPES = Set.of("AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable",
            "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway",
            "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
            "AWS::EC2::SecurityGroupEgress", "AWS::EC2::LaunchTemplate", "AWS::EC2::NetworkAcl",
            "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation",
            "AWS::EC2::FlowLog", "AWS::EC2::KeyPair", "AWS::EC2::PlacementGroup", "AWS::EC2::EgressOnlyInternetGateway",
            "AWS::EC2::VPCCidrBlock", "AWS::EC2::InstanceProfile",
            "AWS::AutoScaling::LaunchConfiguration", "AWS::AutoScaling::ScalingPolicy",
            "AWS::AutoScaling::ScheduledAction", "AWS::AutoScaling::LifecycleHook",
            "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule",
            "AWS::ElasticLoadBalancingV2::ListenerCertificate", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup", "AWS::RDS::DBClusterParameterGroup",
            "AWS::RDS::OptionGroup", "AWS::RDS::DBCluster", "AWS::S3::BucketPolicy", "AWS::KMS::Alias",
            "AWS::Route53::RecordSet", "AWS::Route53::RecordSetGroup", "AWS::Backup::BackupPlan",
            "AWS::Backup::BackupSelection", "AWS::Backup::RestoreTestingPlan", "AWS::Backup::RestoreTestingSelection",
            "AWS::SecretsManager::SecretTargetAttachment", "AWS::SecretsManager::RotationSchedule",
            "AWS::DLM::LifecyclePolicy", "AWS::CloudWatch::Dashboard");

    private final String region;
    private final String pricedRegion;
    private final PriceTable prices;
    private final List<CostLine> lines;
    private final List<String> unpriced;

    private StandbyCost(String region, String pricedRegion, PriceTable prices, List<CostLine> lines, List<String> unpriced) {
        this.region = region;
        this.pricedRegion = pricedRegion;
        this.prices = prices;
        this.lines = List.copyOf(lines);
        this.unpriced = List.copyOf(unpriced);
    }

    // ---- inputs the template cannot carry -------------------------------------------------------

    /**
     * States how much data a bucket or a backup vault is expected to hold, so that its storage is
     * priced: a bucket by the classes its lifecycle moves data through, a vault at the AWS Backup
     * warm storage rate.
     *
     * @param scope     the bucket or vault (an L1, an L2, or a construct holding exactly one)
     * @param gigabytes the expected steady-state size, in GB
     */
    public static void storageEstimate(IConstruct scope, double gigabytes) {
        if (!(gigabytes >= 0) || Double.isInfinite(gigabytes)) {
            throw new IllegalArgumentException("StandbyCost.storageEstimate: gigabytes must be zero or more (got "
                    + gigabytes + ")");
        }
        single(scope, Set.of("AWS::S3::Bucket", "AWS::Backup::BackupVault", AirGappedVaultPricing.TYPE), "storageEstimate", "bucket or backup vault")
                .getNode().addMetadata(STORAGE_ESTIMATE_METADATA, gigabytes);
    }

    /**
     * Marks an EC2 instance that the recovery keeps stopped until failover (pilot light), so that only
     * its volumes are priced.
     *
     * @param scope the instance (an L1, an L2, or a construct holding exactly one)
     */
    public static void stoppedInStandby(IConstruct scope) {
        single(scope, Set.of("AWS::EC2::Instance"), "stoppedInStandby", "EC2 instance").getNode()
                .addMetadata(STOPPED_METADATA, true);
    }

    /** The one CloudFormation resource of the given types at or under a scope. */
    private static CfnResource single(IConstruct scope, Set<String> types, String method, String what) {
        List<CfnResource> found = new ArrayList<>();
        for (IConstruct c : scope.getNode().findAll()) {
            if (c instanceof CfnResource && types.contains(((CfnResource) c).getCfnResourceType())) {
                found.add((CfnResource) c);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("StandbyCost." + method + ": '" + scope.getNode().getPath() + "' must be or hold "
                    + "exactly one " + what + " (got " + found.size() + "); pass the one to price");
        }
        return found.get(0);
    }

    // ---- entry points ---------------------------------------------------------------------------

    /** Prices a stack with the bundled price table; synthesizes its app (which runs its validations). */
    public static StandbyCost of(Stack stack) {
        return of(stack, PriceTable.bundled());
    }

    /** Prices a stack with the given price table; synthesizes its app (which runs its validations). */
    public static StandbyCost of(Stack stack, PriceTable prices) {
        // A stack always has a stage: CDK gives a stack created without a scope an App of its own.
        Stage stage = Stage.of(stack);
        Map<String, Object> template = asMap(stage.synth().getStackArtifact(stack.getArtifactId()).getTemplate());
        return fromTemplate(template, stack.getRegion(), prices, inputs(stack, STORAGE_ESTIMATE_METADATA),
                inputs(stack, STOPPED_METADATA).keySet());
    }

    /** The logical ids of the resources that carry the given metadata. */
    private static Map<String, Object> inputs(Stack stack, String type) {
        Map<String, Object> out = new HashMap<>();
        for (IConstruct c : stack.getNode().findAll()) {
            if (!(c instanceof CfnResource) || Stack.of(c) != stack) {
                continue;
            }
            Object value = metadata(c, type);
            if (value != null) {
                out.put(String.valueOf(stack.resolve(((CfnResource) c).getLogicalId())), value);
            }
        }
        return out;
    }

    private static Object metadata(IConstruct c, String type) {
        for (MetadataEntry e : c.getNode().getMetadata()) {
            if (type.equals(e.getType())) {
                return e.getData();
            }
        }
        return null;
    }

    /**
     * Prices a synthesized template.
     *
     * @param template      the template as parsed JSON (maps and lists)
     * @param region        the stack's Region; a Region the table lacks (or a token) is priced as us-east-1
     * @param storageGb     size estimates in GB by bucket logical id
     * @param stoppedIds    logical ids of EC2 instances kept stopped in standby
     */
    public static StandbyCost fromTemplate(Map<String, Object> template, String region, PriceTable prices,
            Map<String, ?> storageGb, Set<String> stoppedIds) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(prices, "prices");
        String priced = region != null && prices.regions().contains(region) ? region : FALLBACK_REGION;
        Pricer p = new Pricer(asMap(template.get("Resources")), priced, prices,
                storageGb == null ? Map.of() : storageGb, stoppedIds == null ? Set.of() : stoppedIds);
        p.run();
        if (!priced.equals(region)) {
            p.unpriced.add(0, "no prices for Region " + region + " in the table; priced at " + priced);
        }
        return new StandbyCost(region, priced, prices, p.lines, p.unpriced);
    }

    // ---- results --------------------------------------------------------------------------------

    public double monthlyUsd() {
        return lines.stream().mapToDouble(CostLine::monthlyUsd).sum();
    }

    public List<CostLine> lines() {
        return lines;
    }

    /** Resources (and parts) that may cost money but could not be priced, each with the reason. */
    public List<String> unpriced() {
        return unpriced;
    }

    public String region() {
        return region;
    }

    /** The Region whose prices were used. */
    public String pricedRegion() {
        return pricedRegion;
    }

    public PriceTable prices() {
        return prices;
    }

    @Override
    public String toString() {
        return Format.usd(monthlyUsd()) + "/month (" + lines.size() + " items, prices as of " + prices.asOf() + ")";
    }

    // ---- template walk --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    /** A literal string, or null for an intrinsic function or token. */
    static String str(Object o) {
        if (o instanceof String) {
            String s = (String) o;
            return s.contains("${Token[") ? null : s;
        }
        return o instanceof Number || o instanceof Boolean ? String.valueOf(o) : null;
    }

    static Double num(Object o) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        String s = str(o);
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean truthy(Object o) {
        return "true".equalsIgnoreCase(str(o));
    }

    /** The logical id in {"Ref": id}, or null. */
    static String ref(Object o) {
        Map<String, Object> m = asMap(o);
        return m.size() == 1 ? str(m.get("Ref")) : null;
    }

    private static final class Pricer {
        private final Map<String, Object> resources;
        private final String region;
        private final PriceTable prices;
        private final Map<String, ?> storageGb;
        private final Set<String> stoppedIds;
        private final List<CostLine> lines = new ArrayList<>();
        private final List<String> unpriced = new ArrayList<>();
        private final Map<String, Integer> otherTypes = new TreeMap<>();

        Pricer(Map<String, Object> resources, String region, PriceTable prices, Map<String, ?> storageGb,
                Set<String> stoppedIds) {
            this.resources = resources;
            this.region = region;
            this.prices = prices;
            this.storageGb = storageGb;
            this.stoppedIds = stoppedIds;
        }

        void run() {
            for (Map.Entry<String, Object> r : resources.entrySet()) {
                String id = r.getKey();
                Map<String, Object> res = asMap(r.getValue());
                String type = String.valueOf(res.get("Type"));
                Map<String, Object> props = asMap(res.get("Properties"));
                switch (type) {
                    case "AWS::AutoScaling::AutoScalingGroup": autoScalingGroup(id, type, props); break;
                    case "AWS::EC2::Instance": instance(id, type, props); break;
                    case "AWS::EC2::Volume": volume(id, type, props); break;
                    case "AWS::ElasticLoadBalancingV2::LoadBalancer":
                        add(id, type, "elb:" + Objects.requireNonNullElse(str(props.get("Type")), "application"), 1,
                                Objects.requireNonNullElse(str(props.get("Type")), "application") + " load balancer");
                        break;
                    case "AWS::ElasticLoadBalancing::LoadBalancer": add(id, type, "elb:classic", 1, "classic load balancer"); break;
                    case "AWS::EC2::NatGateway": add(id, type, "vpc:nat-gateway", 1, "NAT gateway"); break;
                    case "AWS::EC2::EIP": add(id, type, "vpc:public-ipv4", 1, "public IPv4 address"); break;
                    case "AWS::EC2::VPCEndpoint": vpcEndpoint(id, type, props); break;
                    case "AWS::RDS::DBInstance": dbInstance(id, type, props); break;
                    case "AWS::S3::Bucket": bucket(id, type, props); break;
                    case "AWS::Backup::BackupVault": backupVault(id, type); break;
                    case AirGappedVaultPricing.TYPE: AirGappedVaultPricing.price(id, num(storageGb.get(id)), this::add, unpriced); break;
                    case "AWS::Route53::HostedZone": add(id, type, "route53:hosted-zone", 1, "hosted zone"); break;
                    case "AWS::Route53::HealthCheck": healthCheck(id, type, props); break;
                    case "AWS::KMS::Key": add(id, type, "kms:key", 1, "customer managed key"); break;
                    case "AWS::SecretsManager::Secret": add(id, type, "secretsmanager:secret", 1, "secret"); break;
                    case "AWS::CloudWatch::Alarm": alarm(id, type, props); break;
                    default:
                        if (!FREE_TYPES.contains(type) && !AirGappedVaultPricing.USAGE_PRICED.contains(type)
                                && FREE_PREFIXES.stream().noneMatch(type::startsWith)) {
                            otherTypes.merge(type, 1, Integer::sum);
                        }
                }
            }
            otherTypes.forEach((type, n) -> unpriced.add(n + " x " + type + ": not in the price table"));
            lines.sort(Comparator.comparing(CostLine::monthlyUsd).reversed().thenComparing(CostLine::logicalId));
        }

        private boolean add(String id, String type, String key, double quantity, String what) {
            OptionalDouble monthly = prices.monthly(region, key);
            if (monthly.isEmpty()) {
                unpriced.add(id + " (" + type + "): no price for " + key + " in " + region);
                return false;
            }
            double unit = prices.price(region, key).getAsDouble();
            String per = "hour".equals(prices.unit(key)) ? "/h" : "gb-month".equals(prices.unit(key)) ? "/GB-month" : "/month";
            lines.add(new CostLine(id, type, what + " at " + price(unit) + per, quantity * monthly.getAsDouble()));
            return true;
        }

        private void autoScalingGroup(String id, String type, Map<String, Object> props) {
            Double desired = num(props.get("DesiredCapacity"));
            Double min = num(props.get("MinSize"));
            Double count = desired != null ? desired : min;
            if (count == null) {
                unpriced.add(id + " (" + type + "): DesiredCapacity and MinSize are not literals");
                return;
            }
            String basis = desired != null ? "desired capacity" : "minimum size";
            Map<String, Object> launch = launchData(props);
            String instanceType = str(launch.get("InstanceType"));
            if (instanceType == null) {
                unpriced.add(id + " (" + type + "): instance type not found in its launch template or configuration");
                return;
            }
            int n = count.intValue();
            if (n == 0) {
                lines.add(new CostLine(id, type, "0 x " + instanceType + " (" + basis + " 0: nothing runs in standby)", 0));
                return;
            }
            add(id, type, "ec2:" + instanceType, n, n + " x " + instanceType + " (" + basis + ")");
            volumes(id, type, asList(launch.get("BlockDeviceMappings")), n);
        }

        /** The launch template data (or launch configuration properties) an Auto Scaling group uses. */
        private Map<String, Object> launchData(Map<String, Object> asg) {
            Map<String, Object> lt = asMap(asg.get("LaunchTemplate"));
            Map<String, Object> mixed = asMap(asMap(asg.get("MixedInstancesPolicy")).get("LaunchTemplate"));
            if (lt.isEmpty() && !mixed.isEmpty()) {
                lt = asMap(mixed.get("LaunchTemplateSpecification"));
                List<Object> overrides = asList(mixed.get("Overrides"));
                if (!overrides.isEmpty() && str(asMap(overrides.get(0)).get("InstanceType")) != null) {
                    Map<String, Object> data = new HashMap<>(launchTemplateData(lt));
                    data.put("InstanceType", asMap(overrides.get(0)).get("InstanceType"));
                    return data;
                }
            }
            if (!lt.isEmpty()) {
                return launchTemplateData(lt);
            }
            String lc = ref(asg.get("LaunchConfigurationName"));
            return lc == null ? Map.of() : asMap(asMap(resources.get(lc)).get("Properties"));
        }

        private Map<String, Object> launchTemplateData(Map<String, Object> spec) {
            String lt = ref(spec.get("LaunchTemplateId"));
            if (lt == null) {
                lt = ref(spec.get("LaunchTemplateName"));
            }
            return lt == null ? Map.of() : asMap(asMap(asMap(resources.get(lt)).get("Properties")).get("LaunchTemplateData"));
        }

        private void instance(String id, String type, Map<String, Object> props) {
            String instanceType = str(props.get("InstanceType"));
            Map<String, Object> launch = props.containsKey("LaunchTemplate") ? launchTemplateData(asMap(props.get("LaunchTemplate")))
                    : Map.of();
            if (instanceType == null) {
                instanceType = str(launch.get("InstanceType"));
            }
            if (stoppedIds.contains(id)) {
                lines.add(new CostLine(id, type, "1 x " + instanceType + " stopped in standby: volumes only", 0));
            } else if (instanceType == null) {
                unpriced.add(id + " (" + type + "): InstanceType is not a literal");
            } else {
                add(id, type, "ec2:" + instanceType, 1, "1 x " + instanceType);
            }
            List<Object> mappings = asList(props.get("BlockDeviceMappings"));
            volumes(id, type, mappings.isEmpty() ? asList(launch.get("BlockDeviceMappings")) : mappings, 1);
        }

        /** EBS volumes of n instances; an instance that declares none keeps its AMI's root volume. */
        private void volumes(String id, String type, List<Object> mappings, int n) {
            boolean any = false;
            for (Object m : mappings) {
                Map<String, Object> ebs = asMap(asMap(m).get("Ebs"));
                if (ebs.isEmpty()) {
                    continue;
                }
                any = true;
                Double size = num(ebs.get("VolumeSize"));
                String volumeType = Objects.requireNonNullElse(str(ebs.get("VolumeType")), "gp2");
                if (size == null) {
                    size = DEFAULT_ROOT_VOLUME_GB;
                }
                add(id, type, "ebs:" + volumeType, n * size, n + " x " + gb(size) + " GB EBS " + volumeType);
            }
            if (!any) {
                add(id, type, "ebs:" + DEFAULT_ROOT_VOLUME_TYPE, n * DEFAULT_ROOT_VOLUME_GB, n + " x " + gb(DEFAULT_ROOT_VOLUME_GB)
                        + " GB EBS " + DEFAULT_ROOT_VOLUME_TYPE + " (AMI root volume, assumed)");
            }
        }

        private void volume(String id, String type, Map<String, Object> props) {
            Double size = num(props.get("Size"));
            String volumeType = Objects.requireNonNullElse(str(props.get("VolumeType")), "gp2");
            if (size == null) {
                unpriced.add(id + " (" + type + "): Size is not a literal (a volume from a snapshot takes its size)");
                return;
            }
            add(id, type, "ebs:" + volumeType, size, gb(size) + " GB EBS " + volumeType);
        }

        private void vpcEndpoint(String id, String type, Map<String, Object> props) {
            if (!"Interface".equals(str(props.get("VpcEndpointType")))) {
                return; // gateway endpoints (S3, DynamoDB) are free
            }
            int azs = Math.max(1, asList(props.get("SubnetIds")).size());
            add(id, type, "vpc:interface-endpoint-az", azs, "interface endpoint in " + azs + " subnet(s)");
        }

        private void dbInstance(String id, String type, Map<String, Object> props) {
            String dbClass = str(props.get("DBInstanceClass"));
            String engine = str(props.get("Engine"));
            Map<String, Object> cluster = Map.of();
            String clusterId = ref(props.get("DBClusterIdentifier"));
            if (clusterId != null) {
                cluster = asMap(asMap(resources.get(clusterId)).get("Properties"));
                if (engine == null) {
                    engine = str(cluster.get("Engine"));
                }
            }
            engine = engine == null ? "" : engine.toLowerCase(Locale.ROOT);
            if (dbClass == null) {
                unpriced.add(id + " (" + type + "): DBInstanceClass is not a literal");
                return;
            }
            boolean aurora = engine.startsWith("aurora");
            if (aurora && "db.serverless".equals(dbClass)) {
                Double acu = num(asMap(cluster.get("ServerlessV2ScalingConfiguration")).get("MinCapacity"));
                if (acu == null) {
                    unpriced.add(id + " (" + type + "): Aurora Serverless v2 without a literal MinCapacity");
                } else {
                    add(id, type, "aurora:serverless-v2-acu", acu, gb(acu) + " ACU minimum capacity (Aurora Serverless v2)");
                }
                return;
            }
            boolean multiAz = truthy(props.get("MultiAZ"));
            int copies = multiAz ? 2 : 1;
            String prefix = aurora ? "aurora:" : engine.startsWith("postgres") ? "rds-postgres:" : "rds:";
            String engineText = !engine.isEmpty() ? " " + engine
                    : props.containsKey("SourceDBInstanceIdentifier") ? " read replica (engine of its source; priced as MySQL)"
                    : " (engine not stated; priced as MySQL)";
            String what = dbClass + engineText + (multiAz ? " Multi-AZ (2 instances)" : "");
            add(id, type, prefix + dbClass, copies, what);
            if (aurora) {
                return; // Aurora storage is billed per cluster by use
            }
            Double storage = num(props.get("AllocatedStorage"));
            String storageType = Objects.requireNonNullElse(str(props.get("StorageType")), "gp2");
            if (storage == null) {
                unpriced.add(id + " (" + type + "): AllocatedStorage is not a literal");
            } else {
                add(id, type, "rds-storage:" + storageType, copies * storage,
                        (multiAz ? "2 x " : "") + gb(storage) + " GB " + storageType + " storage");
            }
        }

        private void bucket(String id, String type, Map<String, Object> props) {
            Object estimate = storageGb.get(id);
            Double size = num(estimate);
            if (size == null) {
                unpriced.add(id + " (" + type + "): storage not priced; give a size with StandbyCost.storageEstimate");
                return;
            }
            for (Map.Entry<String, Double> share : lifecycleShares(props).entrySet()) {
                double gbInClass = size * share.getValue();
                add(id, type, "s3:" + share.getKey(), gbInClass, gb(gbInClass) + " GB " + share.getKey()
                        + (share.getValue() < 1 ? String.format(Locale.ROOT, " (%.0f %% of %s GB by lifecycle)",
                        share.getValue() * 100, gb(size)) : ""));
            }
        }

        private void backupVault(String id, String type) {
            Double size = num(storageGb.get(id));
            if (size == null) {
                unpriced.add(id + " (" + type + "): stored recovery points not priced; give a size with StandbyCost.storageEstimate");
                return;
            }
            add(id, type, "backup:warm", size, gb(size) + " GB of recovery points (warm storage; RDS snapshots cost more)");
        }

        private void healthCheck(String id, String type, Map<String, Object> props) {
            Map<String, Object> config = asMap(props.get("HealthCheckConfig"));
            String checkType = Objects.requireNonNullElse(str(config.get("Type")), "HTTP");
            Object fqdn = config.get("FullyQualifiedDomainName");
            String literal = str(fqdn);
            // Calculated and metric checks, and checks of an AWS resource, are priced as AWS endpoints.
            boolean aws = checkType.equals("CALCULATED") || checkType.equals("CLOUDWATCH_METRIC")
                    || checkType.equals("RECOVERY_CONTROL") || (fqdn != null && literal == null)
                    || (literal != null && literal.endsWith(".amazonaws.com"));
            String endpoint = aws ? "aws" : "other";
            add(id, type, "route53:health-check-" + endpoint, 1, checkType + " health check (" + (aws ? "AWS" : "non-AWS")
                    + " endpoint)");
            int options = 0;
            if (Double.valueOf(10).equals(num(config.get("RequestInterval")))) {
                options++;
            }
            if (checkType.startsWith("HTTPS")) {
                options++;
            }
            if (checkType.endsWith("STR_MATCH")) {
                options++;
            }
            if (truthy(config.get("MeasureLatency"))) {
                options++;
            }
            if (options > 0) {
                add(id, type, "route53:health-check-option-" + endpoint, options, options
                        + " optional feature(s) (fast interval, HTTPS, string match, latency)");
            }
        }

        private void alarm(String id, String type, Map<String, Object> props) {
            Double period = num(props.get("Period"));
            boolean highResolution = period != null && period < 60;
            add(id, type, highResolution ? "cloudwatch:alarm-high-resolution" : "cloudwatch:alarm-standard", 1,
                    highResolution ? "high-resolution alarm" : "standard alarm");
        }

        private static String price(double usd) {
            java.math.BigDecimal d = java.math.BigDecimal.valueOf(usd).stripTrailingZeros();
            return "$" + (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
        }
    }

    static String gb(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * The share of a bucket's data in each storage class at steady state, from its first enabled
     * lifecycle rule. With a constant write rate and objects expiring after E days, an object spends
     * (next transition - this transition) days of its E in each class, so that class holds that
     * fraction of the data. Without an expiration the data accumulates in the last class, which is
     * where it all is in the long run.
     */
    static Map<String, Double> lifecycleShares(Map<String, Object> bucketProps) {
        Map<String, Object> rule = null;
        for (Object r : asList(asMap(bucketProps.get("LifecycleConfiguration")).get("Rules"))) {
            Map<String, Object> m = asMap(r);
            if ("Enabled".equals(str(m.get("Status"))) && (m.containsKey("Transitions") || m.containsKey("Transition")
                    || m.containsKey("ExpirationInDays"))) {
                rule = m;
                break;
            }
        }
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        if (rule == null) {
            shares.put("STANDARD", 1.0);
            return shares;
        }
        TreeMap<Double, String> starts = new TreeMap<>();
        starts.put(0.0, "STANDARD");
        List<Object> transitions = new ArrayList<>(asList(rule.get("Transitions")));
        if (rule.containsKey("Transition")) {
            transitions.add(rule.get("Transition"));
        }
        for (Object t : transitions) {
            Double day = num(asMap(t).get("TransitionInDays"));
            String cls = str(asMap(t).get("StorageClass"));
            if (day != null && cls != null) {
                starts.put(day, cls);
            }
        }
        Double expiration = num(rule.get("ExpirationInDays"));
        if (expiration == null) {
            shares.put(starts.lastEntry().getValue(), 1.0);
            return shares;
        }
        List<Double> days = new ArrayList<>(starts.keySet());
        for (int i = 0; i < days.size(); i++) {
            double from = days.get(i);
            double to = Math.min(i + 1 < days.size() ? days.get(i + 1) : expiration, expiration);
            if (to > from) {
                shares.merge(starts.get(from), (to - from) / expiration, Double::sum);
            }
        }
        if (shares.isEmpty()) {
            shares.put("STANDARD", 1.0);
        }
        return shares;
    }
}
