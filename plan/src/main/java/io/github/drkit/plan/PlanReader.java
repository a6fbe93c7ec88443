package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;


/**
 * Turns a plan (JSON text, or the tree of maps and lists {@link PlanWriter} makes) into a {@link RecoveryPlan},
 * or fails on the first field it cannot accept. Every field rule and cross-field rule of the plan is here or in
 * the model types it calls, once: the constructs check what they write with the same reader the runtime reads
 * with, so the two cannot disagree.
 *
 * <p>A construct writes values that exist only at deploy time (CDK tokens); {@link Builder#unresolved} tells
 * the reader which strings are such placeholders, and their format checks wait for the deployed values.
 */
public final class PlanReader {
    private static final PlanReader STRICT = builder().build();

    private static final Pattern REGION = Pattern.compile("[a-z]{2,3}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern DB_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern ASG_NAME = Pattern.compile("[^:\\s][^:]{0,254}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final Pattern TARGET_GROUP_ARN = Pattern.compile(
            "arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\\d{12}:targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]+");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:([a-z0-9-]+):\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern ZONE_ID = Pattern.compile("(/hostedzone/)?[A-Z0-9]{1,32}");
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?");
    private static final Pattern SET_IDENTIFIER = Pattern.compile(".{1,128}");
    private static final Pattern NAMESPACE = Pattern.compile("[^:].{0,254}");
    private static final Set<String> RECORD_TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "NS", "PTR", "SPF", "CAA", "NAPTR", "DS", "HTTPS", "SVCB", "TLSA", "SSHFP");

    private final Predicate<String> unresolved;

    private PlanReader(Builder builder) {
        this.unresolved = builder.unresolved;
    }

