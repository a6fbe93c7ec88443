package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.apps.drill.Check;
import io.github.drkit.apps.drill.DrillCommand;
import io.github.drkit.apps.drill.DrillReport;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.apps.drill.DrillRunner;
import io.github.drkit.apps.drill.ReportTable;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.objectives.DrStrategy;
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
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * One drill per strategy against moto: the stacks deploy through CloudFormation, the primary fails, the
 * recovery engine fails over and back, and the test reads the emulator itself after each of those, with
 * clients of its own, rather than trusting the drill's checks.
 */
@ExtendWith(MotoServerExtension.class)
class StrategyDrillTest {
    @Test
    void drill_whenPilotLight_scalesRecoveryFromZeroAndMovesDnsThenBack(MotoServer moto) throws Exception {
        drill(moto, DrillStacks.PILOT_LIGHT);
    }

    @Test
    void drill_whenWarmStandby_scalesOutAndUpThenBack(MotoServer moto) throws Exception {
        drill(moto, DrillStacks.WARM_STANDBY);
    }

    @Test
    void drill_whenMultiSite_shiftsAllWeightToRecoveryAndSwitchesThePrimaryThenBack(MotoServer moto) throws Exception {
        drill(moto, DrillStacks.MULTI_SITE);
    }

    private void drill(MotoServer moto, DrillStacks.Shape shape) throws Exception {
        // Kept under target/ so that a reviewer can open each strategy's report and timeline after the build.
        Path out = Path.of("target", "drill", shape.name());
        List<String> observed = new ArrayList<>();
        try (AutoScalingClient asg = AutoScalingClient.builder().region(Region.of(DrillStacks.RECOVERY))
                .endpointOverride(moto.endpoint()).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             AutoScalingClient primaryAsg = AutoScalingClient.builder().region(Region.of(DrillStacks.PRIMARY))
                     .endpointOverride(moto.endpoint()).credentialsProvider(moto.credentials())
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             Route53Client route53 = Route53Client.builder().region(Region.US_EAST_1)
                     .endpointOverride(moto.endpoint()).credentialsProvider(moto.credentials())
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            DrillReport report = DrillRunner.builder()
                    .app(DrillStacks.app(shape))
                    .outdir(out.resolve("assembly"))
                    .endpoint(moto.endpoint())
                    .listener((target, step, plan) -> {
                        if (step.equals("failover") || step.equals("failback")) {
                            observed.add(step + ": " + state(plan, asg, primaryAsg, route53) + switches(moto, plan));
                        }
                    })
                    .build()
                    .run();
            DrillCommand.write(report, out);
            ReportTable.print(report, System.out);

            assertEquals(1, report.strategies().size(), () -> "one strategy: " + report);
            StrategyDrill drill = report.strategies().get(0);
            assertTrue(drill.passed(), () -> "drill failed: " + drill.error() + "\n" + failed(drill));
            assertEquals(shape.strategy().name(), drill.strategy());

            // What the test read from the emulator itself, right after the engine ran.
            int[] r = shape.recovery();
            int[] s = shape.standby();
            boolean switched = shape.strategy() == DrStrategy.MULTI_SITE;
            assertEquals(List.of(
                    "failover: recovery fleet " + r[0] + "/" + r[1] + "/" + r[2] + " in service " + r[1]
                            + ", primary fleet 0, weights primary=0 recovery=100" + (switched ? ", switch primary=0.0" : ""),
                    "failback: recovery fleet " + s[0] + "/" + s[1] + "/" + s[2] + " in service " + s[1]
                            + ", primary fleet " + shape.primaryDesired() + ", weights primary=" + shape.primaryWeight()
                            + " recovery=" + shape.recoveryWeight() + (switched ? ", switch primary=1.0" : "")), observed);

            // Orchestration is measured and fits the allowance the budget leaves it.
            DrillReport.RtoComparison rto = drill.rto();
            assertTrue(rto.measuredOrchestrationMillis() > 0, "orchestration measured");
            assertNotNull(rto.allowanceMillis(), "the objective leaves an allowance");
            assertEquals(Boolean.TRUE, rto.fits(), rto.verdict());
            assertTrue(rto.measuredOrchestrationMillis() <= rto.allowanceMillis(), rto.verdict());
            assertEquals(rto.physical().stream().mapToLong(DrillReport.BudgetTerm::millis).sum() + rto.measuredOrchestrationMillis(),
                    rto.projectedRtoMillis());
            assertEquals(shape.objective().toMillis(), rto.objectiveMillis());
            assertTrue(rto.physical().stream().anyMatch(t -> t.name().equals("failure detection") && t.millis() == 90_000),
                    "health-check detection comes from the budget: " + rto.physical());

            List<String> stepNames = drill.steps().stream().map(DrillReport.StepRecord::name).toList();
            assertTrue(stepNames.containsAll(List.of("resolve plan", "inject disaster", "failover", "verify failover",
                    "repair primary site", "failback", "verify failback", "tear down")), stepNames::toString);
            assertEquals(List.of("orchestration", "orchestration"), drill.steps().stream()
                    .filter(st -> st.name().equals("failover") || st.name().equals("failback")).map(DrillReport.StepRecord::kind).toList());
            assertFalse(drill.limitations().notes().isEmpty(), "moto's limits are stated");

            String json = Files.readString(out.resolve("report.json"));
            assertTrue(json.contains("\"measuredOrchestrationMillis\""), json);
            String svg = Files.readString(out.resolve("report.svg"));
            assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.contains("failover"), svg);
        }
    }

    private static String state(RecoveryPlan plan, AutoScalingClient asg, AutoScalingClient primaryAsg, Route53Client route53) {
        FleetPlan fleet = plan.fleets().get(0);
        AutoScalingGroup g = asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(fleet.autoScalingGroupName()))
                .autoScalingGroups().get(0);
        long inService = g.instances().stream().filter(i -> "InService".equals(i.lifecycleStateAsString())).count();
        int primaryDesired = primaryAsg.describeAutoScalingGroups().autoScalingGroups().stream()
                .mapToInt(AutoScalingGroup::desiredCapacity).sum();
        Map<String, Long> weights = new java.util.TreeMap<>();
        for (ResourceRecordSet r : route53.listResourceRecordSets(b -> b.hostedZoneId(plan.dns().get(0).hostedZoneId()))
                .resourceRecordSets()) {
            if (r.setIdentifier() != null) {
                weights.put(r.setIdentifier(), r.weight());
            }
        }
        return "recovery fleet " + g.minSize() + "/" + g.desiredCapacity() + "/" + g.maxSize() + " in service " + inService
                + ", primary fleet " + primaryDesired + ", weights primary=" + weights.get("primary") + " recovery=" + weights.get("recovery");
    }

    /** Each site switch's value as moto holds it, read through CloudWatch's Query protocol. */
    private static String switches(MotoServer moto, RecoveryPlan plan) {
        AwsCredentialsProvider account = StaticCredentialsProvider.create(AwsBasicCredentials.create(DrillStacks.ACCOUNT, "drill"));
        StringBuilder s = new StringBuilder();
        for (SiteSwitchPlan site : plan.siteSwitches()) {
            s.append(", switch ").append(site.site()).append('=').append(CloudWatchQuery.latestMaximum(moto.endpoint(), account,
                    site.region(), site.namespace(), site.metricName(), site.dimensions()).map(String::valueOf).orElse("no data"));
        }
        return s.toString();
    }

    static String failed(StrategyDrill drill) {
        StringBuilder s = new StringBuilder();
        drill.steps().forEach(st -> s.append(st.name()).append(' ').append(st.outcome()).append(": ").append(st.detail()).append('\n'));
        drill.allChecks().stream().filter(c -> !c.passed()).map(Check::toString).forEach(c -> s.append(c).append('\n'));
        drill.events().forEach(e -> s.append("event: ").append(e).append('\n'));
        return s.toString();
    }
}
