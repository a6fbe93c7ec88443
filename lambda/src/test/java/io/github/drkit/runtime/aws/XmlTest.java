package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void all_whenPathRepeats_returnsEveryMatchInOrder() {
        Xml root = Xml.parse("""
                <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <reservationSet>
                    <item><instancesSet><item><instanceId>i-1</instanceId><instanceState><name>running</name></instanceState></item>
                                        <item><instanceId>i-2</instanceId></item></instancesSet></item>
                    <item><instancesSet><item><instanceId>i-3</instanceId></item></instancesSet></item>
                  </reservationSet>
                </DescribeInstancesResponse>""".getBytes(StandardCharsets.UTF_8));

        List<String> ids = root.all("reservationSet/item/instancesSet/item").stream().map(i -> i.text("instanceId")).toList();

        assertEquals(List.of("i-1", "i-2", "i-3"), ids);
        assertEquals("running", root.first("reservationSet/item/instancesSet/item").text("instanceState/name"));
        assertNull(root.text("nextToken"));
    }

    @Test
    void parse_whenDocumentDeclaresADoctype_refusesIt() {
        byte[] entity = """
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"""
                .getBytes(StandardCharsets.UTF_8);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Xml.parse(entity));

        assertTrue(error.getMessage().startsWith("not an XML answer: "), error.getMessage());
    }
}
