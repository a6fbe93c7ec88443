package io.github.drkit.runtime.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.api.MetricAlarm;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Routing;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.aws.api.RecordSet;
import io.github.drkit.runtime.aws.api.Route53Api;

/**
 * Moves traffic: one {@code ChangeResourceRecordSets} batch per hosted zone (all or nothing), verified
 * afterwards, and the data-plane site switches. UPSERT only: a DELETE naming a set identifier is both
 * riskier and, on some emulators, wider than the one record.
 */
final class DnsSteps {
    private final StepClients clients;
    private final Duration syncTimeout;
    private final Duration pollInterval;
    private final Progress progress;
    private final Inspector inspector;
    private final Duration switchTimeout;

    DnsSteps(StepClients clients, Duration syncTimeout, Duration pollInterval, Progress progress, Inspector inspector,
             Duration switchTimeout) {
        this.clients = clients;
        this.syncTimeout = syncTimeout;
        this.pollInterval = pollInterval;
        this.progress = progress;
        this.inspector = inspector;
        this.switchTimeout = switchTimeout;
    }

    List<Step> zones(List<ZonePlan> zones, LiveState live, Action action) {
        List<Step> steps = new ArrayList<>();
        for (ZonePlan zone : zones) {
            Map<RecordPlan, RecordSet> wanted = new LinkedHashMap<>();
            List<String> changes = new ArrayList<>();
            for (RecordPlan record : zone.records()) {
                RecordSet current = live.records().get(record.path());
                if (!DnsRecords.isAt(record, current, action)) {
                    RecordSet desired = DnsRecords.desired(record, current, action);
                    wanted.put(record, desired);
                    changes.add("UPSERT " + record.key() + ": " + (record.routing() == Routing.WEIGHTED
                            ? "weight " + current.weight() + " -> " + desired.weight()
                            : describe(record, current) + " -> " + describe(record, desired)));
                }
            }
            checkWeights(zone, live.zones().get(zone.path()), wanted);
            steps.add(Step.change("move DNS in hosted zone " + zone.hostedZoneId(), zone.path(), changes,
                    () -> change(zone, wanted, action), "every record already " + (action == Action.FAILOVER ? "failed over" : "normal")));
        }
        return steps;
    }

    private static String describe(RecordPlan record, RecordSet set) {
        return record.routing() == Routing.WEIGHTED ? "weight " + set.weight() : DnsRecords.describeTarget(set);
    }

    /** The guardrail: no change leaves every weighted record of a name at weight 0, counting records outside the plan. */
    private static void checkWeights(ZonePlan zone, List<RecordSet> live, Map<RecordPlan, RecordSet> wanted) {
        Map<String, RecordSet> after = new LinkedHashMap<>();
        for (RecordSet set : live) {
            after.put(DnsRecords.key(set), set);
        }
        Map<String, RecordPlan> touched = new HashMap<>();
        for (Map.Entry<RecordPlan, RecordSet> change : wanted.entrySet()) {
            after.put(DnsRecords.key(change.getValue()), change.getValue());
            if (change.getKey().routing() == Routing.WEIGHTED) {
                touched.put(change.getKey().name() + " " + change.getKey().type(), change.getKey());
            }
        }
        for (Map.Entry<String, RecordPlan> group : touched.entrySet()) {
            boolean allZero = after.values().stream()
                    .filter(s -> s.weight() != null && (DnsRecords.name(s.name()) + " " + s.type()).equals(group.getKey()))
                    .allMatch(s -> s.weight() == 0);
            if (allZero) {
                throw new PlanValidationException(group.getValue().path(), "the change would leave every weighted record of "
                        + group.getKey() + " in hosted zone " + zone.hostedZoneId() + " at weight 0 (Route 53 then splits traffic"
                        + " evenly); refused");
            }
        }
    }

