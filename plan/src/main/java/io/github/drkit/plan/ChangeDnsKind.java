package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code changeDns}: change the records of one Route 53 hosted zone in one batch ({@link ZonePlan}). */
public final class ChangeDnsKind implements StepKind<ZonePlan> {
    public static final String NAME = "changeDns";
    private static final Pattern ZONE_ID = Pattern.compile("(/hostedzone/)?[A-Z0-9]{1,32}");
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?");
    private static final Pattern SET_IDENTIFIER = Pattern.compile(".{1,128}");
    private static final Set<String> RECORD_TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "NS", "PTR", "SPF", "CAA", "NAPTR", "DS", "HTTPS", "SVCB", "TLSA", "SSHFP");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ZonePlan> type() {
        return ZonePlan.class;
    }

    @Override
    public ZonePlan read(Fields zone, StepContext context) {
        String id = zone.requiredMatching("hostedZoneId", ZONE_ID, "must be a Route 53 hosted zone id such as Z0123456789ABC");
        List<RecordPlan> records = zone.list("records", (node, path) -> record(context.fields(node, path), context));
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
        return new ZonePlan(normalizeZoneId(id), records, zone.path());
    }

    /** Every weighted name keeps some weight in both states: all-zero means "split evenly", never "off". */
    private static void checkWeights(List<RecordPlan> records) {
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

    private RecordPlan record(Fields record, StepContext context) {
        String path = record.path();
        String routingName = record.requiredString("routing");
        Routing routing;
        try {
            routing = Routing.valueOf(routingName);
        } catch (IllegalArgumentException e) {
            throw new PlanValidationException(record.child("routing"), "must be one of " + PlanReader.names(Routing.values()) + " (got '" + routingName + "')");
        }
        String name = context.normalizeName(record.requiredMatching("name", DNS_NAME, "must be a DNS name such as app.example.com."));
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
        RecordTarget normal = normalFields == null ? null : target(normalFields, context);
        RecordTarget recovery = recoveryFields == null ? null : target(recoveryFields, context);
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

    private RecordTarget target(Fields target, StepContext context) {
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
        String dnsName = context.normalizeName(aliasFields.requiredMatching("dnsName", DNS_NAME, "must be a DNS name"));
        String zoneId = aliasFields.requiredMatching("hostedZoneId", ZONE_ID, "must be the hosted zone id of the alias target, such as Z35SXDOTRQ7X7K");
        Boolean evaluate = aliasFields.optionalBoolean("evaluateTargetHealth");
        aliasFields.finish();
        return new RecordTarget(null, new AliasTarget(dnsName, normalizeZoneId(zoneId), evaluate));
    }

    private static void require(Fields record, String name, Object value, String routing) {
        if (value == null) {
            throw new PlanValidationException(record.child(name), "is required for " + routing + " routing");
        }
    }

    private static void forbid(Fields record, String name, Object value, String routing, String why) {
        if (value != null) {
            throw new PlanValidationException(record.child(name), "must not be set for " + routing + " routing: " + why);
        }
    }

    private static void forbidWeights(Fields record, Integer normalWeight, Integer failoverWeight, String routing) {
        forbid(record, "normalWeight", normalWeight, routing, "weights belong to WEIGHTED records");
        forbid(record, "failoverWeight", failoverWeight, routing, "weights belong to WEIGHTED records");
    }

    static String normalizeZoneId(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    @Override
    public Map<String, Object> write(ZonePlan zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostedZoneId", zone.hostedZoneId());
        m.put("records", zone.records().stream().map(PlanWriter::record).toList());
        return m;
    }

    @Override
    public void checkAcross(List<ZonePlan> zones) {
        Uniqueness.unique(zones, z -> normalizeZoneId(z.hostedZoneId()), ZonePlan::path, "hostedZoneId", "hosted zone");
    }

    /** Traffic goes back first, while the recovery Region's compute still serves it. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(10);
    }

    @Override
    public String version1Field() {
        return "dns";
    }

    @Override
    public String version1Stage() {
        return "traffic";
    }
}
