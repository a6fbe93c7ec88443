package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.Vpc;

class DrSummaryTest {
    @TempDir
    Path outdir;

    private static Stack stack(App app, String id) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
    }

    private static void fleet(Stack stack, int desired) {
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();
        LaunchTemplate lt = LaunchTemplate.Builder.create(stack, "Template")
                .instanceType(InstanceType.of(InstanceClass.T3, InstanceSize.SMALL))
                .machineImage(MachineImage.latestAmazonLinux2023()).build();
        AutoScalingGroup.Builder.create(stack, "App").vpc(vpc).launchTemplate(lt)
                .minCapacity(desired).desiredCapacity(desired).maxCapacity(4).build();
    }

    private App app() {
        return App.Builder.create().outdir(outdir.toString()).build();
    }

    @Test
    void write_whenObjectivesMet_writesJsonIntoOutdirAndTable() throws Exception {
        App app = app();
        Stack pilot = stack(app, "PilotLight");
        FixedEstimator.pilotLight(pilot, "Core");
        fleet(pilot, 0);
        RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.minutes(30)).rpo(software.amazon.awscdk.Duration.minutes(15)).build().applyTo(pilot);
        Stack warm = stack(app, "WarmStandby");
        FixedEstimator.warmStandby(warm, "Fleet");
        fleet(warm, 2);
        RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.minutes(10)).build().applyTo(warm);
        stack(app, "Primary");

        DrSummary summary = DrSummary.write(app);

        Path file = outdir.resolve("drkit-summary.json");
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\n  \"version\": 1,\n  \"prices\": {\n    \"asOf\": \"2025-01\","), json);
        assertTrue(json.contains("\"stack\": \"PilotLight\""), json);
        assertTrue(json.contains("\"strategy\": \"PILOT_LIGHT\""), json);
        assertTrue(json.contains("\"estimate\": \"23 min\",\n        \"estimateSeconds\": 1380,\n        \"met\": true"), json);
        assertTrue(json.contains("\"prop\": \"Test.appWarmUp\""), json);

        assertEquals(3, summary.stacks().size());
        StackSummary p = summary.stacks().get(0);
        StackSummary w = summary.stacks().get(1);
        StackSummary primary = summary.stacks().get(2);
        assertEquals(DrStrategy.PILOT_LIGHT, p.strategy());
        assertEquals(0, p.standbyCost().monthlyUsd(), 1e-9);
        assertEquals(2 * 0.0208 * 730 + 2 * 8 * 0.08, w.standbyCost().monthlyUsd(), 1e-9);
        assertNull(primary.strategy());
        assertNull(primary.rtoObjective());

        String[] table = summary.toTable().split("\n");
        assertEquals("STACK         STRATEGY       RTO estimate / objective   RPO estimate / objective   STANDBY/MONTH", table[0]);
        assertEquals("PilotLight    PILOT_LIGHT    23 min / 30 min  ok        15 min / 15 min  ok        $0.00", table[1]);
        assertEquals("WarmStandby   WARM_STANDBY   6 min 30 s / 10 min  ok    5 min                      $31.65", table[2]);
        assertEquals("Primary       -              -                          -                          $0.00", table[3]);
        assertEquals("Standby prices: AWS public pricing pages, as of 2025-01; approximate, for comparing strategies, "
                + "not billing.", table[4]);
    }

    @Test
    void write_whenObjectiveMissed_writesViolationsThenRethrows() throws Exception {
        App app = app();
        Stack multi = stack(app, "MultiSite");
        FixedEstimator.multiSite(multi, "Sites", false);
        RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.minutes(5)).rpo(software.amazon.awscdk.Duration.minutes(15)).build().applyTo(multi);

        RuntimeException e = assertThrows(RuntimeException.class, () -> DrSummary.write(app));
        assertTrue(e.getMessage().contains("RPO objective 15 min cannot be met by 'MultiSite/Sites'"), e.getMessage());

        String json = Files.readString(outdir.resolve("drkit-summary.json"));
        assertTrue(json.contains("\"estimate\": \"unbounded\""), json);
        assertTrue(json.contains("\"bounded\": false"), json);
        assertTrue(json.contains("\"met\": false"), json);
        assertTrue(json.contains("\"standbyCost\": null"), json);
        assertTrue(json.contains("\"violations\": [\n        \"RecoveryObjectives on 'MultiSite': RPO objective 15 min "
                + "cannot be met"), json);
    }

    @Test
    void toTable_whenObjectiveMissed_marksIt() {
        App app = app();
        Stack multi = stack(app, "MultiSite");
        FixedEstimator.multiSite(multi, "Sites", false);
        RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.minutes(5)).rpo(software.amazon.awscdk.Duration.minutes(15)).build().applyTo(multi);

        assertThrows(RuntimeException.class, () -> DrSummary.write(app));
        List<StackSummary> rows = new ArrayList<>();
        rows.add(StackSummary.unpriced(multi));
        String row = DrSummary.from(rows, PriceTable.bundled()).toTable().split("\n")[1];
        assertEquals("MultiSite   MULTI_SITE   2 min 30 s / 5 min  ok     unbounded / 15 min  MISSED   -", row);
    }

    @Test
    void json_escapesAndNests() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"q\"\n\\");
        m.put("n", 1.5);
        m.put("i", 3.0);
        m.put("l", List.of(true, 2));
        m.put("e", List.of());
        m.put("z", null);
        assertEquals("{\n  \"s\": \"a \\\"q\\\"\\n\\\\\",\n  \"n\": 1.5,\n  \"i\": 3,\n  \"l\": [\n    true,\n    2\n  ],\n"
                + "  \"e\": [],\n  \"z\": null\n}\n", Json.write(m));
    }

    @Test
    void json_whenNotANumber_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", Double.NaN)));
        assertEquals("Json: NaN has no JSON form", e.getMessage());
    }
}
