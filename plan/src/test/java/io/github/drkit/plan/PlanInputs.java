package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated inputs for each kind of plan part, as a construct receives them (counts, names, weights, values): valid
 * inputs at the edges of every rule (the bounds themselves), and inputs with one value past one rule (one past a
 * bound, a malformed name, a Region that does not exist, a duplicate). Shared by the plan module's properties and the constructs' contract properties, so both halves are fed
 * the same inputs.
 */
public final class PlanInputs {
    public static final String RECOVERY_REGION = "us-west-2";
    public static final String PRIMARY_REGION = "us-east-1";

    private PlanInputs() {
    }

    /** A fleet as WarmStandbyFleet or PilotLightCore hands it to PlanFleet. */
    public record FleetInput(String region, String autoScalingGroupName, int[] standby, int[] recovery, String standbyInstanceType,
                             String recoveryInstanceType, Integer minHealthy, List<String> targetGroupArns) {
        public FleetPlan toPlan() {
            Capacity recoveryCapacity = new Capacity(recovery[0], recovery[1], recovery[2]);
            return new FleetPlan(region, autoScalingGroupName, new Capacity(standby[0], standby[1], standby[2]), recoveryCapacity,
                    standbyInstanceType, recoveryInstanceType, minHealthy == null ? recovery[0] : minHealthy, targetGroupArns);
        }

        @Override
        public String toString() {
            return "FleetInput[" + region + ", " + autoScalingGroupName.length() + " chars, standby " + List.of(standby[0], standby[1], standby[2])
                    + ", recovery " + List.of(recovery[0], recovery[1], recovery[2]) + ", " + standbyInstanceType + " -> " + recoveryInstanceType
                    + ", minHealthy " + minHealthy + ", " + targetGroupArns + "]";
        }
    }

    /** A weighted record as MultiSiteWeightedDns or DnsSwitch hands it to PlanDnsRecord. */
    public record WeightedInput(String name, String setIdentifier, int normalWeight, int failoverWeight) {
        public RecordPlan toPlan() {
            return new RecordPlan(Routing.WEIGHTED, name, "A", setIdentifier, normalWeight, failoverWeight, null, null, null);
        }
    }

    public record ZoneInput(String hostedZoneId, List<WeightedInput> records) {
        public ZonePlan toPlan() {
            return new ZonePlan(hostedZoneId, records.stream().map(WeightedInput::toPlan).toList());
        }
    }

    /** SIMPLE and FAILOVER records with value or alias targets, as DnsSwitch hands them to PlanDnsZone. */
    public record TargetZoneInput(String hostedZoneId, List<RecordPlan> records) {
        public ZonePlan toPlan() {
            return new ZonePlan(hostedZoneId, records);
        }
    }

    public record SiteSwitchInput(String region, String site, String namespace, String metricName, Map<String, String> dimensions,
                                  double normalValue, double failoverValue) {
        public SiteSwitchPlan toPlan() {
            return new SiteSwitchPlan(region, site, namespace, metricName, dimensions, normalValue, failoverValue);
        }
    }

    public record InstancesInput(String region, List<String> instanceIds) {
        public InstancePlan toPlan() {
            return new InstancePlan(region, instanceIds);
        }
    }

    public record DatabaseInput(String region, String dbInstanceIdentifier) {
        public DatabasePlan toPlan() {
            return new DatabasePlan(region, dbInstanceIdentifier);
        }
    }

    /** A plan around the given parts, as the reference app's constructs would frame them. */
    public static RecoveryPlan plan(List<DatabasePlan> databases, List<InstancePlan> instances, List<FleetPlan> fleets, List<ZonePlan> dns,
                                    List<SiteSwitchPlan> siteSwitches) {
        return new RecoveryPlan(RecoveryPlan.CURRENT_VERSION, "shop", Strategy.WARM_STANDBY, PRIMARY_REGION, RECOVERY_REGION, databases,
                instances, fleets, dns, siteSwitches, RecoveryPlan.DEFAULT_HEALTH_TIMEOUT_SECONDS, null);
    }

