package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.apps.ReferenceApp;
import io.github.drkit.apps.drill.DrillCommand;
import io.github.drkit.apps.drill.DrillReport;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.apps.drill.DrillRunner;
import io.github.drkit.apps.drill.ReportTable;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * The reference app's own stacks, drilled as the README's command drills them: pilot light and warm standby
 * deploy into moto (VPC, ALB, Auto Scaling, RDS read replica, Route 53, the failover function with its plan),
 * fail over and back through the recovery engine, and fit the budget's orchestration allowance.
 */
@ExtendWith(MotoServerExtension.class)
class ReferenceAppDrillTest {
    @Test
    void drill_whenReferencePilotLightAndWarmStandby_failOverAndBackWithinTheirBudget(MotoServer moto) {
        Path out = Path.of("target", "drill", "reference");
        DrillReport report = DrillRunner.builder()
                .app(ReferenceApp::define)
                .outdir(out.resolve("assembly"))
                .endpoint(moto.endpoint())
                .prerequisite(io.github.drkit.apps.ReferenceEnvironment.PLACEHOLDER_ACCOUNT, clients -> {
                    String id = clients.route53().createHostedZone(b -> b.name("drkit.example.com").callerReference("reference-drill"))
                            .hostedZone().id().replace("/hostedzone/", "");
                    return java.util.Map.of("hostedZoneId", id, "zoneName", "drkit.example.com");
                })
                .context("account", io.github.drkit.apps.ReferenceEnvironment.PLACEHOLDER_ACCOUNT)
                .strategy("drkit-pilot-light")
                .strategy("drkit-warm-standby")
                .build()
                .run();
        DrillCommand.write(report, out);
        ReportTable.print(report, System.out);

        assertEquals(List.of("drkit-pilot-light", "drkit-warm-standby"), report.strategies().stream().map(StrategyDrill::name).toList());
        for (StrategyDrill drill : report.strategies()) {
            assertTrue(drill.passed(), () -> drill.name() + ": " + drill.error() + "\n" + StrategyDrillTest.failed(drill));
            assertEquals(Boolean.TRUE, drill.rto().fits(), drill.rto().verdict());
            assertTrue(drill.rto().orchestration().stream().anyMatch(t -> t.name().contains("orchestration")),
                    "the reference budget carries its own orchestration allowance: " + drill.rto().orchestration());
            assertTrue(drill.allChecks().size() >= 20, () -> "checks: " + drill.allChecks());
        }
    }
}
