package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.apps.ReferenceApp;
import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.apps.drill.DrillCommand;
import io.github.drkit.apps.drill.DrillReport;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.apps.drill.DrillRunner;
import io.github.drkit.apps.drill.ReportTable;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.testing.CloudWatchQuery;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The reference app's own stacks, drilled as the README's command drills them: pilot light, warm standby and
 * multi-site deploy into moto (VPC, ALB, Auto Scaling, RDS read replica, Route 53, the failover function with its
 * plan), fail over and back through the recovery engine, and fit the budget's orchestration allowance. For
 * multi-site the test reads the emulator itself after failover and after failback: the on-premises site's switch
 * metric (through CloudWatch's Query protocol, not the runtime's client) and the weighted records.
 */
@ExtendWith(MotoServerExtension.class)
class ReferenceAppDrillTest {
    private static final String ZONE = "drkit.example.com";

    @Test
    void drill_whenReferenceStrategies_failOverAndBackWithinTheirBudget(MotoServer moto) {
        Path out = Path.of("target", "drill", "reference");
        // The drill keeps the app's resources in the app's account: read them with that account's key.
        AwsCredentialsProvider account = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ReferenceEnvironment.PLACEHOLDER_ACCOUNT, "reference-drill"));
        AtomicReference<String> zoneId = new AtomicReference<>();
        List<String> observed = Collections.synchronizedList(new ArrayList<>());
        DrillReport report;
        try (Route53Client route53 = Route53Client.builder().region(Region.US_EAST_1).endpointOverride(moto.endpoint())
                .credentialsProvider(account).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            report = DrillRunner.builder()
                    .app(ReferenceApp::define)
                    .outdir(out.resolve("assembly"))
                    .endpoint(moto.endpoint())
                    .prerequisite(ReferenceEnvironment.PLACEHOLDER_ACCOUNT, clients -> {
                        String id = clients.route53().createHostedZone(b -> b.name(ZONE).callerReference("reference-drill"))
                                .hostedZone().id().replace("/hostedzone/", "");
                        zoneId.set(id);
                        return Map.of("hostedZoneId", id, "zoneName", ZONE);
                    })
                    .context("account", ReferenceEnvironment.PLACEHOLDER_ACCOUNT)
                    .strategy("drkit-pilot-light")
                    .strategy("drkit-warm-standby")
                    .strategy("drkit-multi-site")
                    .strategy("drkit-containers")
                    .listener((target, step, plan) -> {
                        if (target.equals("drkit-multi-site") && (step.equals("failover") || step.equals("failback"))) {
                            observed.add(step + ": " + multiSite(moto, account, route53, zoneId.get(), plan));
                        }
                    })
                    .build()
                    .run();
        }
        DrillCommand.write(report, out);
        ReportTable.print(report, System.out);

        Map<String, StrategyDrill> drills = new TreeMap<>();
        report.strategies().forEach(d -> drills.put(d.name(), d));
        assertEquals(List.of("drkit-containers", "drkit-multi-site", "drkit-pilot-light", "drkit-warm-standby"), List.copyOf(drills.keySet()));
        for (StrategyDrill drill : report.strategies()) {
            assertTrue(drill.passed(), () -> drill.name() + ": " + drill.error() + "\n" + StrategyDrillTest.failed(drill));
            assertEquals(Boolean.TRUE, drill.rto().fits(), drill.rto().verdict());
            assertTrue(drill.rto().measuredOrchestrationMillis() > 0, "orchestration measured");
            assertTrue(drill.rto().orchestration().stream().anyMatch(t -> t.name().contains("orchestration")),
                    "the reference budget carries its own orchestration allowance: " + drill.rto().orchestration());
        }
        for (String name : List.of("drkit-pilot-light", "drkit-warm-standby")) {
            assertTrue(drills.get(name).allChecks().size() >= 20, () -> "checks: " + drills.get(name).allChecks());
            // Evaluate is READY before the disaster and catches the record deleted on purpose after failback.
            Map<String, String> outcomes = new TreeMap<>();
            drills.get(name).steps().forEach(s -> outcomes.put(s.name(), s.outcome()));
            for (String step : List.of("evaluate before the disaster", "evaluate after failback", "evaluate the break",
                    "check evaluate caught the break")) {
                assertEquals("OK", outcomes.get(step), () -> name + " " + step + ": " + outcomes);
            }
        }

        // Containers: the recovery service is scaled up once under the deployed role, and the Aurora secondary promoted
        // (detached: moto refuses the managed operations) with the RPO it achieved in the report.
        StrategyDrill containers = drills.get("drkit-containers");
        assertEquals("us-west-2", containers.from());
        assertEquals("us-east-1", containers.recoveryRegion());
        Map<String, Integer> failoverCalls = containers.steps().stream().filter(s -> s.name().equals("failover")).findFirst().orElseThrow()
                .calls();
        assertEquals(1, failoverCalls.getOrDefault("ecs:UpdateService", 0), "failover sets the desired count once: " + failoverCalls);
        assertEquals(1, failoverCalls.getOrDefault("rds:RemoveFromGlobalCluster", 0), "failover detaches the secondary: " + failoverCalls);
        assertTrue(containers.events().contains("stages[0].steps[0] failoverGlobalDatabase drkit-containers-secondary (us-east-1): RPO"
                + " achieved: replication lag at promotion 850 ms (AuroraGlobalDBReplicationLag), within the declared RPO of 300 s"),
                () -> "RPO achieved in " + containers.events());
        // After the detach nothing replicates across Regions: evaluate says NOT_READY with the detached step, until a
        // person rebuilds the global database.
        assertTrue(containers.steps().stream().filter(s -> s.name().equals("check evaluate reports the detached databases"))
                .flatMap(s -> s.checks().stream()).anyMatch(c -> c.subject().equals("evaluate finding for detached stages[0].steps[0]")
                        && c.passed()), () -> "evaluate after the detach: " + containers.steps());
        assertTrue(containers.steps().stream().filter(s -> s.name().equals("verify global databases promoted")).flatMap(s -> s.checks().stream())
                .anyMatch(c -> c.subject().endsWith("drkit-containers-secondary after failover") && c.actual().equals("standalone writer")
                        && c.passed()), "the secondary is a standalone writer");
        // Failback stops at the detached database by design: nothing moves back, nothing is deleted.
        StepRecord failback = containers.steps().stream().filter(s -> s.name().equals("failback (refused after detach)")).findFirst()
                .orElseThrow(() -> new AssertionError("no refused failback in " + containers.steps()));
        assertEquals("OK", failback.outcome(), failback.detail());
        assertTrue(failback.detail().startsWith("FAILED (expected): failback stopped: 'switch the writer of drkit-containers-global back'"),
                failback.detail());
        assertFalse(failback.calls().containsKey("ecs:UpdateService"), "the service stays at its recovery count: " + failback.calls());
        assertFalse(failback.calls().containsKey("route53:ChangeResourceRecordSets"), "DNS stays on the recovery site: " + failback.calls());
        assertTrue(containers.events().stream().anyMatch(e -> e.startsWith("failback stages[0].steps[0]: cannot fail back: ")
                && e.contains("A person must")), () -> "the refusal in " + containers.events());
        assertTrue(containers.steps().stream().anyMatch(s -> s.name().equals("verify failback left traffic on the recovery site")
                && "OK".equals(s.outcome())), "traffic stays on the recovery site");
        // Only the global table gate is left out of the drilled plan (moto keeps no replicas), and the report says why.
        assertTrue(containers.events().stream().anyMatch(e -> e.startsWith("checkGlobalTable ")
                && e.contains("left out of the drilled plan: moto 5.2.1")), () -> "checkGlobalTable in " + containers.events());
        assertTrue(containers.limitations().notes().stream().anyMatch(n -> n.startsWith("checkGlobalTable ")), "checkGlobalTable in the limitations");
        assertFalse(containers.events().stream().anyMatch(e -> e.startsWith("failoverGlobalDatabase ") && e.contains("left out")),
                () -> "failoverGlobalDatabase is drilled: " + containers.events());

        // Data-plane multi-site: the on-premises site is switched off and on again, and no record moves.
        StrategyDrill multiSite = drills.get("drkit-multi-site");
        assertEquals(List.of(
                "failover: switch onprem (us-east-1) = 0.0, weights east=25 onprem=50 west=25",
                "failback: switch onprem (us-east-1) = 1.0, weights east=25 onprem=50 west=25"), observed);
        assertEquals("switched-off sites", multiSite.from());
        assertEquals(List.of("site switch drkit/SiteEnabled {Application=multi-site, Site=onprem} (us-east-1) latest value: 0.0",
                        "site switch drkit/SiteEnabled {Application=multi-site, Site=onprem} (us-east-1) latest value: 1.0"),
                multiSite.steps().stream().filter(s -> s.name().equals("verify failover") || s.name().equals("verify failback"))
                        .flatMap(s -> s.checks().stream()).map(c -> c.subject() + ": " + c.actual()).toList());
        for (String run : List.of("failover", "failback")) {
            Map<String, Integer> calls = multiSite.steps().stream().filter(s -> s.name().equals(run)).findFirst().orElseThrow().calls();
            assertEquals(1, calls.getOrDefault("monitoring:PutMetricData", 0), run + " publishes the switch once: " + calls);
            assertFalse(calls.containsKey("route53:ChangeResourceRecordSets"), run + " needs no Route 53 control plane: " + calls);
        }
        assertTrue(multiSite.steps().stream().filter(s -> s.name().equals("inject disaster")).findFirst().orElseThrow()
                .checks().stream().anyMatch(c -> c.subject().startsWith("primary health check") && c.passed()),
                "the on-premises site's endpoint health check fails");
        assertTrue(multiSite.rto().physical().stream().anyMatch(t -> t.name().equals("switch alarm and health check")),
                "the switch alarm, which moto does not create, comes from the budget: " + multiSite.rto().physical());
    }

    /** The switch value of each site the plan switches, and the weight of each record of the zone. */
    private static String multiSite(MotoServer moto, AwsCredentialsProvider account, Route53Client route53, String zoneId,
                                    RecoveryPlan plan) {
        StringBuilder s = new StringBuilder();
        for (SiteSwitchPlan site : plan.siteSwitches()) {
            s.append("switch ").append(site.site()).append(" (").append(site.region()).append(") = ")
                    .append(CloudWatchQuery.latestMaximum(moto.endpoint(), account, site.region(), site.namespace(), site.metricName(),
                            site.dimensions()).map(String::valueOf).orElse("no data"))
                    .append(", ");
        }
        Map<String, Long> weights = new TreeMap<>();
        for (ResourceRecordSet r : route53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets()) {
            if (r.setIdentifier() != null && r.name().startsWith("multi-site.")) {
                weights.put(r.setIdentifier(), r.weight());
            }
        }
        s.append("weights");
        weights.forEach((site, weight) -> s.append(' ').append(site).append('=').append(weight));
        return s.toString();
    }
}