    /** Where a plan's one generated step sits when written as version 2: the only stage whose step is not the health gate. */
    public static String stepPath(RecoveryPlan plan) {
        for (int i = 0; i < plan.stages().size(); i++) {
            if (!(plan.stages().get(i).steps().get(0) instanceof HealthGatePlan)) {
                return "stages[" + i + "].steps[0]";
            }
        }
        throw new AssertionError("no generated step in " + plan);
    }

    /**
     * A version 2 plan tree in the layout of version 1, as a version 1 writer wrote it: each kind's steps under its
     * version 1 field, the health gate's timeout as {@code healthTimeoutSeconds}.
     */
    // Safe: plan trees (PlanWriter's, Jackson's untyped reads) hold every JSON object as Map<String, Object>, every array as a List.
    @SuppressWarnings("unchecked")
    public static Map<String, Object> version1(Map<String, Object> version2) {
        Map<String, Object> v1 = new java.util.LinkedHashMap<>();
        v1.put("version", 1);
        for (String field : List.of("application", "strategy", "primaryRegion", "recoveryRegion")) {
            if (version2.containsKey(field)) {
                v1.put(field, version2.get(field));
            }
        }
        List<Map<String, Object>> steps = new java.util.ArrayList<>();
        for (Object stage : (List<Object>) version2.get("stages")) {
            steps.addAll((List<Map<String, Object>>) ((Map<String, Object>) stage).get("steps"));
        }
        for (StepKind<?> kind : StepKinds.all()) {
            List<Map<String, Object>> ofKind = new java.util.ArrayList<>();
            for (Map<String, Object> step : steps) {
                if (kind.name().equals(step.get("kind"))) {
                    Map<String, Object> fields = new java.util.LinkedHashMap<>(step);
                    fields.remove("kind");
                    ofKind.add(fields);
                }
            }
            if (kind instanceof HealthGateKind) {
                ofKind.forEach(gate -> v1.put("healthTimeoutSeconds", gate.get("timeoutSeconds")));
            } else if (!ofKind.isEmpty()) {
                v1.put(kind.version1Field(), ofKind);
            }
        }
        if (version2.containsKey("notificationTopicArn")) {
            v1.put("notificationTopicArn", version2.get("notificationTopicArn"));
        }
        if (version2.containsKey("objectives")) {
            v1.put("objectives", version2.get("objectives"));
        }
        return v1;
    }

