package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.github.drkit.apps.drill.DrillReport.BudgetTerm;
import io.github.drkit.apps.drill.DrillReport.Limitations;
import io.github.drkit.apps.drill.DrillReport.RtoComparison;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;

class ReportRenderingTest {
    private static DrillReport report() {
        List<StepRecord> steps = List.of(
                new StepRecord("deploy shop-primary (us-east-1)", "drill", 0, 700, "OK", "9 resource(s) created", List.of(), Map.of("cloudformation:CreateStack", 1), List.of(), null),
                new StepRecord("inject disaster", "disaster", 700, 300, "OK", "primary fails", List.of(Check.of("primary fleet <web> in-service", 0, 0)), Map.of(), List.of(), null),
                new StepRecord("failover", "orchestration", 1000, 1500, "FAILED", "FAILED: DNS & weights", List.of(), Map.of("route53:ChangeResourceRecordSets", 6),
                        List.of("route53:ChangeResourceRecordSets (us-east-1) answered 503 ServiceUnavailable"), Map.of("millis", 1400)),
                new StepRecord("failover (run again)", "orchestration", 2600, 400, "OK", "SUCCEEDED", List.of(), Map.of(), List.of(), Map.of("millis", 380)));
        RtoComparison rto = new RtoComparison("shop-recovery/Core", 1780, 500,
                List.of(new BudgetTerm("failure detection", 90_000, "30 s x 3", null, "budget"), new BudgetTerm("DNS TTL", 60_000, "TTL 60 s", null, "budget")),
                List.of(new BudgetTerm("failover orchestration", 30_000, "assumption", null, "budget")),
                180_000L, 600_000L, 30_000L, "the estimate's orchestration terms", 151_780, true, true, "orchestration 1.8 s fits the allowance 30.0 s");
        StrategyDrill s = new StrategyDrill("shop", "shop", "PILOT_LIGHT", "us-east-1", "us-west-2", List.of("shop-primary (us-east-1)"),
                "environment variable DRKIT_PLAN of f", steps, rto, List.of("failover failed: DNS"),
                new Limitations(Map.of("shop-primary", List.of("Alarm (AWS::CloudWatch::Alarm)")), List.of("adapted"), List.of("note"), List.of()),
                true, null);
        return new DrillReport("2026-11-25T15:00:00Z", "2026-11-25T15:00:05Z", 5000, "moto", "cdk.out/drill/assembly",
                List.of("route53:ChangeResourceRecordSets=503x6"), List.of(), List.of(s), List.of("shop-notifications"), true);
    }

    @Test
    void render_whenReport_isWellFormedSvgWithEveryStepAndTheObjective() throws Exception {
        String svg = TimelineSvg.render(report());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(svg.contains("failover (run again)"), svg);
        assertTrue(svg.contains("objective 10 min"), svg);
        assertTrue(svg.contains("FAILED: DNS &amp; weights"), "text is escaped: " + svg);
        assertTrue(svg.contains("primary fails"), svg);
    }

    @Test
    void print_whenReport_showsStepsBudgetAndWhatTheEmulatorSkipped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportTable.print(report(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("failover orchestration             measured          1.8 s"), table);
        assertTrue(table.contains("failure detection                  budget       1 min 30 s"), table);
        assertTrue(table.contains("RTO objective                      declared         10 min  projected RTO within it"), table);
        assertTrue(table.contains("shop-primary: Alarm (AWS::CloudWatch::Alarm)"), table);
        assertTrue(table.contains("(1 injected)"), table);
        assertTrue(table.contains("drill PASSED: 1 of 1 strategy"), table);
    }
}
