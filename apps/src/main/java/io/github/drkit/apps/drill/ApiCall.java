package io.github.drkit.apps.drill;

import java.time.Instant;

/**
 * One AWS API call that went through the drill's proxy: what was called, where, and what came back.
 *
 * @param injected the fault answered instead of the emulator, or null when the emulator answered
 */
public record ApiCall(Instant at, String service, String region, String action, int status, long millis, String injected) {
    /** {@code route53:ChangeResourceRecordSets}, as a report line names a call. */
    public String operation() {
        return service + ":" + action;
    }
}
