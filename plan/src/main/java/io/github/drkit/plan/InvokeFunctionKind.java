package io.github.drkit.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code invokeFunction}: a custom action ({@link InvokeFunctionPlan}), a Lambda function invoked with a payload and an
 * idempotency key, for the runbook steps no fixed kind expresses (a feature flag, a queue to drain, a third-party DNS).
 */
public final class InvokeFunctionKind implements StepKind<InvokeFunctionPlan> {
    public static final String NAME = "invokeFunction";
    /** The field of the payload the runtime writes its own values into (the idempotency key among them). */
    public static final String RESERVED_FIELD = "drkit";
    /** A function ARN with an optional version or alias: partition, Region, account, name, qualifier. */
    static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
    public static final int MAX_PAYLOAD_BYTES = 65_536;
    public static final int MAX_TIMEOUT_SECONDS = 900;
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final int MAX_RETRIES = 5;
    public static final int DEFAULT_RETRIES = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<InvokeFunctionPlan> type() {
        return InvokeFunctionPlan.class;
    }

    @Override
    public InvokeFunctionPlan read(Fields step, StepContext context) {
        String arn = step.requiredString("functionArn");
        if (!step.isUnresolved(arn)) {
            checkArn(step.child("functionArn"), arn, context);
        }
        String payload = payload(step);
        String runOn = step.optionalString("runOn");
        InvokeFunctionPlan.RunOn when = runOn == null ? InvokeFunctionPlan.RunOn.FAILOVER
                : InvokeFunctionPlan.RunOn.parse(step.child("runOn"), runOn);
        Integer timeout = step.optionalInt("timeoutSeconds", 1, MAX_TIMEOUT_SECONDS);
        Integer retries = step.optionalInt("retries", 0, MAX_RETRIES);
        step.finish();
        return new InvokeFunctionPlan(arn, payload, when, timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout,
                retries == null ? DEFAULT_RETRIES : retries, step.path());
    }

    private static void checkArn(String field, String arn, StepContext context) {
        Matcher match = FUNCTION_ARN.matcher(arn);
        if (!match.matches()) {
            throw new PlanValidationException(field, "must be a Lambda function ARN, arn:<partition>:lambda:<region>:<account>:function:<name>"
                    + "[:<version or alias>] (got '" + arn + "')");
        }
        String region = context.knownRegion(field, match.group(2));
        String partition = match.group(1);
        if (!partition.equals(Regions.partition(region))) {
            throw new PlanValidationException(field, "names partition '" + partition + "' but Region " + region + " is in partition '"
                    + Regions.partition(region) + "' (got '" + arn + "')");
        }
        String planRegion = context.recoveryRegion();
        if (planRegion != null && !partition.equals(Regions.partition(planRegion))) {
            throw new PlanValidationException(field, "must be in partition '" + Regions.partition(planRegion) + "' of the plan's Region "
                    + planRegion + ": the runtime's credentials reach no other partition (got '" + arn + "')");
        }
    }

    /** The payload as JSON text, in the order written: an object, at most {@link #MAX_PAYLOAD_BYTES}, without {@code drkit}. */
    private static String payload(Fields step) {
        Object value = step.raw("payload");
        if (value == null) {
            return "{}";
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw new PlanValidationException(step.child("payload"), "must be a JSON object (got " + Fields.describe(value) + ")");
        }
        if (object.containsKey(RESERVED_FIELD)) {
            throw new PlanValidationException(step.child("payload." + RESERVED_FIELD), "is reserved: the runtime writes the idempotency key,"
                    + " application, action, step and run id there");
        }
        String json;
        try {
            json = PlanWriter.render(plain(object));
        } catch (IllegalArgumentException tooLarge) {
            throw new PlanValidationException(step.child("payload"), "must hold numbers that fit a 64-bit integer or a double (got "
                    + tooLarge.getMessage() + ")");
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new PlanValidationException(step.child("payload"), "must be at most " + MAX_PAYLOAD_BYTES + " bytes as JSON (got " + bytes
                    + "): the plan carries it to every run; pass a reference (an S3 key, a parameter name) instead");
        }
        return json;
    }

    /** The read tree with JSON null as Java null, as the writer renders it. */
    private static Object plain(Object value) {
        if (value == JsonTree.NULL) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof java.math.BigDecimal || value instanceof java.math.BigInteger) {
            throw new IllegalArgumentException(value.toString());
        }
        return value;
    }

    @Override
    public Map<String, Object> write(InvokeFunctionPlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("functionArn", step.functionArn());
        m.put("payload", tree(step.payload()));
        m.put("runOn", step.runOn().id());
        m.put("timeoutSeconds", step.timeoutSeconds());
        m.put("retries", step.retries());
        return m;
    }

    /** The payload as maps and lists again. */
    public static Map<?, ?> tree(String payload) {
        try {
            return (Map<?, ?>) plain(JsonTree.parse(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("payload is not JSON: " + payload, e);
        }
    }

    /** The same function may be invoked by several steps (with different payloads): no rule across steps. */
    @Override
    public void checkAcross(List<InvokeFunctionPlan> steps) {
    }

    /**
     * On failback, custom actions run last, once traffic (10) and compute (20) are back in the primary Region: the
     * work they undo (a flag, a paused queue) served the recovery Region until then.
     */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(30);
    }
}
