package io.github.drkit.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * {@code approval}: the stage holding it waits for a person's approval ({@link ApprovalPlan}). A stage-level gate
 * written as a step, so that the stage model, the reader and the schema stay as they are.
 */
public final class ApprovalKind implements StepKind<ApprovalPlan> {
    public static final String NAME = "approval";
    public static final int MAX_MESSAGE = 1024;
    /** One line that starts with a visible character; spelled out so that the schema's pattern is the same rule. */
    private static final Pattern MESSAGE = Pattern.compile(
            "[^\\u0000-\\u0020\\u007f-\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
            + "[^\\u0000-\\u001f\\u007f]{0," + (MAX_MESSAGE - 1) + "}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ApprovalPlan> type() {
        return ApprovalPlan.class;
    }

    @Override
    public ApprovalPlan read(Fields step, StepContext context) {
        Object value = step.raw("message");
        if (value != null && !(value instanceof String)) {
            throw new PlanValidationException(step.child("message"), "must be a string (got " + Fields.describe(value) + ")");
        }
        String message = (String) value;
        if (message != null && !MESSAGE.matcher(message).matches()) {
            throw new PlanValidationException(step.child("message"), "must be 1-" + MAX_MESSAGE
                    + " characters on one line, starting with a visible character (got '" + message + "')");
        }
        step.finish();
        return new ApprovalPlan(message, step.path());
    }

    @Override
    public Map<String, Object> write(ApprovalPlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (step.message() != null) {
            m.put("message", step.message());
        }
        return m;
    }

    /** One approval per stage: a second one would gate nothing more and read as if it did. */
    @Override
    public void checkAcross(List<ApprovalPlan> steps) {
        Map<String, String> seen = new HashMap<>();
        for (ApprovalPlan step : steps) {
            if (step.path() == null || !step.path().contains(".steps[")) {
                continue;
            }
            String stage = step.path().substring(0, step.path().indexOf(".steps["));
            String previous = seen.putIfAbsent(stage, step.path());
            if (previous != null) {
                throw new PlanValidationException(step.path() + ".kind", "is a second approval in " + stage + " (the first is " + previous
                        + "): one approval gates the whole stage");
            }
        }
    }

    /** Failback asks no approval: it runs by kind rank, not by stage, so there is no stage to hold. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.empty();
    }
}
