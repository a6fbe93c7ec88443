package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.apps.drill.Check;
import io.github.drkit.apps.strategies.ContainerStacks;
import io.github.drkit.apps.drill.DrillCommand;
import io.github.drkit.apps.drill.DrillReport;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.apps.drill.DrillRunner;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.CfnPolicy;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.constructs.IConstruct;

/**
 * The drill's permission gate: the engine runs as the deployed failover role with IAM enforced, so a role that lacks
 * one action the runtime needs fails the drill, and the report names the action. One drill per step kind the
 * drilled apps have, and the reference app's container strategy without the action that detaches its Aurora secondary
 * (drkit-lambda's {@code PermissionTableScenarioTest} removes every action of every kind).
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

    /**
     * The reference app's container strategy whose failover role lacks {@code rds:RemoveFromGlobalCluster}: moto refuses
     * the managed switchover and failover (HTTP 500), so detaching the Aurora secondary is the failover's last resort,
     * and without the action the failover stops at the data stage's global database step, naming it, before any task
     * starts or DNS moves.
     */
    @Test
    void drill_whenContainerRoleLacksRemoveFromGlobalCluster_stopsAtTheGlobalDatabaseNamingIt(MotoServer moto) {
        String action = "rds:RemoveFromGlobalCluster";
        Path out = Path.of("target", "drill", "without-" + action.replace(':', '-'));
        AwsCredentialsProvider account = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ReferenceEnvironment.PLACEHOLDER_ACCOUNT, "permission-gate-drill"));

        DrillReport report = DrillRunner.builder()
                .app(app -> {
                    // The container strategy's stacks alone, as the reference app defines them: the drill deploys only these.
                    ContainerStacks.define(app, ReferenceEnvironment.from(app));
                    Aspects.of(app.getNode().findChild("drkit-containers-recovery")).add(new WithoutAction(action));
                })
                .outdir(out.resolve("assembly"))
                .endpoint(moto.endpoint())
                .prerequisite(ReferenceEnvironment.PLACEHOLDER_ACCOUNT, clients -> Map.of("hostedZoneId", clients.route53()
                        .createHostedZone(b -> b.name("drkit.example.com").callerReference("permission-gate-drill")).hostedZone().id()
                        .replace("/hostedzone/", ""), "zoneName", "drkit.example.com"))
                .context("account", ReferenceEnvironment.PLACEHOLDER_ACCOUNT)
                .strategy("drkit-containers")
                .build()
                .run();
        DrillCommand.write(report, out);

        assertEquals(1, report.strategies().size(), () -> "one strategy: " + report);
        StrategyDrill drill = report.strategies().get(0);
        assertFalse(drill.passed(), () -> "a role without " + action + " passed the drill:\n" + StrategyDrillTest.failed(drill));
        assertTrue(drill.allChecks().stream().filter(c -> !c.passed()).map(Check::toString)
                .anyMatch(c -> c.contains("RemoveFromGlobalCluster") && c.contains("the role lacks [" + action + "]")),
                () -> "no failed check names " + action + ":\n" + StrategyDrillTest.failed(drill));
        assertTrue(drill.error() != null && drill.error().contains(action), () -> "the drill's error does not name " + action + ": "
                + drill.error());
        StepRecord failover = drill.steps().stream().filter(st -> st.name().equals("failover")).findFirst()
                .orElseThrow(() -> new AssertionError("no failover in " + drill.steps()));
        assertEquals("FAILED", failover.outcome(), failover.detail());
        assertTrue(failover.detail().contains("make drkit-containers-secondary the writer of drkit-containers-global"), failover.detail());
        // Stopped at the data stage: the tasks were not started and DNS did not move.
        assertEquals(1, failover.calls().getOrDefault(action, 0), () -> "calls: " + failover.calls());
        assertFalse(failover.calls().containsKey("ecs:UpdateService"), () -> "the service was scaled: " + failover.calls());
        assertFalse(failover.calls().containsKey("route53:ChangeResourceRecordSets"), () -> "DNS moved: " + failover.calls());
    }

    /**
     * Takes one action out of every IAM policy of a stack as synthesized (a role's inline policies and its attached
     * policies), as a role deployed without it would be: a statement that grants only that action goes, the others
     * keep their other actions.
     */
    private record WithoutAction(String action) implements IAspect {
        @Override
        public void visit(IConstruct node) {
            if (node instanceof CfnPolicy policy) {
                policy.addPropertyOverride("PolicyDocument", without(Stack.of(policy).resolve(policy.getPolicyDocument())));
            } else if (node instanceof CfnRole role && role.getPolicies() != null) {
                List<?> policies = (List<?>) Stack.of(role).resolve(role.getPolicies());
                for (int i = 0; i < policies.size(); i++) {
                    Map<?, ?> inline = (Map<?, ?>) policies.get(i);
                    Object document = inline.containsKey("policyDocument") ? inline.get("policyDocument") : inline.get("PolicyDocument");
                    role.addPropertyOverride("Policies." + i + ".PolicyDocument", without(document));
                }
            }
        }

        /** The resolved policy document (JSON: maps, lists, strings) without the action. */
        private Map<String, Object> without(Object resolved) {
            Map<?, ?> document = (Map<?, ?>) resolved;
            List<Object> statements = new ArrayList<>();
            for (Object each : (List<?>) document.get("Statement")) {
                Map<Object, Object> statement = new LinkedHashMap<>((Map<?, ?>) each);
                Object actions = statement.get("Action");
                List<Object> kept = actions instanceof List<?> list ? list.stream().filter(a -> !action.equals(a)).map(a -> (Object) a)
                        .toList() : action.equals(actions) ? List.of() : List.of(actions);
                if (kept.isEmpty()) {
                    continue;
                }
                statement.put("Action", kept.size() == 1 ? kept.get(0) : kept);
                statements.add(statement);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            document.forEach((k, v) -> out.put(String.valueOf(k), v));
            out.put("Statement", statements);
            return out;
        }
    }
}
