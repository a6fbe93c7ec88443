package io.github.drkit.runtime.engine;

import java.util.Collection;

/** The state a status names: every resource normal, every resource failed over, or anything else. */
public enum SystemState {
    NORMAL,
    FAILED_OVER,
    MIXED;

    static SystemState of(Collection<Position> positions) {
        boolean normal = positions.stream().allMatch(p -> p == Position.NORMAL || p == Position.EITHER);
        boolean failedOver = positions.stream().allMatch(p -> p == Position.FAILED_OVER || p == Position.EITHER);
        if (normal) {
            return NORMAL;
        }
        return failedOver ? FAILED_OVER : MIXED;
    }
}
