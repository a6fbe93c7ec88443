package io.github.drkit.plan;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The plan as JSON-shaped maps and lists, version {@value RecoveryPlan#CURRENT_VERSION}, in the field order of the documentation. */
    public static Map<String, Object> toTree(RecoveryPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", RecoveryPlan.CURRENT_VERSION);
        m.put("application", plan.application());
        m.put("strategy", plan.strategy().name());
        putIfSet(m, "primaryRegion", plan.primaryRegion());
        m.put("recoveryRegion", plan.recoveryRegion());
        m.put("stages", plan.stages().stream().map(PlanWriter::stage).toList());
        putIfSet(m, "notificationTopicArn", plan.notificationTopicArn());
        if (plan.objectives() != null) {
            Map<String, Object> objectives = new LinkedHashMap<>();
            putIfSet(objectives, "rtoSeconds", plan.objectives().rtoSeconds());
            putIfSet(objectives, "rpoSeconds", plan.objectives().rpoSeconds());
            m.put("objectives", objectives);
        }
        return m;
    }

    public static Map<String, Object> stage(Stage stage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", stage.name());
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < stage.steps().size(); i++) {
            Map<String, Object> step = StepKinds.write(stage.steps().get(i));
            AssumeRole role = stage.assumeRoles().get(i);
            if (role != null) {
                step.put(AssumeRole.FIELD, role.write());
            }
            steps.add(step);
        }
        m.put("steps", steps);
        return m;
    }

    /** One step, {@code kind} first; a part can be checked or shown on its own. */
    public static Map<String, Object> step(PlanStep step) {
        return StepKinds.write(step);
    }

    public static Map<String, Object> capacity(Capacity capacity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", capacity.min());
        m.put("desired", capacity.desired());
        m.put("max", capacity.max());
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

    /** Whole numbers are written without a fraction, as the documentation shows them. */
    static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
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
