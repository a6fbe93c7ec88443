package io.github.drkit.multisite;

import io.github.drkit.arc.ArcRegionSwitchPlan;
import io.github.drkit.internal.protection.Durations;
import io.github.drkit.failover.DnsNames;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsZone;
import io.github.drkit.failover.PlanSiteSwitch;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.topology.AliasTarget;
import io.github.drkit.internal.topology.Estimates;
import io.github.drkit.internal.topology.HealthChecks;
import io.github.drkit.internal.topology.Topics;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.route53.AlarmIdentifier;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.HealthCheckType;
import software.amazon.awscdk.services.route53.IHealthCheck;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.InsufficientDataHealthStatusEnum;
import software.amazon.awscdk.services.route53.RecordSet;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.RecordType;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Multi-site: two or more live sites (on-premises by IP or host name, AWS load balancers by alias)
 * behind Route 53 weighted records, each with a health check. Route 53 stops answering with a site
 * whose check fails; on top of that, failure detection is program logic: the health check's alarm
 * goes through EventBridge to a {@link FailoverFunction} that moves the weight to the other sites
 * ({@link FailoverMode#CONTROL_PLANE}), or flips a metric whose alarm withdraws the site without
 * any Route 53 API call ({@link FailoverMode#DATA_PLANE}). Failover never leaves every site at 0.
 */
public class MultiSiteWeightedDns extends Construct implements RecoveryEstimator {
    /** Route 53 publishes health check metrics only here. */
    public static final String METRICS_REGION = "us-east-1";
    /** Namespace and metric name of data-plane site switches. */
    public static final String SWITCH_NAMESPACE = "drkit";
    public static final String SWITCH_METRIC = "SiteEnabled";

    private final HealthCheckOptions healthCheck;
    private final RecoveryTimings timings;
    private final FailoverMode mode;
    private final boolean automatic;
    private final java.time.Duration ttl;
    private final java.time.Duration dataReplicationLag;
    private final boolean allAlias;
    private final Map<String, HealthCheck> siteHealthChecks = new LinkedHashMap<>();
    private final Map<String, IAlarm> siteAlarms = new LinkedHashMap<>();
    private final ITopic topic;
    private final FailoverFunction failover;
    private final ArcRegionSwitchPlan regionSwitchPlan;

    public MultiSiteWeightedDns(Construct scope, String id, MultiSiteWeightedDnsProps props) {
        super(scope, id);
        String owner = "MultiSiteWeightedDns";
        Checks.required(owner, "props", props);
        IHostedZone zone = Checks.required(owner, "hostedZone", props.getHostedZone());
        String name = DnsNames.qualify(Checks.required(owner, "recordName", props.getRecordName()), zone);
        List<WeightedSite> sites = Checks.required(owner, "sites", props.getSites());
        if (sites.size() < 2) {
            throw new IllegalArgumentException(owner + ": sites needs at least 2 sites (got " + sites.size() + ")");
        }
        Set<String> names = new HashSet<>();
        for (WeightedSite s : sites) {
            if (!names.add(s.getName())) {
                throw new IllegalArgumentException(owner + ": site names must be unique (got " + s.getName() + " twice)");
            }
        }
        String type = recordType(owner, sites);
        if (sites.stream().allMatch(s -> s.getNormalWeight() == 0)) {
            throw new IllegalArgumentException(owner + ": every normalWeight is 0; at least one must be above 0");
        }
        if (sites.stream().allMatch(s -> s.getFailoverWeight() == 0)) {
            throw new IllegalArgumentException(owner + ": failover would leave every site at weight 0; at least one failoverWeight must be above 0");
        }
        if (sites.stream().noneMatch(WeightedSite::drainedOnFailover)) {
            throw new IllegalArgumentException(owner
                    + ": no site loses weight on failover; set failoverWeight below normalWeight on the site(s) failover drains");
        }
        this.ttl = props.getTtl() == null ? java.time.Duration.ofSeconds(60) : Durations.requireKnown(owner, "ttl", props.getTtl());
        if (ttl.isNegative() || ttl.toSeconds() > 60) {
            throw new IllegalArgumentException(owner + ": ttl must be from 0 to 60 seconds, so that failover reaches clients within a minute (got "
                    + ttl.toSeconds() + " s)");
        }
        this.healthCheck = props.getHealthCheck() != null ? props.getHealthCheck() : HealthCheckOptions.defaults();
        this.timings = RecoveryTimings.orDefaults(props.getTimings());
        this.mode = props.getMode() != null ? props.getMode() : FailoverMode.CONTROL_PLANE;
        this.automatic = props.getAutomaticFailover() == null || props.getAutomaticFailover();
        this.dataReplicationLag = props.getDataReplicationLag() == null ? null
                : Durations.requireKnown(owner, "dataReplicationLag", props.getDataReplicationLag());
        this.allAlias = sites.stream().allMatch(s -> s.getEndpoint().isAlias());
        String region = Stack.of(this).getRegion();
        if (automatic && !Checks.isToken(region) && !METRICS_REGION.equals(region)) {
            throw new IllegalArgumentException(owner + ": automaticFailover needs the stack in " + METRICS_REGION
                    + ", the only Region where Route 53 publishes health check metrics (got " + region
                    + "); deploy this construct there or set automaticFailover(false) and invoke failover on command");
        }
        String application = props.getApplicationName() != null ? props.getApplicationName() : id;
        this.topic = Topics.givenOrEncrypted(this, props.getNotificationTopic(), "drkit " + application);

        List<PlanDnsRecord> planRecords = new ArrayList<>();
        List<PlanSiteSwitch> switches = new ArrayList<>();
        String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (WeightedSite site : sites) {
            Construct siteScope = new Construct(this, site.getName());
            HealthCheck endpointCheck = HealthChecks.onEndpoint(siteScope, "HealthCheck", site.getEndpoint(), healthCheck, zone, host);
            siteHealthChecks.put(site.getName(), endpointCheck);
            IHealthCheck recordCheck = endpointCheck;
            if (mode == FailoverMode.DATA_PLANE && site.drainedOnFailover()) {
                Map<String, String> dimensions = Map.of("Application", application, "Site", site.getName());
                Alarm switchAlarm = Alarm.Builder.create(siteScope, "SwitchAlarm")
                        .alarmDescription("drkit: site " + site.getName() + " of " + application + " is switched off by failover")
                        .metric(Metric.Builder.create().namespace(SWITCH_NAMESPACE).metricName(SWITCH_METRIC).dimensionsMap(dimensions)
                                .statistic("Minimum").period(Duration.minutes(1)).build())
                        .threshold(1)
                        .evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                        // The switch holds its position: without new data the alarm keeps its state,
                        // so a failover stays in force until failback publishes 1 again. A failback in the
                        // failover's minute leaves that minute's minimum at 0: the runtime keeps publishing
                        // until this alarm is OK, whatever the timing (docs/topology.md, data-plane mode).
                        .treatMissingData(TreatMissingData.IGNORE)
                        .build();
                HealthCheck switchCheck = HealthCheck.Builder.create(siteScope, "SwitchHealthCheck")
                        .type(HealthCheckType.CLOUDWATCH_METRIC)
                        .alarmIdentifier(AlarmIdentifier.builder().name(switchAlarm.getAlarmName()).region(region).build())
                        // Before the first failover the metric has no data: the site is in service.
                        .insufficientDataHealthStatus(InsufficientDataHealthStatusEnum.HEALTHY)
                        .build();
                recordCheck = HealthCheck.Builder.create(siteScope, "SiteHealthCheck")
                        .type(HealthCheckType.CALCULATED)
                        .childHealthChecks(List.of(endpointCheck, switchCheck))
                        .healthThreshold(2)
                        .build();
                switches.add(PlanSiteSwitch.of(region, site.getName(), SWITCH_NAMESPACE, SWITCH_METRIC, dimensions, 1, 0));
            }
            RecordSet.Builder record = RecordSet.Builder.create(siteScope, "Record")
                    .zone(zone)
                    .recordName(name)
                    .recordType("A".equals(type) ? RecordType.A : RecordType.CNAME)
                    .target(target(site.getEndpoint(), type, zone))
                    .setIdentifier(site.getName())
                    .weight(site.getNormalWeight())
                    .healthCheck(recordCheck);
            if (!("A".equals(type) && site.getEndpoint().isAlias())) {
                record.ttl(Duration.seconds(ttl.toSeconds()));
            }
            record.build();
            planRecords.add(PlanDnsRecord.weighted(name, type, site.getName(), site.getNormalWeight(), site.getFailoverWeight()));

            if (automatic && site.drainedOnFailover()) {
                Alarm down = Alarm.Builder.create(siteScope, "HealthAlarm")
                        .alarmDescription("drkit: site " + site.getName() + " of " + application + " fails its Route 53 health check; failover runs")
                        .metric(Metric.Builder.create().namespace("AWS/Route53").metricName("HealthCheckStatus")
                                .dimensionsMap(Map.of("HealthCheckId", endpointCheck.getHealthCheckId()))
                                .statistic("Minimum").period(Duration.minutes(1)).build())
                        .threshold(1)
                        .evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                        // No data is not a failure: a gap in Route 53's metrics must not move traffic.
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build();
                down.addAlarmAction(new SnsAction(topic));
                siteAlarms.put(site.getName(), down);
            }
        }

        FailoverPlan.Builder plan = FailoverPlan.builder()
                .application(application)
                .strategy(DrStrategy.MULTI_SITE)
                .primaryRegion(props.getPrimaryRegion())
                .recoveryRegion(region)
                .healthTimeout(Durations.knownOrNull(owner, "healthTimeout", props.getHealthTimeout()));
        if (mode == FailoverMode.DATA_PLANE) {
            plan.siteSwitches(switches);
        } else {
            plan.dns(List.of(PlanDnsZone.of(zone.getHostedZoneId(), planRecords)));
        }
        this.failover = new FailoverFunction(this, "Failover", FailoverFunctionProps.builder().plan(plan.build()).notificationTopic(topic).build());
        this.regionSwitchPlan = props.getRegionSwitchPlan() == null ? null
                : ArcRegionSwitchPlan.besideFailover(this, "MultiSiteWeightedDns", failover, props.getRegionSwitchPlan());

        if (!siteAlarms.isEmpty()) {
            List<String> alarmArns = new ArrayList<>();
            siteAlarms.values().forEach(a -> alarmArns.add(a.getAlarmArn()));
            Rule rule = Rule.Builder.create(this, "FailoverRule")
                    .description("drkit: a drained site's health alarm starts failover of " + application)
                    .eventPattern(EventPattern.builder()
                            .source(List.of("aws.cloudwatch"))
                            .detailType(List.of("CloudWatch Alarm State Change"))
                            .resources(alarmArns)
                            .detail(Map.of("state", Map.of("value", List.of("ALARM"))))
                            .build())
                    .build();
            rule.addTarget(new LambdaFunction(failover.getAlias(), LambdaFunctionProps.builder()
                    .event(RuleTargetInput.fromObject(Map.of("action", "failover")))
                    .retryAttempts(2)
                    .maxEventAge(Duration.hours(1))
                    .build()));
        }
    }

    private static String recordType(String owner, List<WeightedSite> sites) {
        WeightedSite ip = sites.stream().filter(s -> s.getEndpoint().kind() == Endpoint.Kind.IP_ADDRESS).findFirst().orElse(null);
        WeightedSite host = sites.stream().filter(s -> s.getEndpoint().kind() == Endpoint.Kind.HOSTNAME).findFirst().orElse(null);
        if (ip != null && host != null) {
            throw new IllegalArgumentException(owner + ": site " + ip.getName() + " is an IP address (A record) but site " + host.getName()
                    + " is a hostname (CNAME record); the records of one name share one type");
        }
        return host != null ? "CNAME" : "A";
    }

    private static RecordTarget target(Endpoint e, String type, IHostedZone zone) {
        if ("CNAME".equals(type)) {
            return RecordTarget.fromValues(e.isAlias() ? e.aliasDnsName(zone) : e.value());
        }
        if (e.isAlias()) {
            return RecordTarget.fromAlias(new AliasTarget(e.aliasDnsName(zone), e.aliasHostedZoneId(zone), false));
        }
        return RecordTarget.fromIpAddresses(e.value());
    }

    @Override
    public RecoveryEstimate recoveryEstimate() {
        String p = "MultiSiteWeightedDns.";
        List<EstimateTerm> rto = new ArrayList<>();
        rto.add(Estimates.detection(healthCheck, p + "healthCheck (interval, failureThreshold)"));
        if (automatic) {
            rto.add(EstimateTerm.of("alarm evaluation", java.time.Duration.ofMinutes(1),
                    "CloudWatch alarm on HealthCheckStatus: 1 period of 60 s, then EventBridge invokes the function", null));
        } else {
            rto.add(Estimates.decision(timings, p + "timings.decisionTime"));
        }
        rto.add(Estimates.orchestration(timings, p + "timings.orchestrationTime"));
        if (mode == FailoverMode.DATA_PLANE) {
            rto.add(EstimateTerm.of("switch alarm and health check", java.time.Duration.ofSeconds(60 + healthCheck.getInterval().toSeconds().longValue()),
                    "switch alarm: 1 period of 60 s; Route 53 reads the alarm state within one health check interval (assumption)", p + "mode"));
        } else {
            rto.add(Estimates.dnsPropagation());
        }
        rto.add(Estimates.dnsTtl(allAlias ? Estimates.DNS_TTL : ttl));
        List<EstimateTerm> rpo = dataReplicationLag == null
                ? List.of(EstimateTerm.of("replication lag", java.time.Duration.ZERO, "stateless sites: every site serves from its own state",
                        p + "dataReplicationLag"))
                : List.of(EstimateTerm.of("replication lag", dataReplicationLag, "lag of the data the sites share (declared)", p + "dataReplicationLag"));
        return RecoveryEstimate.builder().source(getNode().getPath()).strategy(DrStrategy.MULTI_SITE).rtoTerms(rto).rpoTerms(rpo).build();
    }

    public FailoverFunction getFailover() {
        return failover;
    }

    /** The ARC Region switch plan made from the failover plan, or null without the {@code regionSwitchPlan} option. */
    public ArcRegionSwitchPlan getRegionSwitchPlan() {
        return regionSwitchPlan;
    }

    /** The endpoint health check of a site, by name. */
    public IHealthCheck getHealthCheck(String site) {
        HealthCheck h = siteHealthChecks.get(site);
        if (h == null) {
            throw new IllegalArgumentException("MultiSiteWeightedDns: no site named " + site + " (sites: " + siteHealthChecks.keySet() + ")");
        }
        return h;
    }

    public ITopic getNotificationTopic() {
        return topic;
    }
}
