package io.github.drkit.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One run: the action, {@code dryRun} (report the exact changes, make none), {@code force} (move traffic
 * even to a fleet that is not healthy) and {@code deadline} (how long the run may take; when it is reached
 * the run stops and reports what was done and what was not).
 *
 * @param before  for restore: restore from the latest recovery point taken at or before this time; null for the latest
 * @param approve the stage a person approved: failover runs through the approval of that stage and of every stage
 *                before it; null when nothing is approved
 * @param runId   names the recovery the run belongs to, so that a run resumed after an approval gives custom actions
 *                the same idempotency keys; null for a new id
 */
public record RecoveryRequest(Action action, boolean dryRun, boolean force, Duration deadline, Instant before, String approve,
                              String runId) {
    /** 15 minutes: Lambda's longest run, and room for the default 600 s health wait, DNS and the report. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(15);
    /** A day: longer than any recovery should take; a longer deadline is a typo. */
    public static final long MAX_DEADLINE_SECONDS = 86_400;
    private static final Set<String> EVENT_FIELDS = Set.of("action", "dryRun", "force", "deadlineSeconds", "before", "approve", "runId");
    /** A stage name, as the plan allows it. */
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public RecoveryRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(deadline, "deadline");
        checkFields(action, dryRun, force, before, approve, runId, RequestField::event);
    }

    /**
     * The one rule of both entry points: refuses a field that {@code action} would ignore ({@link RequestField}), naming it
     * as {@code names} gives it (the event's {@code dryRun}, the command line's {@code --dry-run}). A flag counts when it is
     * true: false is what every action does without it.
     */
    public static void checkFields(Action action, boolean dryRun, boolean force, Instant before, String approve, String runId,
                                   java.util.function.Function<RequestField, String> names) {
        check(action, dryRun, RequestField.DRY_RUN, names);
        check(action, force, RequestField.FORCE, names);
        check(action, before != null, RequestField.BEFORE, names);
        check(action, approve != null, RequestField.APPROVE, names);
        check(action, runId != null, RequestField.RUN_ID, names);
    }

    private static void check(Action action, boolean given, RequestField field, java.util.function.Function<RequestField, String> names) {
        if (given) {
            field.check(action, names.apply(field));
        }
    }

    /** A request for the latest recovery points, that approves nothing, with a new run id. */
    public RecoveryRequest(Action action, boolean dryRun, boolean force, Duration deadline) {
        this(action, dryRun, force, deadline, null, null, null);
    }

    /** A restore from the recovery points at or before {@code before}. */
    public RecoveryRequest(Action action, boolean dryRun, boolean force, Duration deadline, Instant before) {
        this(action, dryRun, force, deadline, before, null, null);
    }

    /** A failover that approves the stage {@code approve} (null: none), in the run {@code runId} (null: a new one). */
    public RecoveryRequest(Action action, boolean dryRun, boolean force, Duration deadline, String approve, String runId) {
        this(action, dryRun, force, deadline, null, approve, runId);
    }

    /** A request with the default deadline. */
    public RecoveryRequest(Action action, boolean dryRun, boolean force) {
        this(action, dryRun, force, DEFAULT_DEADLINE);
    }

    /** This request, with its deadline shortened to {@code limit} when that is sooner. */
    public RecoveryRequest within(Duration limit) {
        return limit.compareTo(deadline) < 0 ? new RecoveryRequest(action, dryRun, force, limit, before, approve, runId) : this;
    }

    /**
     * Refuses an approval that names no stage of {@code plan} waiting for one, naming {@code field} (the event's
     * {@code approve}, the command line's {@code --approve}).
     */
    public void checkApproval(io.github.drkit.plan.RecoveryPlan plan, String field) {
        Approvals.check(plan, this, field);
    }

    /** Checks an approval's stage name as given in {@code field} ({@code approve}, {@code --approve}). */
    public static String approveValue(String field, String value) {
        if (!STAGE.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must name a stage of the plan: 1-128 letters, digits, '.', '_' or '-' (got '"
                    + Cut.value(value) + "')");
        }
        return value;
    }

    /** Checks a run id as given in {@code field} ({@code runId}, {@code --run-id}). */
    public static String runIdValue(String field, String value) {
        if (!RUN_ID.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit (got '"
                    + Cut.value(value) + "')");
        }
        return value;
    }

    /**
     * Reads a Lambda event such as {@code {"action": "failover", "dryRun": false, "force": false}}.
     * Unknown fields are refused: a mistyped {@code "dry_run": true} must not turn into a real failover.
     */
    public static RecoveryRequest fromEvent(Map<String, ?> event) {
        if (event == null) {
            throw new InvalidRequestException("event", "is empty; expected {\"action\": \"status|failover|failback|evaluate|restore\"}");
        }
        for (String key : event.keySet()) {
            if (!EVENT_FIELDS.contains(key)) {
                throw new InvalidRequestException(Cut.value(key), "is not a field of the event (known fields: action, dryRun, force,"
                        + " deadlineSeconds, before, approve, runId)");
            }
        }
        Object action = event.get("action");
        if (action != null && !(action instanceof String)) {
            throw new InvalidRequestException("action", "must be a string (got " + Cut.value(String.valueOf(action)) + ")");
        }
        Action parsed = Action.parse("action", (String) action);
        Object before = event.get("before");
        if (before != null && !(before instanceof String)) {
            throw new InvalidRequestException("before", "must be a time as text such as \"2026-12-01T10:00Z\" (got "
                    + Cut.value(String.valueOf(before)) + ")");
        }
        String approve = text(event, "approve");
        String runId = text(event, "runId");
        return new RecoveryRequest(parsed, flag(event, "dryRun"), flag(event, "force"), deadline(event.get("deadlineSeconds")),
                before == null ? null : before("before", (String) before, parsed, Instant.now()),
                approve == null ? null : approveValue("approve", approve), runId == null ? null : runIdValue("runId", runId));
    }

    /**
     * Checks a restore time given as ISO-8601 with an offset ({@code 2026-12-01T10:00Z}, {@code 2026-12-01T11:00:30+01:00}):
     * only restore takes one, and it must not be later than {@code now} (no recovery point exists yet for a later time).
     */
    public static Instant before(String field, String value, Action action, Instant now) {
        RequestField.BEFORE.check(action, field);
        Instant time;
        try {
            time = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a time with its offset, such as 2026-12-01T10:00Z (got '" + Cut.value(value) + "')");
        }
        return notInTheFuture(field, time, now);
    }

    /** Refuses a restore time later than {@code now}: every recovery point before it would be "the latest", silently. */
    public static Instant notInTheFuture(String field, Instant time, Instant now) {
        if (time.isAfter(now)) {
            throw new InvalidRequestException(field, "must not be in the future (got " + time + ", now " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + "): a restore goes back to a recovery point that exists");
        }
        return time;
    }

    private static String text(Map<String, ?> event, String name) {
        Object value = event.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidRequestException(name, "must be a string (got " + Cut.value(String.valueOf(value)) + ")");
        }
        return (String) value;
    }

    private static Duration deadline(Object value) {
        if (value == null) {
            return DEFAULT_DEADLINE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return deadlineSeconds("deadlineSeconds", ((Number) value).longValue());
        }
        throw new InvalidRequestException("deadlineSeconds", "must be a whole number of seconds from 1 to " + MAX_DEADLINE_SECONDS
                + " (got " + Cut.value(value instanceof String ? "'" + value + "'" : String.valueOf(value)) + ")");
    }

    /** Checks a deadline given in seconds: from 1 s to a day. */
    public static Duration deadlineSeconds(String field, long seconds) {
        if (seconds < 1 || seconds > MAX_DEADLINE_SECONDS) {
            throw new InvalidRequestException(field, "must be from 1 to " + MAX_DEADLINE_SECONDS + " seconds (got " + seconds + ")");
        }
        return Duration.ofSeconds(seconds);
    }

    private static boolean flag(Map<String, ?> event, String name) {
        Object value = event.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new InvalidRequestException(name, "must be true or false (got "
                + Cut.value(value instanceof String ? "'" + value + "'" : String.valueOf(value)) + ")");
    }
}
