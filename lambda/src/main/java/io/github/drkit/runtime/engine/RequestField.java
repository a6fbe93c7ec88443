package io.github.drkit.runtime.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The optional fields of a request, the actions that use each, and the names the Lambda event and the command line give
 * them. One rule for both entry points: a field given to an action that would ignore it is refused before anything runs,
 * naming the field, the action and the actions that take it, because an ignored {@code "dryRun": true} looks honoured.
 */
public enum RequestField {
    DRY_RUN("dryRun", "--dry-run", "status and evaluate change nothing", Action.FAILOVER, Action.FAILBACK, Action.RESTORE),
    FORCE("force", "--force", "status and evaluate change nothing", Action.FAILOVER, Action.FAILBACK, Action.RESTORE),
    BEFORE("before", "--before", "only restore chooses recovery points", Action.RESTORE),
    APPROVE("approve", "--approve", "failback, status and evaluate never wait for approval", Action.FAILOVER, Action.RESTORE),
    RUN_ID("runId", "--run-id", "status and evaluate run no step that takes the run id (custom actions' idempotency keys)",
            Action.FAILOVER, Action.FAILBACK, Action.RESTORE);

    private final String event;
    private final String option;
    private final String why;
    private final Set<Action> actions;

    RequestField(String event, String option, String why, Action first, Action... rest) {
        this.event = event;
        this.option = option;
        this.why = why;
        this.actions = EnumSet.of(first, rest);
    }

    /** The field's name in the Lambda event. */
    public String event() {
        return event;
    }

    /** The option's name on the command line. */
    public String option() {
        return option;
    }

    /** True when {@code action} uses this field. */
    public boolean appliesTo(Action action) {
        return actions.contains(action);
    }

    /** The fields {@code action} uses, in declaration order. */
    public static List<RequestField> of(Action action) {
        return java.util.Arrays.stream(values()).filter(field -> field.appliesTo(action)).toList();
    }

    /**
     * Refuses this field, given as {@code name}, when {@code action} does not use it.
     *
     * @throws InvalidRequestException naming {@code name}, the action and the actions that take the field
     */
    public void check(Action action, String name) {
        if (!appliesTo(action)) {
            List<String> ids = actions.stream().map(Action::id).toList();
            String takers = ids.size() == 1 ? ids.get(0) : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
            throw new InvalidRequestException(name, "does not apply to " + action.id() + " (" + name + " applies to " + takers
                    + " only: " + why + "); nothing was run");
        }
    }
}
