package io.github.drkit.apps.drill;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The break a drill makes on purpose, after failback and before the teardown, to show evaluate catching it: a DNS
 * record the plan changes is deleted. moto 5.2.1 matches a DELETE by name, type and set identifier (and removes every
 * record of the zone with that identifier), and lists records made by CloudFormation without their values, so the
 * DELETE names the record and carries a placeholder value that moto requires and does not compare.
 */
final class BrokenOnPurpose {
    private final DrillClients clients;
    private final ZonePlan zone;
    private final RecordPlan record;

    private BrokenOnPurpose(DrillClients clients, ZonePlan zone, RecordPlan record) {
        this.clients = clients;
        this.zone = zone;
        this.record = record;
    }

    /** The break for this plan: its first DNS record; null when the plan changes no record. */
    static BrokenOnPurpose find(DrillClients clients, RecoveryPlan plan) {
        for (ZonePlan zone : plan.dns()) {
            if (!zone.records().isEmpty()) {
                return new BrokenOnPurpose(clients, zone, zone.records().get(0));
            }
        }
        return null;
    }

    String what() {
        return "delete record " + record.key() + " (" + record.path() + ")";
    }

    String breakIt() {
        List<ResourceRecordSet> live = clients.route53().listResourceRecordSets(r -> r.hostedZoneId(zone.hostedZoneId())).resourceRecordSets();
        ResourceRecordSet target = live.stream().filter(this::isPlanned).findFirst()
                .orElseThrow(() -> new DrillException("record " + record.key() + " is not in zone " + zone.hostedZoneId()));
        ResourceRecordSet delete = target.aliasTarget() != null || target.ttl() != null ? target
                : target.toBuilder().ttl(60L).resourceRecords(v -> v.value("192.0.2.1")).build();
        clients.route53().changeResourceRecordSets(r -> r.hostedZoneId(zone.hostedZoneId()).changeBatch(b -> b.changes(
                Change.builder().action(ChangeAction.DELETE).resourceRecordSet(delete).build())));
        return "deleted " + record.key() + " from " + zone.hostedZoneId();
    }

    /** The check that evaluate found the record missing, naming its plan path. */
    Check caughtBy(ReadinessReport report) {
        boolean caught = report.findings().stream().anyMatch(f -> f.severity() == Severity.CRITICAL
                && f.category() == Finding.Category.EXISTENCE && f.path().equals(record.path()) && f.problem().contains("not found"));
        return new Check("evaluate finding for " + record.path(), "CRITICAL EXISTENCE: record " + record.key() + " not found",
                caught ? "CRITICAL EXISTENCE: record " + record.key() + " not found"
                        : report.findings().stream().map(f -> f.severity() + " " + f.path() + ": " + f.problem()).toList().toString(), caught);
    }

    private boolean isPlanned(ResourceRecordSet set) {
        String name = set.name().toLowerCase(Locale.ROOT);
        return (name.endsWith(".") ? name : name + ".").equals(record.name()) && set.typeAsString().equals(record.type())
                && Objects.equals(set.setIdentifier(), record.setIdentifier());
    }
}