    /** A reader that accepts only resolved values: the runtime's. */
    public static PlanReader strict() {
        return STRICT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads and checks a plan given as JSON text.
     *
     * @throws PlanValidationException naming the first offending field, its value and the rule
     */
    public RecoveryPlan read(String json) {
        if (json == null || json.isBlank()) {
            throw new PlanValidationException("", "the plan is empty; expected a JSON object with \"version\": " + RecoveryPlan.CURRENT_VERSION);
        }
        Object root;
        try {
            root = JsonTree.parse(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new PlanValidationException("", "the plan is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new PlanValidationException("", "the plan could not be read: " + e.getMessage());
        }
        return read(root);
    }

    /**
     * Reads and checks a plan given as a tree of maps, lists, strings, numbers and booleans, as
     * {@link PlanWriter#toTree(RecoveryPlan)} writes it.
     *
     * @throws PlanValidationException naming the first offending field, its value and the rule
     */
    public RecoveryPlan read(Object root) {
        Fields plan = fields(root, "");
        // The version comes first: a plan from a newer writer must fail on its version, not on a field it added.
        int version = version(plan);
        plan.raw("$schema");
        String application = plan.requiredMatching("application", NAME,
                "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        Strategy strategy = strategy(plan);
        String primaryRegion = region(plan, "primaryRegion", null);
        String recoveryRegion = region(plan, "recoveryRegion", null);
        if (recoveryRegion == null) {
            throw new PlanValidationException("recoveryRegion", "is required");
        }
        if (recoveryRegion.equals(primaryRegion) && !isUnresolved(recoveryRegion)) {
            throw new PlanValidationException("recoveryRegion", "must differ from primaryRegion (both are '" + recoveryRegion + "')");
        }
        List<DatabasePlan> databases = plan.list("databases", (node, path) -> database(node, path, recoveryRegion));
        List<InstancePlan> instances = plan.list("instances", (node, path) -> instances(node, path, recoveryRegion));
        List<FleetPlan> fleets = plan.list("fleets", (node, path) -> fleet(node, path, recoveryRegion));
        List<ZonePlan> dns = plan.list("dns", this::zone);
        List<SiteSwitchPlan> switches = plan.list("siteSwitches", (node, path) -> siteSwitch(node, path, recoveryRegion));
        Integer timeout = plan.optionalInt("healthTimeoutSeconds", 0, 3600);
        String topic = plan.optionalMatching("notificationTopicArn", TOPIC_ARN,
                "must be an SNS topic ARN, arn:aws:sns:<region>:<account>:<name>");
        if (topic != null && !isUnresolved(topic)) {
            knownRegion("notificationTopicArn", arnRegion(TOPIC_ARN, topic));
        }
        plan.finish();

        unique(databases, d -> d.region() + "/" + d.dbInstanceIdentifier(), DatabasePlan::path, "dbInstanceIdentifier", "database");
        unique(fleets, f -> f.region() + "/" + f.autoScalingGroupName(), FleetPlan::path, "autoScalingGroupName", "Auto Scaling group");
        uniqueInstances(instances);
        unique(dns, z -> normalizeZoneId(z.hostedZoneId()), ZonePlan::path, "hostedZoneId", "hosted zone");
        unique(switches, s -> s.region() + "/" + s.namespace() + "/" + s.metricName() + "/" + new java.util.TreeMap<>(s.dimensions()),
                SiteSwitchPlan::path, "metricName", "site switch metric");
        return new RecoveryPlan(version, application, strategy, primaryRegion, recoveryRegion, databases, instances,
                fleets, dns, switches, timeout == null ? RecoveryPlan.DEFAULT_HEALTH_TIMEOUT_SECONDS : timeout, topic);
    }

    /**
     * Checks one database on its own, as a construct helper does before the plan around it exists.
     *
     * @return the database as the plan will carry it
     * @throws PlanValidationException naming the offending field relative to the database
     */
    public DatabasePlan check(DatabasePlan database) {
        return database(PlanWriter.database(database), "", null);
    }

    /** Checks one group of instances on its own; see {@link #check(DatabasePlan)}. */
    public InstancePlan check(InstancePlan instances) {
        return instances(PlanWriter.instances(instances), "", null);
    }

    /** Checks one fleet on its own; see {@link #check(DatabasePlan)}. */
    public FleetPlan check(FleetPlan fleet) {
        return fleet(PlanWriter.fleet(fleet), "", null);
    }

    /** Checks one hosted zone and its records on their own; see {@link #check(DatabasePlan)}. */
    public ZonePlan check(ZonePlan zone) {
        return zone(PlanWriter.zone(zone), "");
    }

    /** Checks one site switch on its own; see {@link #check(DatabasePlan)}. */
    public SiteSwitchPlan check(SiteSwitchPlan siteSwitch) {
        return siteSwitch(PlanWriter.siteSwitch(siteSwitch), "", null);
    }

    private int version(Fields plan) {
        Object value = plan.raw("version");
        if (value == null) {
            throw new PlanValidationException("version", "is required; this runtime reads version " + RecoveryPlan.CURRENT_VERSION);
        }
        // Compared exactly: a version beyond 64 bits must not wrap around to a version this reader knows.
        if (!JsonTree.isIntegral(value) || !new java.math.BigInteger(value.toString()).equals(java.math.BigInteger.valueOf(RecoveryPlan.CURRENT_VERSION))) {
            throw new PlanValidationException("version", "must be " + RecoveryPlan.CURRENT_VERSION + " (got "
                    + Fields.describe(value) + "); this runtime reads plan version " + RecoveryPlan.CURRENT_VERSION + " only");
        }
        return RecoveryPlan.CURRENT_VERSION;
    }

    private Strategy strategy(Fields plan) {
        String value = plan.requiredString("strategy");
        try {
            return Strategy.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new PlanValidationException("strategy", "must be one of " + names(Strategy.values()) + " (got '" + value + "')");
        }
    }

    private String region(Fields fields, String name, String fallback) {
        String value = fields.optionalString(name);
        if (value == null) {
            return fallback;
        }
        return knownRegion(fields.child(name), value);
    }

    private String knownRegion(String field, String value) {
        if (isUnresolved(value)) {
            return value;
        }
        if (!REGION.matcher(value).matches()) {
            throw new PlanValidationException(field, "must be an AWS Region code such as us-west-2 (got '" + value + "')");
        }
        if (!Regions.isKnown(value)) {
            throw new PlanValidationException(field, "'" + value + "' is not an AWS Region this runtime knows");
        }
        return value;
    }

    private DatabasePlan database(Object node, String path, String defaultRegion) {
        Fields db = fields(node, path);
        String region = region(db, "region", defaultRegion);
        String id = db.requiredMatching("dbInstanceIdentifier", DB_IDENTIFIER,
                "must be an RDS DB instance identifier: 1-63 letters, digits or '-', starting with a letter");
        db.finish();
        return new DatabasePlan(region, id, path);
    }

    private InstancePlan instances(Object node, String path, String defaultRegion) {
        Fields group = fields(node, path);
        String region = region(group, "region", defaultRegion);
        List<String> ids = group.list("instanceIds", (element, elementPath) -> {
            String id = Fields.text(element);
            if (id == null || !isUnresolved(id) && !INSTANCE_ID.matcher(id).matches()) {
                throw new PlanValidationException(elementPath, "must be an EC2 instance id, i- and 8 or 17 hex digits (got "
                        + Fields.describe(element) + ")");
            }
            return id;
        });
        if (ids.isEmpty()) {
            throw new PlanValidationException(group.child("instanceIds"), "must list at least one instance id");
        }
        group.finish();
        return new InstancePlan(region, ids, path);
    }

    private FleetPlan fleet(Object node, String path, String defaultRegion) {
        Fields fleet = fields(node, path);
        String region = region(fleet, "region", defaultRegion);
        String name = fleet.requiredMatching("autoScalingGroupName", ASG_NAME, "must be an Auto Scaling group name: 1-255 characters, no ':'");
        Capacity standby = capacity(fleet.requiredObject("standby"));
        Capacity recovery = capacity(fleet.requiredObject("recovery"));
        FleetPlan.requireRecoveryNotBelowStandby(standby, recovery, fleet.path());
        String standbyType = fleet.optionalMatching("standbyInstanceType", INSTANCE_TYPE, "must be an EC2 instance type such as t3.small");
        String recoveryType = fleet.optionalMatching("recoveryInstanceType", INSTANCE_TYPE, "must be an EC2 instance type such as m5.large");
        if (recoveryType != null && standbyType == null) {
            throw new PlanValidationException(fleet.child("standbyInstanceType"),
                    "is required when recoveryInstanceType is set: failback needs the type to return to");
        }
        if (standbyType != null && recoveryType == null) {
            throw new PlanValidationException(fleet.child("recoveryInstanceType"),
                    "is required when standbyInstanceType is set (got only standbyInstanceType '" + standbyType + "')");
        }
        Integer minHealthy = fleet.optionalInt("minHealthy", 0, Capacity.LIMIT);
        int healthy = FleetPlan.minHealthy(minHealthy, recovery, fleet.path());
        List<String> targetGroups = fleet.list("targetGroupArns", (element, elementPath) -> {
            String arn = Fields.text(element);
            if (isUnresolved(arn) || isUnresolved(region)) {
                return arn;
            }
            if (arn == null || !TARGET_GROUP_ARN.matcher(arn).matches()) {
                throw new PlanValidationException(elementPath, "must be a target group ARN, arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id> (got "
                        + Fields.describe(element) + ")");
            }
            String arnRegion = arnRegion(TARGET_GROUP_ARN, arn);
            if (!arnRegion.equals(region)) {
                throw new PlanValidationException(elementPath, "is in " + arnRegion + " but the fleet is in " + region
                        + ": a target group serves the Auto Scaling groups of its own Region");
            }
            return arn;
        });
        if (new HashSet<>(targetGroups).size() != targetGroups.size()) {
            throw new PlanValidationException(fleet.child("targetGroupArns"), "lists a target group twice");
        }
        fleet.finish();
        return new FleetPlan(region, name, standby, recovery, standbyType, recoveryType, healthy, targetGroups, path);
    }

    private Capacity capacity(Fields fields) {
        int min = fields.requiredInt("min", 0, Capacity.LIMIT);
        int desired = fields.requiredInt("desired", 0, Capacity.LIMIT);
        int max = fields.requiredInt("max", 0, Capacity.LIMIT);
        fields.finish();
        return Capacity.of(min, desired, max, fields.path());
    }

    private ZonePlan zone(Object node, String path) {
        Fields zone = fields(node, path);
        String id = zone.requiredMatching("hostedZoneId", ZONE_ID, "must be a Route 53 hosted zone id such as Z0123456789ABC");
        List<RecordPlan> records = zone.list("records", this::record);
        if (records.isEmpty()) {
            throw new PlanValidationException(zone.child("records"), "must list at least one record");
        }
        zone.finish();
        Map<String, String> seen = new HashMap<>();
        for (RecordPlan record : records) {
            String previous = seen.putIfAbsent(record.key(), record.path());
            if (previous != null) {
                throw new PlanValidationException(record.path(), "names the same record as " + previous + " (" + record.key() + ")");
            }
        }
        checkWeights(records);
        return new ZonePlan(normalizeZoneId(id), records, path);
    }

    /** Every weighted name keeps some weight in both states: all-zero means "split evenly", never "off". */
    private void checkWeights(List<RecordPlan> records) {
        Map<String, List<RecordPlan>> groups = new LinkedHashMap<>();
        for (RecordPlan record : records) {
            if (record.routing() == Routing.WEIGHTED) {
                groups.computeIfAbsent(record.name() + " " + record.type(), k -> new ArrayList<>()).add(record);
            }
        }
        for (Map.Entry<String, List<RecordPlan>> group : groups.entrySet()) {
            List<RecordPlan> members = group.getValue();
            if (members.stream().allMatch(r -> r.normalWeight() == 0)) {
                throw new PlanValidationException(members.get(0).path() + ".normalWeight", "every weighted record of "
                        + group.getKey() + " has normalWeight 0; at least one must carry traffic");
            }
            if (members.stream().allMatch(r -> r.failoverWeight() == 0)) {
                throw new PlanValidationException(members.get(0).path() + ".failoverWeight", "every weighted record of "
                        + group.getKey() + " has failoverWeight 0; at least one must carry traffic after failover");
            }
        }
    }

    private RecordPlan record(Object node, String path) {
        Fields record = fields(node, path);
        String routingName = record.requiredString("routing");
        Routing routing;
        try {
            routing = Routing.valueOf(routingName);
        } catch (IllegalArgumentException e) {
            throw new PlanValidationException(record.child("routing"), "must be one of " + names(Routing.values()) + " (got '" + routingName + "')");
        }
        String name = normalizeName(record.requiredMatching("name", DNS_NAME, "must be a DNS name such as app.example.com."));
        String type = record.requiredString("type");
        if (!RECORD_TYPES.contains(type)) {
            throw new PlanValidationException(record.child("type"), "must be a Route 53 record type such as A, AAAA or CNAME (got '" + type + "')");
        }
        String setIdentifier = record.optionalMatching("setIdentifier", SET_IDENTIFIER, "must be 1-128 characters");
        Integer normalWeight = record.optionalInt("normalWeight", 0, 255);
        Integer failoverWeight = record.optionalInt("failoverWeight", 0, 255);
        Integer ttl = record.optionalInt("ttl", 0, 2_147_483_647);
        Fields normalFields = record.optionalObject("normal");
        Fields recoveryFields = record.optionalObject("recovery");
        RecordTarget normal = normalFields == null ? null : target(normalFields);
        RecordTarget recovery = recoveryFields == null ? null : target(recoveryFields);
        record.finish();
        switch (routing) {
            case WEIGHTED -> {
                require(record, "setIdentifier", setIdentifier, "WEIGHTED");
                require(record, "normalWeight", normalWeight, "WEIGHTED");
                require(record, "failoverWeight", failoverWeight, "WEIGHTED");
                forbid(record, "normal", normal, "WEIGHTED", "only the weight changes; the target is the live record's");
                forbid(record, "recovery", recovery, "WEIGHTED", "only the weight changes; the target is the live record's");
                forbid(record, "ttl", ttl, "WEIGHTED", "only the weight changes");
            }
            case SIMPLE -> {
                forbid(record, "setIdentifier", setIdentifier, "SIMPLE", "a simple record has none");
                forbidWeights(record, normalWeight, failoverWeight, "SIMPLE");
                require(record, "normal", normal, "SIMPLE");
                require(record, "recovery", recovery, "SIMPLE");
            }
            case FAILOVER -> {
                require(record, "setIdentifier", setIdentifier, "FAILOVER");
                forbidWeights(record, normalWeight, failoverWeight, "FAILOVER");
                require(record, "normal", normal, "FAILOVER");
                require(record, "recovery", recovery, "FAILOVER");
            }
            default -> throw new IllegalStateException(routing.name());
        }
        if (ttl != null && normal != null && normal.isAlias() && recovery.isAlias()) {
            throw new PlanValidationException(record.child("ttl"), "must not be set when both targets are aliases: an alias record has no TTL");
        }
        if (normal != null && !"A".equals(type) && !"AAAA".equals(type) && !"CNAME".equals(type) && (normal.isAlias() || recovery.isAlias())) {
            throw new PlanValidationException(record.child("type"), "must be A, AAAA or CNAME for an alias target (got '" + type + "')");
        }
        if ("CNAME".equals(type)) {
            for (RecordTarget target : new RecordTarget[] {normal, recovery}) {
                if (target != null && !target.isAlias() && target.values().size() != 1) {
                    throw new PlanValidationException(path, "a CNAME record has exactly one value (got " + target.values().size() + ")");
                }
            }
        }
        return new RecordPlan(routing, name, type, setIdentifier, normalWeight, failoverWeight, ttl, normal, recovery, path);
    }

    private RecordTarget target(Fields target) {
        Fields aliasFields = target.optionalObject("alias");
        List<String> values = target.has("values") ? target.list("values", (element, path) -> {
            String text = Fields.text(element);
            if (text == null || text.isBlank()) {
                throw new PlanValidationException(path, "must be a non-empty string (got " + Fields.describe(element) + ")");
            }
            return text;
        }) : null;
        target.raw("values");
        target.finish();
        if ((aliasFields == null) == (values == null)) {
            throw new PlanValidationException(target.path(), "must have exactly one of 'values' or 'alias'");
        }
        if (values != null) {
            if (values.isEmpty()) {
                throw new PlanValidationException(target.child("values"), "must list at least one value");
            }
            return new RecordTarget(values, null);
        }
        String dnsName = normalizeName(aliasFields.requiredMatching("dnsName", DNS_NAME, "must be a DNS name"));
        String zoneId = aliasFields.requiredMatching("hostedZoneId", ZONE_ID, "must be the hosted zone id of the alias target, such as Z35SXDOTRQ7X7K");
        Boolean evaluate = aliasFields.optionalBoolean("evaluateTargetHealth");
        aliasFields.finish();
        return new RecordTarget(null, new AliasTarget(dnsName, normalizeZoneId(zoneId), evaluate));
    }

    private SiteSwitchPlan siteSwitch(Object node, String path, String defaultRegion) {
        Fields fields = fields(node, path);
        String region = region(fields, "region", defaultRegion);
        String site = fields.requiredMatching("site", NAME, "must be 1-128 letters, digits, '.', '_' or '-'");
        String namespace = fields.requiredMatching("namespace", NAMESPACE, "must be a CloudWatch namespace: 1-255 characters, not starting with ':'");
        if (namespace.startsWith("AWS/")) {
            throw new PlanValidationException(fields.child("namespace"), "must not start with 'AWS/' (got '" + namespace + "'): that prefix is reserved for AWS metrics");
        }
        String metricName = fields.requiredMatching("metricName", Pattern.compile(".{1,255}"), "must be 1-255 characters");
        Map<String, String> dimensions = new LinkedHashMap<>();
        Fields dimensionFields = fields.optionalObject("dimensions");
        if (dimensionFields != null) {
            fields.raw("dimensions");
            for (String key : dimensionFields.names()) {
                dimensions.put(key, dimensionFields.requiredString(key));
            }
            if (dimensions.size() > 30) {
                throw new PlanValidationException(fields.child("dimensions"), "must have at most 30 dimensions (got " + dimensions.size() + ")");
            }
        }
        double normalValue = fields.requiredNumber("normalValue");
        double failoverValue = fields.requiredNumber("failoverValue");
        fields.finish();
        if (normalValue == failoverValue) {
            throw new PlanValidationException(fields.child("failoverValue"), "must differ from normalValue (both are " + normalValue + ")");
        }
        return new SiteSwitchPlan(region, site, namespace, metricName, dimensions, normalValue, failoverValue, path);
    }

    private void require(Fields record, String name, Object value, String routing) {
        if (value == null) {
            throw new PlanValidationException(record.child(name), "is required for " + routing + " routing");
        }
    }

    private void forbid(Fields record, String name, Object value, String routing, String why) {
        if (value != null) {
            throw new PlanValidationException(record.child(name), "must not be set for " + routing + " routing: " + why);
        }
    }

    private void forbidWeights(Fields record, Integer normalWeight, Integer failoverWeight, String routing) {
        forbid(record, "normalWeight", normalWeight, routing, "weights belong to WEIGHTED records");
        forbid(record, "failoverWeight", failoverWeight, routing, "weights belong to WEIGHTED records");
    }

    private <T> void unique(List<T> items, java.util.function.Function<T, String> key,
                                   java.util.function.Function<T, String> path, String field, String what) {
        Map<String, String> seen = new HashMap<>();
        for (T item : items) {
            String previous = seen.putIfAbsent(key.apply(item), path.apply(item));
            if (previous != null) {
                throw new PlanValidationException(path.apply(item) + "." + field, "names the same " + what + " as " + previous);
            }
        }
    }

    private void uniqueInstances(List<InstancePlan> groups) {
        Map<String, String> seen = new HashMap<>();
        for (InstancePlan group : groups) {
            for (int i = 0; i < group.instanceIds().size(); i++) {
                String id = group.instanceIds().get(i);
                String path = group.path() + ".instanceIds[" + i + "]";
                String previous = seen.putIfAbsent(group.region() + "/" + id, path);
                if (previous != null) {
                    throw new PlanValidationException(path, "names instance " + id + " again (first at " + previous + ")");
                }
            }
        }
    }

    private String arnRegion(Pattern pattern, String arn) {
        java.util.regex.Matcher matcher = pattern.matcher(arn);
        if (!matcher.matches()) {
            throw new IllegalStateException(arn);
        }
        return matcher.group(1);
    }

    /** Route 53 answers with lower-case, fully qualified names and escapes '*' as \052. */
    String normalizeName(String name) {
        if (isUnresolved(name)) {
            return name;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower : lower + ".";
    }

    static String normalizeZoneId(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    private Fields fields(Object node, String path) {
        return Fields.of(node, path, unresolved);
    }

    private boolean isUnresolved(String value) {
        return value != null && unresolved.test(value);
    }

    private static String names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }


    public static final class Builder {
        private Predicate<String> unresolved = value -> false;

        private Builder() {
        }

        /**
         * Which strings are placeholders for values known only at deploy time; their format is not checked.
         *
         * @default none: every value is checked
         */
        public Builder unresolved(Predicate<String> v) {
            this.unresolved = java.util.Objects.requireNonNull(v, "unresolved");
            return this;
        }

        public PlanReader build() {
            return new PlanReader(this);
        }
    }
}
