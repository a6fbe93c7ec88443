package io.github.drkit.apps.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drkit.apps.ReferenceApp;
import io.github.drkit.plan.PlanReader;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Token;

/**
 * The reference app's warm standby carries an ARC Region switch plan; its synthesized blocks, read from the template,
 * account for every step of the drkit plan it came from, once each and in stage order.
 */
class WarmStandbyStacksTest {
    private static final Pattern STEP_PATH = Pattern.compile("stages\\[(\\d+)]\\.steps\\[(\\d+)]");

    @Test
    void recoveryStack_whenSynthesized_arcPlanBlocksFollowTheDrkitPlan() throws IOException {
        Path outdir = Files.createTempDirectory("drkit-ref-");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        ReferenceApp.define(app);
        app.synth();
        WarmStandbyStacks.RecoveryStack stack = (WarmStandbyStacks.RecoveryStack) app.getNode().findChild("drkit-warm-standby-recovery");
        RecoveryPlan drkit = PlanReader.builder().unresolved(Token::isUnresolved).build()
                .read(stack.getFleet().getFailover().getPlan().toJson());

        JsonNode template = new ObjectMapper().readTree(outdir.resolve("drkit-warm-standby-recovery.template.json").toFile());
        List<JsonNode> plans = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals("AWS::ARCRegionSwitch::Plan")) {
                plans.add(r.get("Properties"));
            }
        });
        assertEquals(1, plans.size());
        JsonNode plan = plans.get(0);
        assertEquals(30, plan.get("RecoveryTimeObjectiveMinutes").asInt(), "the RTO the reference app declares");

        JsonNode failover = plan.get("Workflows").get(0);
        assertEquals("us-west-2", failover.get("WorkflowTargetRegion").asText());
        List<String> carried = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode block : failover.get("Steps")) {
            types.add(block.get("ExecutionBlockType").asText());
            carried.addAll(paths(block.get("Description").toString()));
        }
        // The replica is promoted by ARC; the fleet changes instance type, so drkit's function runs the rest.
        assertEquals(List.of("RdsPromoteReadReplica", "CustomActionLambda"), types);
        assertEquals(drkit.steps().stream().map(PlanStep::path).toList(), carried);
        assertEquals("promoteDatabase", drkit.stages().get(0).steps().get(0).kind(), "the block ARC runs is the data stage's promotion");

        JsonNode failback = plan.get("Workflows").get(1);
        assertEquals("us-east-1", failback.get("WorkflowTargetRegion").asText());
        List<String> undone = drkit.failbackOrder().stream().flatMap(List::stream).map(PlanStep::path).toList();
        assertEquals(undone, paths(failback.get("Steps").get(0).get("Description").toString()));
        assertEquals(List.of("data", "compute", "health", "traffic"), drkit.stages().stream().map(Stage::name).toList());
    }

    /** The plan paths a block's description names, in order. */
    private static List<String> paths(String description) {
        List<String> out = new ArrayList<>();
        Matcher m = STEP_PATH.matcher(description);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
