package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import io.github.drkit.plan.ChangeDnsKind;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.RecordSet;

/**
 * DNS: each hosted zone exists, each record the plan changes exists (failover changes records, it does not create
 * them), and each health check those records name exists. One ListResourceRecordSets listing per zone, one
 * GetHealthCheckStatus per distinct health check.
 */
public final class DnsReadiness implements ReadinessCheck<ZonePlan> {
    @Override
    public String kind() {
        return ChangeDnsKind.NAME;
    }

    @Override
    public Class<ZonePlan> type() {
        return ZonePlan.class;
    }

    @Override
    public List<Finding> check(List<ZonePlan> zones, ReadinessContext context) {
        Map<String, String> healthChecks = new java.util.concurrent.ConcurrentHashMap<>();
        List<Callable<List<Finding>>> reads = zones.stream()
                .map(zone -> (Callable<List<Finding>>) () -> zone(zone, context, healthChecks)).toList();
        List<Finding> findings = new ArrayList<>();
        context.all(reads).forEach(findings::addAll);
        // Health checks named by the records found, each read once per account however many records name it, through
        // the zone's clients: a health check belongs to the account of the zone whose records name it.
        Map<String, HealthCheckRead> checks = new LinkedHashMap<>();
        for (ZonePlan zone : zones) {
            for (RecordPlan record : zone.records()) {
                String id = healthChecks.get(record.path());
                if (id != null) {
                    checks.putIfAbsent(context.account(zone) + "|" + id, new HealthCheckRead(id, record.path(), zone));
                }
            }
        }
        List<Callable<Finding>> checkReads = checks.values().stream()
                .map(read -> (Callable<Finding>) () -> healthCheck(read.id(), read.path(), read.zone(), context)).toList();
        context.all(checkReads).stream().filter(Objects::nonNull).forEach(findings::add);
        return findings;
    }

    /** A health check to read: its id, the first record path that names it, and the zone that record is in. */
    private record HealthCheckRead(String id, String path, ZonePlan zone) {
    }

    /** The zone's findings; fills {@code healthChecks}, record path to the health check id the live record names. */
    private static List<Finding> zone(ZonePlan zone, ReadinessContext context, Map<String, String> healthChecks) {
        List<RecordSet> live;
        try {
            live = context.aws(zone).route53().allRecords(zone.hostedZoneId());
        } catch (AwsServiceError e) {
            if (e.is("NoSuchHostedZone")) {
                return List.of(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, zone.path() + ".hostedZoneId",
                        "hosted zone " + zone.hostedZoneId(), "hosted zone '" + zone.hostedZoneId() + "' not found: failover cannot move traffic",
                        "redeploy the DNS stack, or correct the plan's hosted zone id"));
            }
            return List.of(ReadinessContext.unchecked(zone.path(), "hosted zone " + zone.hostedZoneId(), "the hosted zone", e));
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(zone.path(), "hosted zone " + zone.hostedZoneId(), "the hosted zone", e));
        }
        List<Finding> findings = new ArrayList<>();
        for (RecordPlan record : zone.records()) {
            RecordSet found = find(live, record);
            if (found == null) {
                findings.add(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, record.path(), "record " + record.key()
                        + " in " + zone.hostedZoneId(), "record " + record.key() + " not found in hosted zone " + zone.hostedZoneId()
                        + ": failover changes existing records and would stop before any DNS change",
                        "recreate the record (redeploy the stack that owns it), or correct the plan"));
            } else if (found.healthCheckId() != null) {
                healthChecks.put(record.path(), found.healthCheckId());
            }
        }
        return findings;
    }

    private static Finding healthCheck(String id, String path, ZonePlan zone, ReadinessContext context) {
        try {
            context.aws(zone).route53().healthCheckStatuses(id);
            return null;
        } catch (AwsServiceError e) {
            if (e.is("NoSuchHealthCheck")) {
                return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, path, "health check " + id, "health check " + id
                        + ", which the record names, not found: Route 53 treats the record as healthy whatever its endpoint",
                        "recreate the health check and point the record at it");
            }
            return ReadinessContext.unchecked(path, "health check " + id, "the health check", e);
        } catch (RuntimeException e) {
            return ReadinessContext.unchecked(path, "health check " + id, "the health check", e);
        }
    }

    /** The live record with the plan record's name, type and set identifier; null when there is none. */
    static RecordSet find(List<RecordSet> live, RecordPlan record) {
        for (RecordSet set : live) {
            if (RecordNames.answered(set.name()).equals(record.name()) && set.type().equals(record.type())
                    && Objects.equals(set.setIdentifier(), record.setIdentifier())) {
                return set;
            }
        }
        return null;
    }
}