    private Step.Result change(ZonePlan zone, Map<RecordPlan, RecordSet> wanted, Action action) {
        // Re-read just before acting: another run may have moved some or all of these records since the first read.
        List<RecordSet> now = clients.of(zone).route53().allRecords(zone.hostedZoneId());
        List<RecordSet> still = new ArrayList<>();
        wanted.forEach((record, desired) -> {
            RecordSet current = DnsRecords.find(now, record);
            if (current == null || !DnsRecords.isAt(record, current, action)) {
                still.add(desired);
            }
        });
        if (still.isEmpty()) {
            return Step.Result.byAnotherRun(wanted.size() + " record(s) already " + (action == Action.FAILOVER ? "failed over" : "normal"));
        }
        Route53Api.Change change = clients.of(zone).route53().upsert(zone.hostedZoneId(), "drkit " + action.id(), still);
        boolean insync = awaitInsync(clients.of(zone).route53(), change, "move DNS in hosted zone " + zone.hostedZoneId());
        List<String> mismatches = verify(zone, wanted, action);
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("verification failed after the change: " + String.join("; ", mismatches));
        }
        String others = still.size() == wanted.size() ? "" : "; " + (wanted.size() - still.size()) + " already changed by another run";
        return Step.Result.done(still.size() + " record(s) changed in one batch" + others + " (change " + change.id() + ", "
                + (insync ? "INSYNC" : "still PENDING after " + syncTimeout.toSeconds() + " s; Route 53 applies it on its own") + "); verified");
    }

    private boolean awaitInsync(Route53Api route53, Route53Api.Change submitted, String step) {
        Deadline run = Deadline.current();
        long deadline = System.nanoTime() + syncTimeout.toNanos();
        Route53Api.Change current = submitted;
        while (!current.insync()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (run.expired()) {
                throw run.exceeded("while Route 53 change " + current.id() + " was PENDING (the change was sent; Route 53 applies it on its own)");
            }
            long left = Math.max(0, deadline - System.nanoTime());
            progress.event(new Progress.Event(Progress.Kind.WAIT, step, "waiting for Route 53 change " + current.id() + " to be INSYNC, "
                    + Math.min(Duration.ofNanos(left).toSeconds(), run.remaining().toSeconds()) + " s left", run.remaining().toSeconds()));
            Sleep.of(run.cap(pollInterval));
            current = route53.change(current.id());
        }
        return true;
    }

    private List<String> verify(ZonePlan zone, Map<RecordPlan, RecordSet> wanted, Action action) {
        List<RecordSet> live = clients.of(zone).route53().allRecords(zone.hostedZoneId());
        List<String> mismatches = new ArrayList<>();
        for (RecordPlan record : wanted.keySet()) {
            RecordSet now = DnsRecords.find(live, record);
            if (now == null) {
                mismatches.add(record.key() + " is gone");
            } else if (!DnsRecords.isAt(record, now, action)) {
                mismatches.add(record.key() + " is " + describe(record, now));
            }
        }
        return mismatches;
    }

    /**
     * The site switches. Route 53 follows the switch's alarm, not its metric, and the alarm reads whole periods: a
     * value published in the same period as the opposite one (a failback within a minute of its failover) can leave
     * the alarm, and the site, where it was. So the step publishes its value, then keeps publishing it until every
     * threshold alarm on the metric is in the state that value gives, bounded by the switch timeout and the run's
     * deadline; without an alarm on the metric it publishes once.
     */
    List<Step> siteSwitches(List<SiteSwitchPlan> switches, LiveState live, Action action) {
        List<Step> steps = new ArrayList<>();
        for (SiteSwitchPlan site : switches) {
            double value = action == Action.FAILOVER ? site.failoverValue() : site.normalValue();
            Double last = live.switches().get(site.path());
            List<MetricAlarm> alarms = live.switchAlarms().getOrDefault(site.path(), List.of());
            List<MetricAlarm> behind = behind(alarms, value);
            boolean at = last != null && last == value && behind.isEmpty();
            List<String> changes = at ? List.of()
                    : List.of("PutMetricData " + site.namespace() + "/" + site.metricName() + " " + site.dimensions() + " = " + value
                              + " (was " + (last == null ? "no data" : last) + ")" + (alarms.isEmpty() ? ""
                              : ", again every " + every() + " until " + describe(alarms, value)));
            String name = "switch site " + site.site() + " (" + site.region() + ")";
            steps.add(Step.change(name, site.path(), changes, () -> switchSite(site, value, name),
                    "already " + value + (alarms.isEmpty() ? "" : "; " + describe(alarms, value))));
        }
        return steps;
    }

    private String every() {
        return pollInterval.toMillis() < 1000 ? pollInterval.toMillis() + " ms" : pollInterval.toSeconds() + " s";
    }

    private static List<MetricAlarm> behind(List<MetricAlarm> alarms, double value) {
        return alarms.stream().filter(a -> !a.stateFor(value).equals(a.state())).toList();
    }

    private static String describe(List<MetricAlarm> alarms, double value) {
        return alarms.stream().map(a -> "alarm " + a.name() + " is " + a.stateFor(value)).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String states(List<MetricAlarm> alarms) {
        return alarms.stream().map(a -> a.name() + " " + a.state()).collect(java.util.stream.Collectors.joining(", "));
    }

    private Step.Result switchSite(SiteSwitchPlan site, double value, String step) {
        Deadline run = Deadline.current();
        // Re-read just before acting: another run may have switched the site since the first read.
        List<MetricAlarm> alarms;
        RuntimeException unreadable = null;
        try {
            alarms = inspector.switchAlarms(site);
        } catch (io.github.drkit.runtime.aws.DeadlineExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            alarms = List.of();
            unreadable = e;
        }
        Double last = lastValue(site);
        if (unreadable == null && last != null && last == value && behind(alarms, value).isEmpty()) {
            return Step.Result.byAnotherRun("switch already " + value + (alarms.isEmpty() ? "" : "; " + states(alarms)));
        }
        clients.of(site).cloudWatch().putMetric(site.region(), site.namespace(), site.metricName(), site.dimensions(), value);
        int published = 1;
        if (unreadable != null) {
            // Published, but whether Route 53 follows is unknown: a switch must not be reported done on faith.
            return new Step.Result(StepReport.Outcome.FAILED, "published " + value + ", but the alarms on the metric could not be read ("
                    + RecoveryEngine.message(unreadable) + "), so whether Route 53 follows the switch is not known; let the role"
                    + " call cloudwatch:DescribeAlarmsForMetric or check the alarm, then run the action again");
        }
        if (alarms.isEmpty()) {
            return Step.Result.done("published " + value + "; no threshold alarm watches the metric, so its effect is not checked");
        }
        long started = System.nanoTime();
        boolean cutByRun = run.remaining().compareTo(switchTimeout) < 0;
        long end = started + run.cap(switchTimeout).toNanos();
        List<MetricAlarm> behind = behind(alarms, value);
        while (true) {
            if (behind.isEmpty()) {
                return Step.Result.done("published " + value + " " + published + " time(s); " + states(alarms) + " after "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            }
            if (System.nanoTime() + pollInterval.toNanos() > end) {
                break;
            }
            progress.event(new Progress.Event(Progress.Kind.WAIT, step, "waiting for " + describe(behind, value) + " (now "
                    + states(behind) + "), publishing " + value + " again every " + every() + "; "
                    + Duration.ofNanos(Math.max(0, end - System.nanoTime())).toSeconds() + " s left", run.remaining().toSeconds()));
            Sleep.of(run.cap(pollInterval));
            try {
                clients.of(site).cloudWatch().putMetric(site.region(), site.namespace(), site.metricName(), site.dimensions(), value);
                published++;
                alarms = inspector.switchAlarms(site);
                behind = behind(alarms, value);
            } catch (io.github.drkit.runtime.aws.DeadlineExceededException e) {
                // The value is published already; a repeat cut by the run's deadline changes nothing the report must say
                // beyond what the loop's own end says: the alarm has not followed.
                cutByRun = true;
                break;
            }
        }
        return new Step.Result(StepReport.Outcome.FAILED, "published " + value + " " + published + " time(s) over "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s" + (cutByRun ? " (the run's deadline of "
                + run.describe() + " came)" : "") + ", and " + states(behind) + " did not follow: Route 53 follows the alarm, so the"
                + " site is not switched yet. The alarm reads whole periods; it follows once a period holds only " + value
                + ". Run the action again, or check the alarm");
    }

    private Double lastValue(SiteSwitchPlan site) {
        try {
            return clients.of(site).cloudWatch().latestMaximum(site.region(), site.namespace(), site.metricName(), site.dimensions(),
                    Duration.ofMinutes(15)).orElse(null);
        } catch (AwsServiceError unreadable) {
            return null;
        }
    }

    /**
     * Failback's gate: the records that take traffic back must not carry a failing Route 53 health check.
     * Records without a health check are taken as healthy, as Route 53 itself does.
     */
    Step primaryHealth(RecoveryPlan plan, LiveState live, boolean force) {
        Map<String, String> checks = new LinkedHashMap<>();
        // A health check lives in the account of the zone whose record carries it.
        Map<String, Route53Api> checkAccounts = new LinkedHashMap<>();
        for (ZonePlan zone : plan.dns()) {
            for (RecordPlan record : zone.records()) {
                RecordSet current = live.records().get(record.path());
                boolean gainsTraffic = record.routing() == Routing.WEIGHTED
                        ? record.normalWeight() > 0 && (current.weight() == null || current.weight() < record.normalWeight())
                        : !DnsRecords.isAt(record, current, Action.FAILBACK);
                if (gainsTraffic && current.healthCheckId() != null) {
                    checks.put(current.healthCheckId(), record.key());
                    checkAccounts.put(current.healthCheckId(), clients.of(zone).route53());
                }
            }
        }
        List<String> waitsFor = checks.entrySet().stream()
                .map(e -> "Route 53 health check " + e.getKey() + " of " + e.getValue() + " healthy").toList();
        return Step.gate("check health of the primary", "dns", waitsFor, () -> {
            if (checks.isEmpty()) {
                return Step.Result.done("no record taking traffic back carries a health check");
            }
            List<String> failing = new ArrayList<>();
            checks.forEach((id, record) -> {
                List<String> observations = checkAccounts.get(id).healthCheckStatuses(id);
                long ok = observations.stream().filter(status -> status.startsWith("Success")).count();
                if (observations.isEmpty() || ok * 2 <= observations.size()) {
                    failing.add(record + ": health check " + id + " " + ok + "/" + observations.size() + " checkers report success");
                }
            });
            if (failing.isEmpty()) {
                return Step.Result.done(checks.size() + " health check(s) healthy");
            }
            String detail = "unhealthy: " + String.join("; ", failing);
            return force ? new Step.Result(StepReport.Outcome.FORCED, detail + "; moving traffic anyway (force)")
                    : new Step.Result(StepReport.Outcome.FAILED, detail + "; traffic was not moved back (use force to move it anyway)");
        });
    }
}
