package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void parse_whenForms_resolvesToExactBytes() {
        assertEquals("100-199", ByteRange.parse("100-199").resolve(1000, "k").toString());
        assertEquals("100-199", ByteRange.parse("bytes=100-199").resolve(1000, "k").toString());
        assertEquals("900-999", ByteRange.parse("900-").resolve(1000, "k").toString());
        assertEquals("990-999", ByteRange.parse("-10").resolve(1000, "k").toString());
        assertEquals("0-4", ByteRange.parse("-500").resolve(5, "k").toString());
        assertEquals(100, ByteRange.parse("100-199").length());
        assertEquals("bytes=0-0", ByteRange.parse("0-0").header());
    }

    @Test
    void parse_whenMalformed_failsWithRule() {
        assertEquals("range must look like 100-199, 100- or -500 (bytes, both ends included; got 'ten-20')",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("ten-20")).getMessage());
        assertEquals("range must look like 100-199, 100- or -500 (bytes, both ends included; got '-')",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("-")).getMessage());
        assertEquals("range: first byte must be at least 0 and not after the last (got 200-100)",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("200-100")).getMessage());
        assertEquals("range: a suffix range needs at least 1 byte (got '-0')",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("-0")).getMessage());
        assertEquals("range: byte positions must fit in 63 bits (got '0-99999999999999999999')",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("0-99999999999999999999")).getMessage());
    }

    @Test
    void resolve_whenOutsideObject_namesSizeAndLastByte() {
        assertEquals("range 100-300 is outside 'a.bin': it has 200 bytes, so the last byte is 199",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("100-300").resolve(200, "a.bin")).getMessage());
        assertEquals("range 200- is outside 'a.bin': it has 200 bytes, so the last byte is 199",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("200-").resolve(200, "a.bin")).getMessage());
        assertEquals("range 0-0 is outside 'empty': the object is empty (0 bytes)",
                assertThrows(ArchiveException.class, () -> ByteRange.parse("0-0").resolve(0, "empty")).getMessage());
    }
}
