package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The records of one hosted zone that failover changes in one all-or-nothing batch. Weighted records
 * that share a name and type are one weighted set: neither its normal nor its failover weights may
 * all be 0, so that no change leaves every site at 0 (Route 53 would then split traffic equally,
 * sending it back to the failed site).
 */
public final class PlanDnsZone {
    private final String hostedZoneId;
    private final List<PlanDnsRecord> records;

    private PlanDnsZone(String hostedZoneId, List<PlanDnsRecord> records) {
        this.hostedZoneId = Checks.required("PlanDnsZone", "hostedZoneId", hostedZoneId);
        this.records = List.copyOf(Checks.notEmpty("PlanDnsZone", "records", records));
        Map<String, List<PlanDnsRecord>> sets = this.records.stream()
                .filter(r -> r.routing() == PlanDnsRecord.Routing.WEIGHTED)
                .collect(Collectors.groupingBy(r -> r.name() + " " + r.type(), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<PlanDnsRecord>> set : sets.entrySet()) {
            if (set.getValue().stream().allMatch(r -> r.failoverWeight() == 0)) {
                throw new IllegalArgumentException("PlanDnsZone: weighted records " + set.getKey()
                        + " would all have weight 0 after failover; at least one failoverWeight must be above 0");
            }
            if (set.getValue().stream().allMatch(r -> r.normalWeight() == 0)) {
                throw new IllegalArgumentException("PlanDnsZone: weighted records " + set.getKey()
                        + " all have normalWeight 0; at least one must be above 0");
            }
            List<String> ids = new ArrayList<>();
            for (PlanDnsRecord r : set.getValue()) {
                if (ids.contains(r.setIdentifier())) {
                    throw new IllegalArgumentException("PlanDnsZone: setIdentifier " + r.setIdentifier() + " is used twice in " + set.getKey());
                }
                ids.add(r.setIdentifier());
            }
        }
    }

    public static PlanDnsZone of(String hostedZoneId, List<PlanDnsRecord> records) {
        return new PlanDnsZone(hostedZoneId, records);
    }

    public String hostedZoneId() {
        return hostedZoneId;
    }

    public List<PlanDnsRecord> records() {
        return records;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostedZoneId", hostedZoneId);
        m.put("records", records.stream().map(PlanDnsRecord::toJson).collect(Collectors.toList()));
        return m;
    }
}
