package io.github.drkit.runtime.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One run: the action, {@code dryRun} (report the exact changes, make none) and {@code force} (move traffic
 * even to a fleet that is not healthy).
 */
public record RecoveryRequest(Action action, boolean dryRun, boolean force) {
    private static final Set<String> EVENT_FIELDS = Set.of("action", "dryRun", "force");

    public RecoveryRequest {
        Objects.requireNonNull(action, "action");
    }

    /**
     * Reads a Lambda event such as {@code {"action": "failover", "dryRun": false, "force": false}}.
     * Unknown fields are refused: a mistyped {@code "dry_run": true} must not turn into a real failover.
     */
    public static RecoveryRequest fromEvent(Map<String, ?> event) {
        if (event == null) {
            throw new InvalidRequestException("event", "is empty; expected {\"action\": \"status|failover|failback\"}");
        }
        for (String key : event.keySet()) {
            if (!EVENT_FIELDS.contains(key)) {
                throw new InvalidRequestException(key, "is not a field of the event (known fields: action, dryRun, force)");
            }
        }
        Object action = event.get("action");
        if (action != null && !(action instanceof String)) {
            throw new InvalidRequestException("action", "must be a string (got " + action + ")");
        }
        return new RecoveryRequest(Action.parse("action", (String) action), flag(event, "dryRun"), flag(event, "force"));
    }

    private static boolean flag(Map<String, ?> event, String name) {
        Object value = event.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new InvalidRequestException(name, "must be true or false (got " + (value instanceof String ? "'" + value + "'" : value) + ")");
    }
}
