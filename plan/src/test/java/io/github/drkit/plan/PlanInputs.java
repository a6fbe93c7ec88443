package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated inputs for each kind of plan part, as a construct receives them (counts, names, weights, values), with
 * the edge values of every rule: the bounds themselves, one past them, malformed names, Regions that do not exist,
 * duplicates. Shared by the plan module's properties and the constructs' contract properties, so both halves are fed
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

    /** Mostly valid values, one time in {@code 1 + odds} an edge value past a rule. */
    static <T> Arbitrary<T> mostly(Arbitrary<T> valid, Arbitrary<T> invalid, int odds) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(odds, valid), net.jqwik.api.Tuple.of(1, invalid));
    }

    static Arbitrary<String> regions() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.just(RECOVERY_REGION)),
                net.jqwik.api.Tuple.of(5, Arbitraries.of(List.copyOf(Regions.all()))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("us-moon-1", "west", "US-WEST-2")));
    }

    /** A count around the capacity rules' edges: 0, the limit and one past each end, or small ordinary values. */
    static Arbitrary<Integer> count() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.integers().between(0, 6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, Capacity.LIMIT, Capacity.LIMIT + 1)));
    }

    static Arbitrary<int[]> capacity() {
        // Mostly ordered (min <= desired <= max), sometimes not: both halves must refuse the same count.
        Arbitrary<int[]> ordered = count().list().ofSize(3).map(l -> l.stream().sorted().mapToInt(Integer::intValue).toArray());
        Arbitrary<int[]> any = count().list().ofSize(3).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, ordered), net.jqwik.api.Tuple.of(1, any));
    }

    public static Arbitrary<FleetInput> fleets() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("a".repeat(255), "a".repeat(256), "web:1", " web")));
        Arbitrary<String[]> types = mostly(Arbitraries.of(new String[] {null, null}, new String[] {"t3.small", "m5.large"}),
                Arbitraries.of(new String[] {null, "m5.large"}, new String[] {"t3.small", null}, new String[] {"t3.small", "M5"}), 15);
        Arbitrary<List<String>> targetGroups = mostly(Arbitraries.of(List.<String>of(),
                List.of("arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/web/0123456789abcdef")), Arbitraries.of(
                List.of("arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/0123456789abcdef"),
                List.of("arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/web/0123456789abcdef",
                        "arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/web/0123456789abcdef"),
                List.of("web-targets")), 15);
        Arbitrary<int[]> standby = capacity();
        Arbitrary<Integer> step = mostly(Arbitraries.integers().between(0, 4), Arbitraries.just(-1), 30);
        Arbitrary<int[]> growth = step.list().ofSize(3).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<Integer> minHealthyChoice = mostly(Arbitraries.of(-2, 0, 1, 3), Arbitraries.of(-1, 2), 10);
        return Combinators.combine(regions(), names, standby, growth, types, minHealthyChoice, targetGroups)
                .as((region, name, s, g, type, healthy, tgs) -> {
                    // Recovery grows from standby by -1..4 per count: mostly larger, sometimes one below (refused).
                    int[] r = {s[0] + g[0], s[1] + g[1], s[2] + g[2]};
                    Integer minHealthy = switch (healthy) {
                        case -2 -> null;
                        case -1 -> r[1] + 1;      // one past recovery.desired: the case the two halves used to disagree on
                        case 0 -> 0;
                        case 1 -> r[1];           // the edge itself
                        case 2 -> r[2];           // recovery.max, accepted by the constructs before there was one rule
                        default -> r[0];
                    };
                    return new FleetInput(region, name, s, r, type[0], type[1], minHealthy, tgs);
                });
    }

    public static Arbitrary<ZoneInput> zones() {
        Arbitrary<Integer> weight = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(40, Arbitraries.of(1, 50, 100, 255)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 256)));
        Arbitrary<WeightedInput> record = Combinators.combine(Arbitraries.of("app.example.com.", "www.example.com."),
                        mostly(Arbitraries.of("primary", "recovery", "dc", "x".repeat(128)), Arbitraries.just("x".repeat(129)), 30), weight, weight)
                .as(WeightedInput::new);
        return Combinators.combine(mostly(Arbitraries.of("Z0123456789ABC", "Z1"), Arbitraries.just("zone-1"), 20), record.list().ofMinSize(1).ofMaxSize(3).map(PlanInputs::mostlyDistinct))
                .as(ZoneInput::new);
    }

    /** Set identifiers made distinct except for one record in eight, which keeps the duplicate the rule refuses. */
    private static List<WeightedInput> mostlyDistinct(List<WeightedInput> records) {
        List<WeightedInput> out = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            WeightedInput r = records.get(i);
            boolean keep = Math.floorMod(r.hashCode(), 8) == 0 || r.setIdentifier().length() > 128;
            out.add(keep ? r : new WeightedInput(r.name(), r.setIdentifier() + "-" + i, r.normalWeight(), r.failoverWeight()));
        }
        return out;
    }

    public static Arbitrary<SiteSwitchInput> siteSwitches() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.of(0.0, 1.0, -1.0, 0.5, 100.0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Math.pow(2, 360), -Math.pow(2, 360), 1e300, Math.pow(2, -360), 1e-300)));
        Arbitrary<Map<String, String>> dimensions = mostly(Arbitraries.of(Map.of(), Map.of("Application", "shop", "Site", "onprem"),
                dimensionsOf(30)), Arbitraries.just(dimensionsOf(31)), 20);
        return Combinators.combine(regions(), mostly(Arbitraries.of("onprem", "dc-1"), Arbitraries.just("-dc"), 20),
                        mostly(Arbitraries.of("drkit", "Custom/Site"), Arbitraries.of("AWS/EC2", ":x"), 20),
                        mostly(Arbitraries.of("SiteHealthy", "x".repeat(255)), Arbitraries.just("x".repeat(256)), 20), dimensions, value, value)
                .as(SiteSwitchInput::new);
    }

    public static Arbitrary<InstancesInput> instanceGroups() {
        Arbitrary<String> id = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.of("i-0123456789abcdef0", "i-01234567", "i-0fedcba9876543210", "i-89abcdef")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("i-0123456789", "web-1", "i-0123456789ABCDEF0")));
        return Combinators.combine(regions(), mostly(id.list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                Arbitraries.of(List.of(), List.of("i-01234567", "i-01234567")), 15)).as(InstancesInput::new);
    }

    public static Arbitrary<DatabaseInput> databases() {
        return Combinators.combine(regions(), mostly(Arbitraries.of("shop-replica", "a", "a".repeat(63)), Arbitraries.of("a".repeat(64), "1shop", "shop_replica"), 15))
                .as(DatabaseInput::new);
    }

    private static Map<String, String> dimensionsOf(int count) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            dimensions.put("D" + i, "v");
        }
        return dimensions;
    }
}
