package io.github.drkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.GlobalDataSites;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * Bad input in a global database or global table step, from the command line: exit 2, {@code INVALID_INPUT} naming the
 * field, and no call that changes anything; the global database keeps both its members.
 */
@ExtendWith(MotoServerExtension.class)
class GlobalDataCliBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-west-2", "recoveryRegion": "us-east-1",
             "stages": [{"name": "data", "steps": [%s]}]}""";

    @TempDir
    Path dir;
    private Emulator emulator;
    private GlobalDataSites sites;
    private RecordingHook calls;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        sites = new GlobalDataSites(moto, emulator);
        calls = new RecordingHook();
        sites.globalDatabase(500);
        sites.table(GlobalDataSites.RECOVERY, "shop-carts");
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown cluster|{\"kind\": \"failoverGlobalDatabase\", \"globalClusterIdentifier\": \"shop-global\", \"dbClusterIdentifier\": \"shop-gone\"}"
                    + "|stages[0].steps[0].dbClusterIdentifier|Aurora DB cluster 'shop-gone' not found in us-east-1",
            "unknown global cluster|{\"kind\": \"failoverGlobalDatabase\", \"globalClusterIdentifier\": \"shop-other\", \"dbClusterIdentifier\": \"shop-secondary\"}"
                    + "|stages[0].steps[0].globalClusterIdentifier|Aurora global cluster 'shop-other' not found",
            "primary ARN without a 12-digit account|{\"kind\": \"failoverGlobalDatabase\", \"globalClusterIdentifier\": \"shop-global\", \"dbClusterIdentifier\": \"shop-secondary\","
                    + " \"primaryDbClusterArn\": \"arn:aws:rds:us-west-2:123:cluster:p\"}|stages[0].steps[0].primaryDbClusterArn|must be an Aurora DB cluster ARN",
            "rpo below zero|{\"kind\": \"failoverGlobalDatabase\", \"globalClusterIdentifier\": \"shop-global\", \"dbClusterIdentifier\": \"shop-secondary\","
                    + " \"rpoSeconds\": -1}|stages[0].steps[0].rpoSeconds|must be between 0 and 31536000 (got -1)",
            "unknown table|{\"kind\": \"checkGlobalTable\", \"tableName\": \"shop-gone\", \"sourceRegion\": \"us-west-2\", \"rpoSeconds\": 5}"
                    + "|stages[0].steps[0].tableName|DynamoDB table 'shop-gone' not found in us-east-1",
            "source region is the replica's|{\"kind\": \"checkGlobalTable\", \"tableName\": \"shop-carts\", \"sourceRegion\": \"us-east-1\", \"rpoSeconds\": 5}"
                    + "|stages[0].steps[0].sourceRegion|must differ from region (both are us-east-1)"})
    void failover_whenStepFieldIsBad_exitsTwoNamingTheFieldAndChangesNothing(String name, String step, String field, String text) throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PLAN.formatted(step));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(Action.FAILOVER, p -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = command.run(new String[] {"--plan", plan.toString()});

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(stdout);
        assertEquals("INVALID_INPUT", json.get("outcome").asText(), stdout);
        assertEquals(field, json.get("field").asText(), stdout);
        assertTrue(json.get("message").asText().contains(text), "expected <" + text + "> in " + json.get("message"));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace");
        assertEquals(List.of(), calls.mutating());
        try (var rds = sites.rds(GlobalDataSites.RECOVERY)) {
            assertEquals(2, rds.describeGlobalClusters(r -> r.globalClusterIdentifier("shop-global")).globalClusters().stream()
                    .filter(g -> g.globalClusterIdentifier().equals("shop-global")).findFirst().orElseThrow().globalClusterMembers().size());
        }
    }
}
