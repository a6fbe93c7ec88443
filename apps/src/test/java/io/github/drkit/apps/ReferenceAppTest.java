package io.github.drkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class ReferenceAppTest {

    private static App app(Path outdir, Map<String, Object> context) {
        return new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
    }

    @Test
    void define_whenNoContext_placesNotificationsInTheRecoveryRegion() throws IOException {
        Path outdir = Files.createTempDirectory("drkit-ref-");
        App app = app(outdir, Map.of());
        ReferenceApp.define(app);
        app.synth();

        List<SynthSummary.StackLine> lines = SynthSummary.read(outdir);

        SynthSummary.StackLine notifications = lines.stream()
                .filter(l -> l.name().equals("drkit-notifications")).findFirst().orElseThrow();
        assertEquals("aws://111111111111/us-west-2", notifications.environment());
        assertEquals(1, notifications.byType().get("SNS::Topic"));
        assertEquals(1, notifications.byType().get("KMS::Key"));
    }

    @Test
    void define_whenContextNamesAccountAndRegions_usesThem() throws IOException {
        Path outdir = Files.createTempDirectory("drkit-ref-");
        App app = app(outdir, Map.of("account", "222222222222", "primaryRegion", "eu-west-1", "recoveryRegion", "eu-central-1"));
        ReferenceApp.define(app);
        app.synth();

        List<SynthSummary.StackLine> lines = SynthSummary.read(outdir);
        assertTrue(lines.stream().anyMatch(l -> l.environment().equals("aws://222222222222/eu-central-1")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.environment().equals("aws://222222222222/eu-west-1")), lines.toString());
    }

    @Test
    void from_whenRecoveryRegionEqualsPrimary_failsNamingBoth() {
        App app = new App(AppProps.builder().context(Map.of("primaryRegion", "us-east-1", "recoveryRegion", "us-east-1")).build());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReferenceEnvironment.from(app));

        assertEquals("ReferenceApp: recoveryRegion must differ from primaryRegion (both us-east-1)", e.getMessage());
    }

    @Test
    void print_whenStacksRead_printsOneLinePerStack() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SynthSummary.print(List.of(new SynthSummary.StackLine("a", "aws://1/us-east-1", 3, Map.of("SNS::Topic", 2, "KMS::Key", 1))),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("a "), lines[1]);
        assertTrue(lines[1].endsWith("SNS::Topic 2, KMS::Key 1"), lines[1]);
    }

    @Test
    void read_whenNothingSynthesized_saysToRunSynth() throws IOException {
        Path empty = Files.createTempDirectory("drkit-empty-");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SynthSummary.read(empty));

        assertTrue(e.getMessage().endsWith("does not exist; run cdk synth first"), e.getMessage());
    }
}
