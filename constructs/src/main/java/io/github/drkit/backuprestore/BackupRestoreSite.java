package io.github.drkit.backuprestore;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.failover.PlanRestoreDatabase;
import io.github.drkit.failover.PlanRestoreImage;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.protection.Durations;
import io.github.drkit.internal.topology.DnsSwitch;
import io.github.drkit.internal.topology.Estimates;
import io.github.drkit.internal.topology.ServerFleet;
import io.github.drkit.internal.topology.SiteLoadBalancer;
import io.github.drkit.internal.topology.Topics;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import io.github.drkit.pilotlight.ServerTier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.autoscaling.IAutoScalingGroup;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.rds.CfnDBSubnetGroup;
import software.amazon.awscdk.services.route53.IHealthCheck;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Backup and restore's recovery site: nothing runs in the recovery Region until a restore. It holds a load balancer,
 * server tiers as Auto Scaling groups at 0, the DNS switch, a DB subnet group and a security group for the restored
 * database (the last tier may reach it on {@code databasePort}), and a {@link FailoverFunction} whose plan
 * ({@code restore} action) restores the database from the latest snapshot copied here into that group
 * ({@code restoreDatabase}), points each tier at the latest AMI copied here that carries the tier's image tags
 * ({@code restoreImage}), scales the tiers to their recovery capacity, waits for health and moves DNS. Failback moves
 * DNS back and returns the tiers to 0; the restored database is left for a person, listed in the report.
 *
 * <p>The recovery points come from elsewhere: a {@code BackupVault} copying to a vault here, or a snapshot copy, for the
 * database; an {@code ImageReplication} of kind AMIS copying here, for the images.
 */
public class BackupRestoreSite extends Construct implements RecoveryEstimator {
    private static final String OWNER = "BackupRestoreSite";

    private final BackupRestoreSiteProps props;
    private final RecoveryTimings timings;
    private final SiteLoadBalancer site;
    private final Map<String, ServerFleet> fleets = new LinkedHashMap<>();
    private final DnsSwitch dns;
    private final ITopic topic;
    private final CfnDBSubnetGroup subnetGroup;
    private final String restoredDatabaseIdentifier;
    private final ISecurityGroup databaseSecurityGroup;
    private final FailoverFunction failover;

