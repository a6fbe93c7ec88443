package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.drkit.apps.drill.Check;
import io.github.drkit.apps.drill.DrillCommand;
import io.github.drkit.apps.drill.DrillReport;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.apps.drill.DrillRunner;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * The drill's permission gate: the engine runs as the deployed failover role with IAM enforced, so a role that lacks
 * one action the runtime needs fails the drill, and the report names the action. One drill per step kind the
 * drilled apps have (drkit-lambda's {@code PermissionTableScenarioTest} removes every action of every kind).
 */
@ExtendWith(MotoServerExtension.class)
class PermissionGateDrillTest {

    static Stream<Arguments> removals() {
        return Stream.of(
                Arguments.of(DrillStacks.PILOT_LIGHT, "autoscaling:UpdateAutoScalingGroup"),
                Arguments.of(DrillStacks.PILOT_LIGHT, "route53:ChangeResourceRecordSets"),
                Arguments.of(DrillStacks.WARM_STANDBY, "ec2:CreateLaunchTemplateVersion"),
                Arguments.of(DrillStacks.MULTI_SITE, "cloudwatch:PutMetricData"));
    }

    @ParameterizedTest
    @MethodSource("removals")
    void drill_whenRoleLacksAction_failsNamingIt(DrillStacks.Shape shape, String action, MotoServer moto) throws Exception {
        Path out = Path.of("target", "drill", "without-" + action.replace(':', '-'));

        DrillReport report = DrillRunner.builder()
                .app(DrillStacks.app(shape, action))
                .outdir(out.resolve("assembly"))
                .endpoint(moto.endpoint())
                .build()
                .run();
        DrillCommand.write(report, out);

        assertEquals(1, report.strategies().size(), () -> "one strategy: " + report);
        StrategyDrill drill = report.strategies().get(0);
        assertFalse(drill.passed(), () -> "a role without " + action + " passed the drill:\n" + StrategyDrillTest.failed(drill));
        List<String> denied = drill.allChecks().stream().filter(c -> !c.passed()).map(Check::toString).toList();
        assertTrue(denied.stream().anyMatch(c -> c.contains("the role lacks [" + action + "]")),
                () -> "no failed check names " + action + ":\n" + StrategyDrillTest.failed(drill));
        assertTrue(drill.error() != null && drill.error().contains(action), () -> "the drill's error does not name " + action + ": "
                + drill.error());
    }
}
