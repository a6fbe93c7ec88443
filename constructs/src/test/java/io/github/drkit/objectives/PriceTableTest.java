package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private static final String HEADER = "# asOf: 2025-01\n# source: test\n";

    @Test
    void bundled_statesDateSourceAndBothRegions() {
        PriceTable t = PriceTable.bundled();
        assertEquals("2025-01", t.asOf());
        assertTrue(t.source().startsWith("AWS public pricing pages"), t.source());
        assertTrue(t.note().contains("approximate"), t.note());
        assertEquals(Set.of("us-east-1", "us-west-2"), t.regions());
        assertEquals(0.0208, t.price("us-east-1", "ec2:t3.small").getAsDouble(), 1e-12);
        assertEquals(0.0208 * 730, t.monthly("us-west-2", "ec2:t3.small").getAsDouble(), 1e-9);
        assertEquals(0.50, t.monthly("us-west-2", "route53:hosted-zone").getAsDouble(), 1e-12);
        assertEquals("gb-month", t.unit("s3:DEEP_ARCHIVE"));
        assertFalse(t.price("eu-west-1", "ec2:t3.small").isPresent());
    }

    @Test
    void parse_whenHeaderMissing_throwsNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("p.csv", new StringReader("# asOf: 2025-01\nus-east-1,ec2:t3.small,hour,0.02\n")));
        assertEquals("PriceTable p.csv: the '# asOf:' and '# source:' header lines are required, so every figure can be "
                + "traced (got asOf=2025-01, source=null)", e.getMessage());
    }

    @Test
    void parse_whenUnitUnknown_throwsNamingLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("p.csv", new StringReader(HEADER + "us-east-1,ec2:t3.small,day,0.5\n")));
        assertEquals("PriceTable p.csv line 3: unit must be one of [gb-month, hour, month] (got 'day')", e.getMessage());
    }

    @Test
    void parse_whenPriceNotNumber_throwsNamingLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("p.csv", new StringReader(HEADER + "us-east-1,ec2:t3.small,hour,cheap\n")));
        assertEquals("PriceTable p.csv line 3: usd must be a number (got 'cheap')", e.getMessage());
    }

    @Test
    void parse_whenPriceNegative_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("p.csv", new StringReader(HEADER + "us-east-1,ec2:t3.small,hour,-1\n")));
        assertEquals("PriceTable p.csv line 3: usd must not be negative (got -1)", e.getMessage());
    }

    @Test
    void parse_whenFieldsMissing_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("p.csv", new StringReader(HEADER + "us-east-1,ec2:t3.small,0.02\n")));
        assertEquals("PriceTable p.csv line 3: expected region,key,unit,usd (got 'us-east-1,ec2:t3.small,0.02')",
                e.getMessage());
    }

    @Test
    void parse_whenKeyChangesUnit_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("p.csv",
                new StringReader(HEADER + "us-east-1,kms:key,month,1\nus-west-2,kms:key,hour,1\n")));
        assertEquals("PriceTable p.csv line 4: key kms:key has unit hour here and month before", e.getMessage());
    }
}
