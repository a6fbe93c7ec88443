package io.github.drkit.runtime.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecordTarget;
import io.github.drkit.plan.Routing;
import io.github.drkit.runtime.aws.api.RecordSet;

/** Finding, comparing and rewriting Route 53 records. Pure functions: no AWS calls. */
final class DnsRecords {
    private static final long DEFAULT_TTL = 60;

    private DnsRecords() {
    }

    static String name(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static String host(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    static RecordSet find(List<RecordSet> live, RecordPlan record) {
        for (RecordSet set : live) {
            if (name(set.name()).equals(record.name()) && set.type().equals(record.type())
                    && Objects.equals(set.setIdentifier(), record.setIdentifier())) {
                return set;
            }
        }
        return null;
    }

    /** The live record's target as the report shows it: the values, or "alias" and the DNS name. */
    static String describeTarget(RecordSet set) {
        if (set.aliasTarget() != null) {
            return "alias " + host(set.aliasTarget().dnsName());
        }
        return String.join(",", set.values());
    }

    static boolean pointsAt(RecordSet set, RecordTarget target) {
        if (target.isAlias()) {
            RecordSet.AliasTarget alias = set.aliasTarget();
            return alias != null && host(alias.dnsName()).equals(host(target.alias().dnsName()))
                    && alias.hostedZoneId().equals(target.alias().hostedZoneId())
                    && (target.alias().evaluateTargetHealth() == null
                        || target.alias().evaluateTargetHealth().equals(alias.evaluateTargetHealth()));
        }
        if (set.aliasTarget() != null) {
            return false;
        }
        List<String> live = set.values().stream().map(DnsRecords::value).sorted().toList();
        List<String> wanted = target.values().stream().map(DnsRecords::value).sorted().toList();
        return live.equals(wanted);
    }

    private static String value(String value) {
        String trimmed = value.trim();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1).toLowerCase(Locale.ROOT) : trimmed.toLowerCase(Locale.ROOT);
    }

    /** Where the record stands: weight or target against the plan's normal and failover settings. */
    static Position position(RecordPlan record, RecordSet live) {
        boolean normal;
        boolean failedOver;
        if (record.routing() == Routing.WEIGHTED) {
            long weight = live.weight() == null ? -1 : live.weight();
            normal = weight == record.normalWeight();
            failedOver = weight == record.failoverWeight();
        } else {
            normal = pointsAt(live, record.normal()) && ttlMatches(record, live);
            failedOver = pointsAt(live, record.recovery()) && ttlMatches(record, live);
        }
        if (normal && failedOver) {
            return Position.EITHER;
        }
        return normal ? Position.NORMAL : failedOver ? Position.FAILED_OVER : Position.OTHER;
    }

    private static boolean ttlMatches(RecordPlan record, RecordSet live) {
        return record.ttl() == null || live.aliasTarget() != null || Objects.equals(live.ttl(), record.ttl().longValue());
    }

    /** True when {@code live} already is what the action wants. */
    static boolean isAt(RecordPlan record, RecordSet live, Action action) {
        Position position = position(record, live);
        return position == Position.EITHER
                || (action == Action.FAILOVER ? position == Position.FAILED_OVER : position == Position.NORMAL);
    }

    /**
     * The record as the action wants it: the live record with only the weight changed (WEIGHTED), or with
     * the target changed and its routing, health check and set identifier kept (SIMPLE, FAILOVER).
     */
    static RecordSet desired(RecordPlan record, RecordSet live, Action action) {
        if (record.routing() == Routing.WEIGHTED) {
            RecordSet weighted = live.withWeight((long) (action == Action.FAILOVER ? record.failoverWeight() : record.normalWeight()));
            // An alias has no TTL; some servers answer one anyway, and sending it back would be refused.
            return live.aliasTarget() != null ? weighted.withAlias(live.aliasTarget()) : weighted;
        }
        RecordTarget target = action == Action.FAILOVER ? record.recovery() : record.normal();
        if (target.isAlias()) {
            boolean evaluate = target.alias().evaluateTargetHealth() != null
                    ? target.alias().evaluateTargetHealth()
                    : live.aliasTarget() != null && live.aliasTarget().evaluateTargetHealth();
            return live.withAlias(new RecordSet.AliasTarget(target.alias().dnsName(), target.alias().hostedZoneId(), evaluate));
        }
        long ttl = record.ttl() != null ? record.ttl() : live.aliasTarget() == null && live.ttl() != null ? live.ttl() : DEFAULT_TTL;
        return live.withValues(ttl, target.values());
    }

    static String key(RecordSet set) {
        return name(set.name()) + " " + set.type() + (set.setIdentifier() == null ? "" : " [" + set.setIdentifier() + "]");
    }
}