    /**
     * A valid input, or (two times in five) a valid input with exactly one value past exactly one rule: a single
     * refused value is what both halves must refuse at the same field path.
     */
    @SafeVarargs
    static <T> Arbitrary<T> validOrOneBroken(Arbitrary<T> valid, java.util.function.UnaryOperator<T>... mutations) {
        Arbitrary<T> broken = valid.flatMap(v -> Arbitraries.of(List.of(mutations)).map(m -> m.apply(v)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(2, broken));
    }

    static Arbitrary<String> regions() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(RECOVERY_REGION)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(List.copyOf(Regions.all()))));
    }

    private static String targetGroup(String region) {
        return "arn:aws:elasticloadbalancing:" + region + ":111111111111:targetgroup/web/0123456789abcdef";
    }

    private static FleetInput withRecovery(FleetInput f, int[] recovery) {
        return new FleetInput(f.region(), f.autoScalingGroupName(), f.standby(), recovery, f.standbyInstanceType(), f.recoveryInstanceType(),
                f.minHealthy(), f.targetGroupArns());
    }

    private static FleetInput withStandby(FleetInput f, int[] standby) {
        return new FleetInput(f.region(), f.autoScalingGroupName(), standby, f.recovery(), f.standbyInstanceType(), f.recoveryInstanceType(),
                f.minHealthy(), f.targetGroupArns());
    }

    private static FleetInput withTypes(FleetInput f, String standbyType, String recoveryType) {
        return new FleetInput(f.region(), f.autoScalingGroupName(), f.standby(), f.recovery(), standbyType, recoveryType, f.minHealthy(),
                f.targetGroupArns());
    }

    private static FleetInput withTargetGroups(FleetInput f, List<String> arns) {
        return new FleetInput(f.region(), f.autoScalingGroupName(), f.standby(), f.recovery(), f.standbyInstanceType(),
                f.recoveryInstanceType(), f.minHealthy(), arns);
    }

    private static FleetInput withRegion(FleetInput f, String region) {
        return new FleetInput(region, f.autoScalingGroupName(), f.standby(), f.recovery(), f.standbyInstanceType(), f.recoveryInstanceType(),
                f.minHealthy(), List.of());
    }

    private static FleetInput withName(FleetInput f, String name) {
        return new FleetInput(f.region(), name, f.standby(), f.recovery(), f.standbyInstanceType(), f.recoveryInstanceType(), f.minHealthy(),
                f.targetGroupArns());
    }

    /** A fleet as WarmStandbyFleet or PilotLightCore hands it to PlanFleet; edge values: 0, the limit, 255-character names. */
    public static Arbitrary<FleetInput> fleets() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("a".repeat(255))));
        Arbitrary<int[]> standby = Arbitraries.integers().between(0, 6).list().ofSize(3)
                .map(l -> l.stream().sorted().mapToInt(Integer::intValue).toArray());
        Arbitrary<int[]> growth = Arbitraries.integers().between(0, 4).list().ofSize(3)
                .map(l -> l.stream().sorted().mapToInt(Integer::intValue).toArray());
        Arbitrary<Boolean> atLimit = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(false)), net.jqwik.api.Tuple.of(1, Arbitraries.just(true)));
        Arbitrary<Integer> healthyChoice = Arbitraries.of(0, 1, 2, 3);
        Arbitrary<Boolean> vertical = Arbitraries.of(false, true);
        Arbitrary<Boolean> balanced = Arbitraries.of(false, true);
        Arbitrary<FleetInput> valid = Combinators.combine(regions(), names, standby, growth, atLimit, healthyChoice, vertical, balanced)
                .as((region, name, s, g, limit, healthy, v, lb) -> {
                    int[] r = {s[0] + g[0], s[1] + g[1], limit ? Capacity.LIMIT : s[2] + g[2]};
                    Integer minHealthy = switch (healthy) {
                        case 0 -> null;
                        case 1 -> 0;
                        case 2 -> r[1];         // the edge of the one minHealthy rule: recovery.desired
                        default -> r[0];
                    };
                    return new FleetInput(region, name, s, r, v ? "t3.small" : null, v ? "m5.large" : null, minHealthy,
                            lb ? List.of(targetGroup(region)) : List.of());
                });
        return validOrOneBroken(valid,
                f -> withRegion(f, "us-moon-1"),
                f -> withRegion(f, "west"),
                f -> withName(f, "a".repeat(256)),
                f -> withName(f, "web:1"),
                f -> withStandby(f, new int[] {-1, f.standby()[1], f.standby()[2]}),
                f -> withRecovery(f, new int[] {f.recovery()[0], f.recovery()[1], Capacity.LIMIT + 1}),
                f -> withStandby(f, new int[] {f.standby()[1] + 1, f.standby()[1], Math.max(f.standby()[2], f.standby()[1] + 1)}),
                f -> withRecovery(f, new int[] {f.recovery()[0], f.recovery()[2] + 1, f.recovery()[2]}),
                // Recovery below standby: the standby grows one past the recovery capacity on every count.
                f -> withStandby(f, new int[] {f.recovery()[0] + 1, f.recovery()[1] + 1, f.recovery()[2] + 1}),
                // One past recovery.desired; up to recovery.max the constructs once accepted it and the runtime did not.
                f -> new FleetInput(f.region(), f.autoScalingGroupName(), f.standby(), f.recovery(), f.standbyInstanceType(),
                        f.recoveryInstanceType(), f.recovery()[1] + 1, f.targetGroupArns()),
                f -> withTypes(f, null, "m5.large"),
                f -> withTypes(f, "t3.small", null),
                f -> withTypes(f, "t3.small", "M5"),
                f -> withTargetGroups(f, List.of(targetGroup(f.region().equals("us-east-1") ? "us-west-2" : "us-east-1"))),
                f -> withTargetGroups(f, List.of("web-targets")),
                f -> withTargetGroups(f, List.of(targetGroup(f.region()), targetGroup(f.region()))));
    }

    private static ZoneInput withRecord(ZoneInput z, int index, java.util.function.UnaryOperator<WeightedInput> change) {
        List<WeightedInput> records = new java.util.ArrayList<>(z.records());
        records.set(index, change.apply(records.get(index)));
        return new ZoneInput(z.hostedZoneId(), records);
    }

    private static ZoneInput withWeights(ZoneInput z, boolean normal) {
        return new ZoneInput(z.hostedZoneId(), z.records().stream().map(r -> normal
                ? new WeightedInput(r.name(), r.setIdentifier(), 0, r.failoverWeight())
                : new WeightedInput(r.name(), r.setIdentifier(), r.normalWeight(), 0)).toList());
    }

    /** A weighted set as MultiSiteWeightedDns or DnsSwitch hands it to PlanDnsZone; edge values: weights 0 and 255, 128-character ids. */
    public static Arbitrary<ZoneInput> zones() {
        Arbitrary<Integer> weight = Arbitraries.of(0, 1, 50, 100, 255);
        Arbitrary<List<WeightedInput>> records = Combinators.combine(weight, weight).as((n, f) -> new int[] {n, f}).list().ofMinSize(1).ofMaxSize(3)
                .map(weights -> {
                    List<WeightedInput> out = new java.util.ArrayList<>();
                    for (int i = 0; i < weights.size(); i++) {
                        int[] w = weights.get(i);
                        String id = i == 2 ? "x".repeat(128) : "site-" + i;
                        // The first record carries traffic before failover and the last after it: a valid weighted set.
                        out.add(new WeightedInput("app.example.com.", id, i == 0 ? Math.max(1, w[0]) : w[0],
                                i == weights.size() - 1 ? Math.max(1, w[1]) : w[1]));
                    }
                    return out;
                });
        Arbitrary<ZoneInput> valid = Combinators.combine(Arbitraries.of("Z0123456789ABC", "Z1"), records).as(ZoneInput::new);
        return validOrOneBroken(valid,
                z -> new ZoneInput("zone-1", z.records()),
                z -> withRecord(z, 0, r -> new WeightedInput(r.name(), r.setIdentifier(), 256, r.failoverWeight())),
                z -> withRecord(z, z.records().size() - 1, r -> new WeightedInput(r.name(), r.setIdentifier(), r.normalWeight(), -1)),
                z -> withRecord(z, 0, r -> new WeightedInput(r.name(), "x".repeat(129), r.normalWeight(), r.failoverWeight())),
                z -> withWeights(z, true),
                z -> withWeights(z, false),
                z -> {
                    List<WeightedInput> records2 = new java.util.ArrayList<>(z.records());
                    WeightedInput first = records2.get(0);
                    records2.add(new WeightedInput(first.name(), first.setIdentifier(), 1, 1));
                    return new ZoneInput(z.hostedZoneId(), records2);
                });
    }

    private static final RecordTarget PRIMARY_ALIAS = new RecordTarget(null,
            new AliasTarget("primary-alb.us-east-1.elb.amazonaws.com.", "Z35SXDOTRQ7X7K", null));
    private static final RecordTarget RECOVERY_ALIAS = new RecordTarget(null,
            new AliasTarget("recovery-alb.us-west-2.elb.amazonaws.com.", "Z1H1FL5HABSF5", null));

    private static RecordPlan targetRecord(String name, boolean failover, boolean alias, boolean cname, int ttlChoice) {
        String type = alias ? "A" : cname ? "CNAME" : "A";
        RecordTarget normal = alias ? PRIMARY_ALIAS : new RecordTarget(cname ? List.of("app.primary.example.com") : List.of("203.0.113.10"), null);
        RecordTarget recovery = alias ? RECOVERY_ALIAS
                : new RecordTarget(cname ? List.of("app.recovery.example.com") : List.of("198.51.100.10", "198.51.100.11"), null);
        Integer ttl = alias ? null : ttlChoice == 0 ? null : ttlChoice == 1 ? 0 : 60;
        return new RecordPlan(failover ? Routing.FAILOVER : Routing.SIMPLE, name, type, failover ? "primary" : null, null, null, ttl, normal,
                recovery);
    }

    private static TargetZoneInput withTargetRecord(TargetZoneInput z, java.util.function.UnaryOperator<RecordPlan> change) {
        List<RecordPlan> records = new java.util.ArrayList<>(z.records());
        records.set(records.size() - 1, change.apply(records.get(records.size() - 1)));
        return new TargetZoneInput(z.hostedZoneId(), records);
    }

    private static RecordPlan with(RecordPlan r, String type, Integer ttl, RecordTarget normal, RecordTarget recovery) {
        return new RecordPlan(r.routing(), r.name(), type, r.setIdentifier(), r.normalWeight(), r.failoverWeight(), ttl, normal, recovery);
    }

    /** Edge values: TTL 0 and 60 (the constructs' limit for failover records), one and two values, alias targets. */
    public static Arbitrary<TargetZoneInput> targetZones() {
        Arbitrary<RecordPlan> first = Combinators.combine(Arbitraries.of(false, true), Arbitraries.of(false, true), Arbitraries.of(false, true),
                Arbitraries.of(0, 1, 2)).as((failover, alias, cname, ttl) -> targetRecord("www.example.com.", failover, alias, cname, ttl));
        Arbitrary<RecordPlan> second = Combinators.combine(Arbitraries.of(false, true), Arbitraries.of(false, true), Arbitraries.of(false, true),
                Arbitraries.of(0, 1, 2)).as((failover, alias, cname, ttl) -> targetRecord("api.example.com.", failover, alias, cname, ttl));
        Arbitrary<List<RecordPlan>> records = Arbitraries.oneOf(first.map(List::of), Combinators.combine(first, second).as(List::of));
        Arbitrary<TargetZoneInput> valid = Combinators.combine(Arbitraries.of("Z0123456789ABC", "Z1"), records).as(TargetZoneInput::new);
        return validOrOneBroken(valid,
                // Past the constructs' own limit for a failover record (60 s), inside the plan's: only the constructs refuse.
                z -> withTargetRecord(z, r -> r.normal().isAlias() ? r : with(r, r.type(), 61, r.normal(), r.recovery())),
                z -> withTargetRecord(z, r -> with(r, "CNAME", r.ttl(), new RecordTarget(List.of("a.example.com", "b.example.com"), null),
                        new RecordTarget(List.of("c.example.com"), null))),
                z -> withTargetRecord(z, r -> with(r, "MX", null, PRIMARY_ALIAS, RECOVERY_ALIAS)),
                z -> withTargetRecord(z, r -> with(r, "A", 30, PRIMARY_ALIAS, RECOVERY_ALIAS)),
                z -> withTargetRecord(z, r -> with(r, "A", null, new RecordTarget(null,
                        new AliasTarget("primary-alb.us-east-1.elb.amazonaws.com.", "bad-zone", null)), RECOVERY_ALIAS)),
                z -> {
                    List<RecordPlan> records2 = new java.util.ArrayList<>(z.records());
                    records2.add(z.records().get(0));
                    return new TargetZoneInput(z.hostedZoneId(), records2);
                });
    }

    private static SiteSwitchInput withValues(SiteSwitchInput s, double normal, double failover) {
        return new SiteSwitchInput(s.region(), s.site(), s.namespace(), s.metricName(), s.dimensions(), normal, failover);
    }

    /** A site switch as MultiSiteWeightedDns hands it to PlanSiteSwitch; edge values: 0, 2^360, 2^-360, 30 dimensions. */
    public static Arbitrary<SiteSwitchInput> siteSwitches() {
        Arbitrary<double[]> values = Arbitraries.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {-1, 0.5},
                new double[] {Math.pow(2, 360), -Math.pow(2, 360)}, new double[] {Math.pow(2, -360), 0}, new double[] {100, 1e-100});
        Arbitrary<Map<String, String>> dimensions = Arbitraries.of(Map.of(), Map.of("Application", "shop", "Site", "onprem"), dimensionsOf(30));
        Arbitrary<SiteSwitchInput> valid = Combinators.combine(regions(), Arbitraries.of("onprem", "dc-1"), Arbitraries.of("drkit", "Custom/Site"),
                        Arbitraries.of("SiteHealthy", "x".repeat(255)), dimensions, values)
                .as((region, site, namespace, metric, dims, v) -> new SiteSwitchInput(region, site, namespace, metric, dims, v[0], v[1]));
        return validOrOneBroken(valid,
                s -> new SiteSwitchInput("us-moon-1", s.site(), s.namespace(), s.metricName(), s.dimensions(), s.normalValue(), s.failoverValue()),
                s -> new SiteSwitchInput(s.region(), "-dc", s.namespace(), s.metricName(), s.dimensions(), s.normalValue(), s.failoverValue()),
                s -> new SiteSwitchInput(s.region(), s.site(), "AWS/EC2", s.metricName(), s.dimensions(), s.normalValue(), s.failoverValue()),
                s -> new SiteSwitchInput(s.region(), s.site(), ":x", s.metricName(), s.dimensions(), s.normalValue(), s.failoverValue()),
                s -> new SiteSwitchInput(s.region(), s.site(), s.namespace(), "x".repeat(256), s.dimensions(), s.normalValue(), s.failoverValue()),
                s -> new SiteSwitchInput(s.region(), s.site(), s.namespace(), s.metricName(), dimensionsOf(31), s.normalValue(), s.failoverValue()),
                s -> withValues(s, s.normalValue(), s.normalValue()),
                s -> withValues(s, s.normalValue(), s.normalValue() == 1e300 ? 1 : 1e300),
                s -> withValues(s, s.failoverValue() == -1e-300 ? 1 : -1e-300, s.failoverValue()));
    }

    /** Stopped instances as PilotLightCore hands them to PlanInstances; edge values: 8- and 17-digit ids. */
    public static Arbitrary<InstancesInput> instanceGroups() {
        Arbitrary<String> id = Arbitraries.of("i-0123456789abcdef0", "i-01234567", "i-0fedcba9876543210", "i-89abcdef");
        Arbitrary<InstancesInput> valid = Combinators.combine(regions(), id.list().ofMinSize(1).ofMaxSize(3).uniqueElements()).as(InstancesInput::new);
        return validOrOneBroken(valid,
                i -> new InstancesInput("us-moon-1", i.instanceIds()),
                i -> new InstancesInput(i.region(), List.of()),
                i -> new InstancesInput(i.region(), List.of("i-0123456789")),
                i -> new InstancesInput(i.region(), List.of("web-1")),
                i -> new InstancesInput(i.region(), List.of("i-0123456789ABCDEF0")),
                i -> new InstancesInput(i.region(), List.of(i.instanceIds().get(0), i.instanceIds().get(0))));
    }

    /** A replica as PilotLightCore or WarmStandbyFleet hands it to PlanDatabase; edge values: 1 and 63 characters. */
    public static Arbitrary<DatabaseInput> databases() {
        Arbitrary<DatabaseInput> valid = Combinators.combine(regions(), Arbitraries.of("shop-replica", "a", "a".repeat(63))).as(DatabaseInput::new);
        return validOrOneBroken(valid,
                d -> new DatabaseInput("us-moon-1", d.dbInstanceIdentifier()),
                d -> new DatabaseInput(d.region(), "a".repeat(64)),
                d -> new DatabaseInput(d.region(), "1shop"),
                d -> new DatabaseInput(d.region(), "shop_replica"));
    }

    private static Map<String, String> dimensionsOf(int count) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            dimensions.put("D" + i, "v");
        }
        return dimensions;
    }
}