    public BackupRestoreSite(Construct scope, String id, BackupRestoreSiteProps props) {
        super(scope, id);
        this.props = Checks.required(OWNER, "props", props);
        Checks.required(OWNER, "vpc", props.getVpc());
        DnsSwitchOptions dnsOptions = Checks.required(OWNER, "dns", props.getDns());
        List<ServerTier> tiers = Checks.notEmpty(OWNER, "tiers", props.getTiers());
        Set<String> names = new HashSet<>();
        for (ServerTier t : tiers) {
            if (!names.add(t.getName())) {
                throw new IllegalArgumentException(OWNER + ": tier names must be unique (got " + t.getName() + " twice)");
            }
        }
        Map<String, Map<String, String>> tierTags = imageTagsByTier(tiers, props.getImageTags());
        this.timings = RecoveryTimings.orDefaults(props.getTimings());
        String region = Stack.of(this).getRegion();
        String primaryRegion = props.getPrimaryRegion();
        Checks.primaryRegionDiffers(OWNER, region, primaryRegion);
        String application = props.getApplicationName() != null ? props.getApplicationName() : id;
        String source = props.getSourceDatabaseIdentifier();
        if (source == null && props.getRestoredDatabaseIdentifier() != null) {
            throw new IllegalArgumentException(OWNER + ": restoredDatabaseIdentifier needs sourceDatabaseIdentifier, the instance "
                    + "whose snapshots it is restored from (got restoredDatabaseIdentifier " + props.getRestoredDatabaseIdentifier()
                    + " alone)");
        }
        this.restoredDatabaseIdentifier = source == null ? null
                : props.getRestoredDatabaseIdentifier() != null ? props.getRestoredDatabaseIdentifier() : source + "-restored";
        Integer databasePort = databasePort(source);

        this.topic = Topics.givenOrEncrypted(this, props.getNotificationTopic(), "drkit " + application);
        ServerTier front = tiers.get(0);
        this.site = new SiteLoadBalancer(this, props.getVpc(), front.getPort(), front.getHealthCheckPath(), props.getCertificate(),
                props.getAccessLogBucket());
        List<RecoveryStep> restores = new ArrayList<>();
        List<PlanFleet> planFleets = new ArrayList<>();
        this.subnetGroup = source == null ? null : subnetGroup(application);
        this.databaseSecurityGroup = source == null ? null : props.getDatabaseSecurityGroup() != null ? props.getDatabaseSecurityGroup()
                : SecurityGroup.Builder.create(this, "DatabaseSecurityGroup").vpc(props.getVpc())
                        .description("The database a restore creates: only the last tier may reach it").allowAllOutbound(false).build();
        if (source != null) {
            restores.add(PlanRestoreDatabase.builder().region(region).sourceDbInstanceIdentifier(source)
                    .dbInstanceIdentifier(restoredDatabaseIdentifier).dbInstanceClass(props.getRestoredDatabaseClass())
                    .dbSubnetGroupName(subnetGroupName(subnetGroup)).vpcSecurityGroupIds(List.of(databaseSecurityGroup.getSecurityGroupId()))
                    .rpo(props.getRpo()).build());
        }
        ServerFleet frontFleet = null;
        for (ServerTier tier : tiers) {
            Capacity recovery = tier.getRecoveryCapacity();
            Capacity standby = Capacity.of(0, 0, recovery.max());
            boolean isFront = tier == front;
            ServerFleet fleet = new ServerFleet(new Construct(this, tier.getName()), props.getVpc(), tier.getInstanceType(),
                    tier.getMachineImage(), tier.getUserData(), standby, Estimates.launchGrace(timings), topic, isFront);
            fleets.put(tier.getName(), fleet);
            // The image comes before the capacity: the tier's first instances launch from the restored AMI.
            restores.add(PlanRestoreImage.builder().region(region).autoScalingGroupName(fleet.group().getAutoScalingGroupName())
                    .imageTags(tierTags.get(tier.getName())).launchTemplateId(fleet.launchTemplate().getLaunchTemplateId())
                    .instanceRoleArn(fleet.role().getRoleArn()).rpo(props.getRpo()).build());
            PlanFleet.Builder pf = PlanFleet.builder().region(region).autoScalingGroupName(fleet.group().getAutoScalingGroupName())
                    .standby(standby).recovery(recovery).minHealthy(recovery.min());
            if (isFront) {
                fleet.group().attachToApplicationTargetGroup(site.targetGroup());
                fleet.securityGroup().getConnections().allowFrom(site.securityGroup(), Port.tcp(tier.getPort()), "Load balancer to " + tier.getName());
                pf.targetGroupArns(List.of(site.targetGroup().getTargetGroupArn()));
                frontFleet = fleet;
            } else {
                fleet.securityGroup().getConnections().allowFrom(frontFleet.securityGroup(), Port.tcp(tier.getPort()),
                        front.getName() + " to " + tier.getName());
            }
            planFleets.add(pf.build());
        }
        if (databaseSecurityGroup != null) {
            // The last tier is the innermost (front first): with web and app tiers, the app servers query the database.
            ServerTier last = tiers.get(tiers.size() - 1);
            databaseSecurityGroup.getConnections().allowFrom(fleets.get(last.getName()).securityGroup(), Port.tcp(databasePort),
                    last.getName() + " to the restored database");
        }
        this.dns = new DnsSwitch(this, dnsOptions, site.loadBalancer());
        FailoverPlan plan = FailoverPlan.builder()
                .application(application)
                .strategy(DrStrategy.BACKUP_RESTORE)
                .primaryRegion(primaryRegion)
                .recoveryRegion(region)
                .fleets(planFleets)
                .dns(List.of(dns.planZone()))
                .otherSteps(restores)
                .healthTimeout(Durations.knownOrNull(OWNER, "healthTimeout", props.getHealthTimeout()))
                .build();
        this.failover = new FailoverFunction(this, "Failover", FailoverFunctionProps.builder().plan(plan).notificationTopic(topic).build());
    }

