package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class DrillCommandTest {
    @Test
    void parse_whenNoArguments_usesDefaults() {
        DrillCommand.Options o = DrillCommand.parse(new String[0]);
        assertEquals(Path.of("cdk.out", "drill"), o.out());
        assertEquals(Duration.ofSeconds(120), o.stackTimeout());
        assertEquals(0, o.faults().size());
    }

    @Test
    void parse_whenEveryOption_readsThem() {
        DrillCommand.Options o = DrillCommand.parse(new String[] {"--out", "x", "--fault", "ssm:GetParameter=503",
                "--fault", "route53:ChangeResourceRecordSets=throttlex2", "--stack-timeout", "30", "--strategy", "drkit-pilot-light"});
        assertEquals(java.util.List.of("drkit-pilot-light"), o.strategies());
        assertEquals(Path.of("x"), o.out());
        assertEquals(2, o.faults().size());
        assertEquals(Duration.ofSeconds(30), o.stackTimeout());
    }

    @Test
    void parse_whenBadArguments_namesThem() {
        assertEquals("DrillCommand: unknown argument '--dry-run'",
                assertThrows(IllegalArgumentException.class, () -> DrillCommand.parse(new String[] {"--dry-run"})).getMessage());
        assertEquals("DrillCommand: --out needs a value",
                assertThrows(IllegalArgumentException.class, () -> DrillCommand.parse(new String[] {"--out"})).getMessage());
        assertEquals("DrillCommand: --stack-timeout must be a number of seconds (got 'soon')",
                assertThrows(IllegalArgumentException.class, () -> DrillCommand.parse(new String[] {"--stack-timeout", "soon"})).getMessage());
        assertEquals("DrillCommand: --stack-timeout must be between 1 and 1800 seconds (got 0)",
                assertThrows(IllegalArgumentException.class, () -> DrillCommand.parse(new String[] {"--stack-timeout", "0"})).getMessage());
    }
}
