package io.github.drkit.plan;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a {@link RecoveryPlan} in the plan's JSON form (docs/recovery-plan.md). Field names and which fields are
 * left out live here and in {@link PlanReader} only. {@link #toTree} gives maps and lists, for a writer that must
 * render unresolved values itself (the constructs pass the tree to CDK, which resolves tokens at deploy time);
 * {@link #toJson} gives the text.
 */
public final class PlanWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlanWriter() {
    }

    /** The plan as JSON text, compact. */
    public static String toJson(RecoveryPlan plan) {
        return render(toTree(plan));
    }

    /** Any tree of maps, lists, strings, numbers and booleans as compact JSON text. */
    public static String render(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The plan as JSON-shaped maps and lists, in the field order of the documentation. */
    public static Map<String, Object> toTree(RecoveryPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", RecoveryPlan.CURRENT_VERSION);
        m.put("application", plan.application());
        m.put("strategy", plan.strategy().name());
        putIfSet(m, "primaryRegion", plan.primaryRegion());
        m.put("recoveryRegion", plan.recoveryRegion());
        putList(m, "databases", plan.databases().stream().map(PlanWriter::database).toList());
        putList(m, "instances", plan.instances().stream().map(PlanWriter::instances).toList());
        putList(m, "fleets", plan.fleets().stream().map(PlanWriter::fleet).toList());
        putList(m, "dns", plan.dns().stream().map(PlanWriter::zone).toList());
        putList(m, "siteSwitches", plan.siteSwitches().stream().map(PlanWriter::siteSwitch).toList());
        m.put("healthTimeoutSeconds", plan.healthTimeoutSeconds());
        putIfSet(m, "notificationTopicArn", plan.notificationTopicArn());
        return m;
    }

    // One writer per part of the plan, public so a part can be checked or shown on its own.

    public static Map<String, Object> database(DatabasePlan database) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", database.region());
        m.put("dbInstanceIdentifier", database.dbInstanceIdentifier());
        return m;
    }

    public static Map<String, Object> instances(InstancePlan instances) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", instances.region());
        m.put("instanceIds", new ArrayList<>(instances.instanceIds()));
        return m;
    }

    public static Map<String, Object> fleet(FleetPlan fleet) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", fleet.region());
        m.put("autoScalingGroupName", fleet.autoScalingGroupName());
        m.put("standby", capacity(fleet.standby()));
        m.put("recovery", capacity(fleet.recovery()));
        putIfSet(m, "standbyInstanceType", fleet.standbyInstanceType());
        putIfSet(m, "recoveryInstanceType", fleet.recoveryInstanceType());
        m.put("minHealthy", fleet.minHealthy());
        if (!fleet.targetGroupArns().isEmpty()) {
            m.put("targetGroupArns", new ArrayList<>(fleet.targetGroupArns()));
        }
        return m;
    }

    public static Map<String, Object> capacity(Capacity capacity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", capacity.min());
        m.put("desired", capacity.desired());
        m.put("max", capacity.max());
        return m;
    }

    public static Map<String, Object> zone(ZonePlan zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostedZoneId", zone.hostedZoneId());
        m.put("records", zone.records().stream().map(PlanWriter::record).toList());
        return m;
    }

    public static Map<String, Object> record(RecordPlan record) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routing", record.routing().name());
        m.put("name", record.name());
        m.put("type", record.type());
        putIfSet(m, "setIdentifier", record.setIdentifier());
        putIfSet(m, "normalWeight", record.normalWeight());
        putIfSet(m, "failoverWeight", record.failoverWeight());
        putIfSet(m, "ttl", record.ttl());
        if (record.normal() != null) {
            m.put("normal", target(record.normal()));
        }
        if (record.recovery() != null) {
            m.put("recovery", target(record.recovery()));
        }
        return m;
    }

    public static Map<String, Object> target(RecordTarget target) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (target.isAlias()) {
            Map<String, Object> alias = new LinkedHashMap<>();
            alias.put("dnsName", target.alias().dnsName());
            alias.put("hostedZoneId", target.alias().hostedZoneId());
            putIfSet(alias, "evaluateTargetHealth", target.alias().evaluateTargetHealth());
            m.put("alias", alias);
        } else {
            m.put("values", new ArrayList<>(target.values()));
        }
        return m;
    }

    public static Map<String, Object> siteSwitch(SiteSwitchPlan siteSwitch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", siteSwitch.region());
        m.put("site", siteSwitch.site());
        m.put("namespace", siteSwitch.namespace());
        m.put("metricName", siteSwitch.metricName());
        m.put("dimensions", new LinkedHashMap<>(new TreeMap<>(siteSwitch.dimensions())));
        m.put("normalValue", number(siteSwitch.normalValue()));
        m.put("failoverValue", number(siteSwitch.failoverValue()));
        return m;
    }

    /** Whole numbers are written without a fraction, as the documentation shows them. */
    static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void putList(Map<String, Object> m, String key, List<Map<String, Object>> list) {
        if (!list.isEmpty()) {
            m.put(key, new ArrayList<>(list));
        }
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
