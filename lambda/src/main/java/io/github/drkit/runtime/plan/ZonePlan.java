package io.github.drkit.runtime.plan;

import java.util.List;

/** One Route 53 hosted zone and its records; all of them change in one {@code ChangeResourceRecordSets} batch. */
public record ZonePlan(String hostedZoneId, List<RecordPlan> records, String path) {
    public ZonePlan {
        records = List.copyOf(records);
    }
}
