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
    void bundled_whenEveryRowRead_namesItsRegionSourceAndDate() throws Exception {
        String csv;
        try (java.io.InputStream in = PriceTable.class.getResourceAsStream(PriceTable.RESOURCE)) {
            csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int rows = 0;
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            assertEquals(6, f.length, line);
            assertTrue(Set.of("us-east-1", "us-west-2").contains(f[0]), line);
            assertTrue(f[4].startsWith("https://aws.amazon.com/") && f[4].contains("pricing"), line);
            assertTrue(f[5].matches("\\d{4}-\\d{2}"), line);
            rows++;
        }
        assertTrue(rows > 200, "rows: " + rows);
    }

    @Test
    void parse_whenRowsNameSourceAndDate_needsNoHeader() {
        PriceTable t = PriceTable.parse("p.csv", new StringReader(
                "eu-west-1,kms:key,month,1.00,https://aws.amazon.com/kms/pricing/,2025-01\n"));
        assertEquals("https://aws.amazon.com/kms/pricing/, 2025-01", t.sourceOf("eu-west-1", "kms:key"));
        assertEquals(1.00, t.monthly("eu-west-1", "kms:key").getAsDouble(), 1e-12);
    }

    @Test
    void parse_whenRowSourceEmpty_throwsNamingLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("p.csv", new StringReader("eu-west-1,kms:key,month,1.00,,2025-01\n")));
        assertEquals("PriceTable p.csv line 1: source and asOf must not be empty (got 'eu-west-1,kms:key,month,1.00,,2025-01')",
                e.getMessage());
    }

    @Test
    void parse_whenHeaderMissing_throwsNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("p.csv", new StringReader("# asOf: 2025-01\nus-east-1,ec2:t3.small,hour,0.02\n")));
        assertEquals("PriceTable p.csv: the '# asOf:' and '# source:' header lines are required when a row has no source "
                + "and asOf columns (1 such rows), so every figure can be "
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
        assertEquals("PriceTable p.csv line 3: expected region,key,unit,usd,source,asOf (got 'us-east-1,ec2:t3.small,0.02')",
                e.getMessage());
    }

    @Test
    void parse_whenKeyChangesUnit_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("p.csv",
                new StringReader(HEADER + "us-east-1,kms:key,month,1\nus-west-2,kms:key,hour,1\n")));
        assertEquals("PriceTable p.csv line 4: key kms:key has unit hour here and month before", e.getMessage());
    }
}
