package io.github.drkit.failover;

import io.github.drkit.internal.plan.DnsPermissions;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.ZonePlan;
import java.util.List;

/**
 * The records of one hosted zone that failover changes in one all-or-nothing batch. Weighted records
 * that share a name and type are one weighted set: neither its normal nor its failover weights may
 * all be 0, so that no change leaves every site at 0 (Route 53 would then split traffic equally,
 * sending it back to the failed site).
 */
public final class PlanDnsZone implements RecoveryStep {
    private final String hostedZoneId;
    private final List<PlanDnsRecord> records;

    private PlanDnsZone(String hostedZoneId, List<PlanDnsRecord> records) {
        this.hostedZoneId = Checks.required("PlanDnsZone", "hostedZoneId", hostedZoneId);
        this.records = List.copyOf(Checks.required("PlanDnsZone", "records", records));
        // Record and weighted-set rules (no set left all at 0, set identifiers unique) are the plan model's.
        PlanRules.check("PlanDnsZone", () -> PlanRules.reader().check(toPlan()));
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

    /** The zone as the plan carries it. */
    @Override
    public ZonePlan toPlan() {
        return new ZonePlan(hostedZoneId, records.stream().map(PlanDnsRecord::toPlan).toList());
    }

    /** In the {@code traffic} stage. */
    @Override
    public String stage() {
        return "traffic";
    }

    @Override
    public StepPermissions permissions() {
        return DnsPermissions.INSTANCE;
    }
}
