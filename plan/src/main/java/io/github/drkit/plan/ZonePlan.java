package io.github.drkit.plan;

import java.util.List;

/** One Route 53 hosted zone and its records; all of them change in one {@code ChangeResourceRecordSets} batch. */
public record ZonePlan(String hostedZoneId, List<RecordPlan> records, String path) implements PlanStep {
    /** A zone written by a construct, before it has a place in a plan. */
    public ZonePlan(String hostedZoneId, List<RecordPlan> records) {
        this(hostedZoneId, records, null);
    }


    public ZonePlan {
        records = List.copyOf(records);
    }

    @Override
    public String kind() {
        return ChangeDnsKind.NAME;
    }
}
