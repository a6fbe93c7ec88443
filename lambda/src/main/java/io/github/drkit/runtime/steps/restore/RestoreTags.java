package io.github.drkit.runtime.steps.restore;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags a restore gives what it creates: the recovery point it came from and the time of that point's data, so that
 * later runs (and a person) read which point a restored resource holds without the point itself.
 */
final class RestoreTags {
    /** The recovery point (snapshot, backup) a restored resource came from. */
    static final String RESTORED_FROM = "drkit:restored-from";
    /** The time of the restored resource's data: the recovery point's. */
    static final String RECOVERY_POINT_TIME = "drkit:recovery-point-time";

    private RestoreTags() {
    }

    static Map<String, String> of(RecoveryPoint point) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(RESTORED_FROM, point.id());
        tags.put(RECOVERY_POINT_TIME, point.time().toString());
        return tags;
    }

    /** The point a restored resource came from, from its tags; null for a resource made otherwise. */
    static RecoveryPoint pointOf(Map<String, String> tags) {
        String from = tags.get(RESTORED_FROM);
        String time = tags.get(RECOVERY_POINT_TIME);
        if (from == null || time == null) {
            return null;
        }
        try {
            return new RecoveryPoint(from, Instant.parse(time));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