    /**
     * Each tier's image tags: its own, else the site's. A tier launches the latest AMI carrying all its tags, so two tiers
     * with the same tags launch the same AMI, and a tier whose tags another tier's AMIs also carry may launch that tier's
     * AMI when it is newer. Both are right only when the tiers share one image: say so at synth.
     */
    private Map<String, Map<String, String>> imageTagsByTier(List<ServerTier> tiers, Map<String, String> siteTags) {
        if (siteTags != null && (siteTags.isEmpty() || siteTags.size() > 10)) {
            throw new IllegalArgumentException(OWNER + ": imageTags must hold 1 to 10 tags, the ones the copied AMIs carry (got "
                    + siteTags.size() + ")");
        }
        Map<String, Map<String, String>> byTier = new LinkedHashMap<>();
        for (ServerTier tier : tiers) {
            Map<String, String> tags = tier.getImageTags() != null ? tier.getImageTags() : siteTags;
            if (tags == null) {
                throw new IllegalArgumentException(OWNER + ": tier " + tier.getName() + " has no image tags: give it ServerTier.imageTags, or"
                        + " give the site imageTags for every tier that names none (got neither)");
            }
            byTier.put(tier.getName(), tags);
        }
        List<String> names = List.copyOf(byTier.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Map<String, String> a = byTier.get(names.get(i));
                Map<String, String> b = byTier.get(names.get(j));
                if (a.equals(b)) {
                    Annotations.of(this).addWarningV2("drkit:backuprestore-shared-image-tags", "tiers " + names.get(i) + " and "
                            + names.get(j) + " select their AMIs by the same tags " + new TreeMap<>(a) + ": both launch the latest AMI"
                            + " carrying them. Give each tier its own ServerTier.imageTags unless they share one image");
                } else if (b.entrySet().containsAll(a.entrySet()) || a.entrySet().containsAll(b.entrySet())) {
                    boolean aWider = b.entrySet().containsAll(a.entrySet());
                    String wide = names.get(aWider ? i : j);
                    String narrow = names.get(aWider ? j : i);
                    Annotations.of(this).addWarningV2("drkit:backuprestore-overlapping-image-tags", "tier " + wide + " selects its AMIs"
                            + " by " + new TreeMap<>(byTier.get(wide)) + ", which tier " + narrow + "'s AMIs also carry (its tags: "
                            + new TreeMap<>(byTier.get(narrow)) + "): " + wide + " launches " + narrow + "'s AMI when it is the newer."
                            + " Give " + wide + " a tag only its own AMIs carry");
                }
            }
        }
        return byTier;
    }

    /** The restored database's port: required with a restored database, refused without one. */
    private Integer databasePort(String source) {
        Integer port = props.getDatabasePort();
        if (source == null) {
            if (port != null || props.getDatabaseSecurityGroup() != null) {
                throw new IllegalArgumentException(OWNER + ": " + (port != null ? "databasePort" : "databaseSecurityGroup") + " needs "
                        + "sourceDatabaseIdentifier, the instance whose snapshots the database is restored from (got "
                        + (port != null ? "databasePort " + port : "databaseSecurityGroup") + " alone)");
            }
            return null;
        }
        if (port == null) {
            throw new IllegalArgumentException(OWNER + ": databasePort is required with sourceDatabaseIdentifier: the port the last tier"
                    + " reaches the restored database on, e.g. 5432 for PostgreSQL or 3306 for MySQL (got none)");
        }
        return Checks.range(OWNER, "databasePort", port, 1, 65535);
    }

    /** The group's name as a literal when it has one: the plan and the role's statements name it. */
    private static String subnetGroupName(CfnDBSubnetGroup group) {
        return group.getDbSubnetGroupName() != null ? group.getDbSubnetGroupName() : group.getRef();
    }

    /** The restored database's subnets: the VPC's isolated ones when it has them, else its private ones. */
    private CfnDBSubnetGroup subnetGroup(String application) {
        SubnetType type = props.getVpc().getIsolatedSubnets().isEmpty() ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED;
        String name = Token.isUnresolved(application) ? null : (application + "-restore").toLowerCase(Locale.ROOT);
        return CfnDBSubnetGroup.Builder.create(this, "DatabaseSubnets")
                .dbSubnetGroupName(name)
                .dbSubnetGroupDescription("Subnets of the database a restore creates")
                .subnetIds(props.getVpc().selectSubnets(SubnetSelection.builder().subnetType(type).build()).getSubnetIds())
                .build();
    }

    /**
     * RTO: detection, the decision, the orchestration, the database restore (an assumption the user sets), the instances'
     * boot and warm-up on the restored image, target health and the DNS change. RPO: none here; the age of the recovery
     * points is the {@code BackupVault}'s and the {@code ImageReplication}'s estimate.
     */
    @Override
    public RecoveryEstimate recoveryEstimate() {
        String p = "BackupRestoreSite.";
        List<EstimateTerm> terms = new ArrayList<>(Estimates.serverRecovery(props.getDns().getHealthCheck(), timings, null, p));
        if (restoredDatabaseIdentifier != null) {
            // Before the servers: the restore stage runs ahead of the compute stage.
            terms.add(3, EstimateTerm.of("database restore", Durations.toJava(props.getExpectedDatabaseRestore()),
                    "assumption: RDS restores a snapshot copy in a time that grows with the data and AWS publishes none; "
                            + "measure it with AWS Backup restore testing", p + "expectedDatabaseRestore"));
        }
        return RecoveryEstimate.builder()
                .source(getNode().getPath())
                .strategy(DrStrategy.BACKUP_RESTORE)
                .rtoTerms(terms)
                .build();
    }

    public FailoverFunction getFailover() {
        return failover;
    }

    public IApplicationLoadBalancer getLoadBalancer() {
        return site.loadBalancer();
    }

    /** The tier's Auto Scaling group, by tier name. */
    public IAutoScalingGroup getTier(String name) {
        ServerFleet f = fleets.get(name);
        if (f == null) {
            throw new IllegalArgumentException(OWNER + ": no tier named " + name + " (tiers: " + fleets.keySet() + ")");
        }
        return f.group();
    }

    /**
     * The security group the restored database gets, or null when the site restores none. The last tier may reach it
     * on {@code databasePort}; allow others with {@code getRestoredDatabaseSecurityGroup().getConnections().allowFrom(...)}.
     */
    public ISecurityGroup getRestoredDatabaseSecurityGroup() {
        return databaseSecurityGroup;
    }

    /** The identifier of the database a restore creates, or null when the site restores none. */
    public String getRestoredDatabaseIdentifier() {
        return restoredDatabaseIdentifier;
    }

    public ITopic getNotificationTopic() {
        return topic;
    }

    /** The health check on the primary site. */
    public IHealthCheck getPrimaryHealthCheck() {
        return dns.primaryHealthCheck();
    }
}
