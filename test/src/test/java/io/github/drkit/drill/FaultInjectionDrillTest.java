package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.apps.drill.DrillCommand;
import io.github.drkit.apps.drill.DrillReport;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.apps.drill.DrillRunner;
import io.github.drkit.apps.drill.Fault;
import io.github.drkit.apps.drill.ReportTable;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Disasters inside the disaster: the emulator fails a call while failover runs, through the drill's proxy,
 * and the drill must still end consistent and say what happened.
 */
@ExtendWith(MotoServerExtension.class)
class FaultInjectionDrillTest {

    @Test
    void drill_whenDnsChangeFailsEveryAttempt_leavesTrafficOnPrimaryThenRecoversOnSecondRun(MotoServer moto) {
        List<String> dnsAfter = new ArrayList<>();
        try (Route53Client route53 = route53(moto)) {
            // The engine makes 6 attempts per call: 6 answers of 503 make the DNS step itself fail.
            DrillReport report = drill(moto, "dns-503", Fault.parse("route53:ChangeResourceRecordSets=503x6"),
                    (target, step, plan) -> {
                        if (step.equals("failover") || step.equals("failover (run again)")) {
                            dnsAfter.add(step + ": " + weights(route53, plan.dns().get(0).hostedZoneId()));
                        }
                    });
            StrategyDrill drill = report.strategies().get(0);
            assertTrue(drill.passed(), () -> StrategyDrillTest.failed(drill));

            StepRecord first = step(drill, "failover");
            assertEquals("FAILED", first.outcome(), first.detail());
            assertEquals(6, first.injected().size(), first.injected()::toString);
            assertTrue(first.injected().get(0).startsWith("route53:ChangeResourceRecordSets"), first.injected()::toString);
            assertEquals("OK", step(drill, "verify consistent after failed failover").outcome());
            assertEquals("OK", step(drill, "failover (run again)").outcome());
            assertEquals("OK", step(drill, "verify failover").outcome());
            // Read from the emulator by the test: the failed run never moved traffic; the second did.
            assertEquals(List.of("failover: {primary=100, recovery=0}", "failover (run again): {primary=0, recovery=100}"), dnsAfter);
            assertTrue(drill.events().stream().anyMatch(e -> e.contains("answered by an injected fault")), drill.events()::toString);
            assertTrue(drill.events().stream().anyMatch(e -> e.startsWith("failover failed")), drill.events()::toString);
            assertEquals(List.of("route53:ChangeResourceRecordSets=503x6"), report.faults());
            // Both runs count: an operator waits for the failed one too.
            assertEquals(first.engineReport().get("millis") instanceof Number n ? n.longValue() : -1,
                    drill.rto().measuredOrchestrationMillis() - ((Number) step(drill, "failover (run again)").engineReport().get("millis")).longValue());
        }
    }

    @Test
    void drill_whenScalingIsThrottledTwice_retriesAndFailsOverInOneRun(MotoServer moto) {
        DrillReport report = drill(moto, "asg-throttle", Fault.parse("autoscaling:UpdateAutoScalingGroup=throttlex2"),
                (target, step, plan) -> { });
        StrategyDrill drill = report.strategies().get(0);
        assertTrue(drill.passed(), () -> StrategyDrillTest.failed(drill));
        StepRecord failover = step(drill, "failover");
        assertEquals("OK", failover.outcome(), failover.detail());
        assertEquals(2, failover.injected().size(), failover.injected()::toString);
        assertTrue(failover.injected().get(0).contains("Throttling"), failover.injected()::toString);
        assertTrue(drill.steps().stream().noneMatch(s -> s.name().equals("failover (run again)")));
        // The throttled calls went through the engine's retries: the engine's own report shows the attempts.
        assertTrue(failover.engineReport().toString().contains("UpdateAutoScalingGroup"), failover.engineReport()::toString);
    }

    private static DrillReport drill(MotoServer moto, String name, Fault fault, io.github.drkit.apps.drill.DrillListener listener) {
        Path out = Path.of("target", "drill", "fault-" + name);
        DrillReport report = DrillRunner.builder()
                .app(DrillStacks.app(DrillStacks.PILOT_LIGHT))
                .outdir(out.resolve("assembly"))
                .endpoint(moto.endpoint())
                .fault(fault)
                .listener(listener)
                .build()
                .run();
        DrillCommand.write(report, out);
        ReportTable.print(report, System.out);
        assertEquals(1, report.strategies().size());
        return report;
    }

    private static StepRecord step(StrategyDrill drill, String name) {
        return drill.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + drill.steps().stream().map(StepRecord::name).toList()));
    }

    private static Route53Client route53(MotoServer moto) {
        return Route53Client.builder().region(Region.US_EAST_1).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static Map<String, Long> weights(Route53Client route53, String zone) {
        Map<String, Long> weights = new TreeMap<>();
        for (ResourceRecordSet r : route53.listResourceRecordSets(b -> b.hostedZoneId(zone)).resourceRecordSets()) {
            if (r.setIdentifier() != null) {
                weights.put(r.setIdentifier(), r.weight());
            }
        }
        return weights;
    }
}
