package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultTest {
    @Test
    void parse_whenFull_readsEveryPart() {
        Fault f = Fault.parse("autoscaling:UpdateAutoScalingGroup@us-west-2=throttlex3");
        assertEquals("autoscaling", f.service());
        assertEquals("UpdateAutoScalingGroup", f.action());
        assertEquals("us-west-2", f.region());
        assertEquals(Fault.Kind.THROTTLE, f.kind());
        assertEquals(3, f.times());
        assertEquals("autoscaling:UpdateAutoScalingGroup@us-west-2=throttlex3", f.toString());
    }

    @Test
    void parse_whenShort_defaultsToOneCallInEveryRegion() {
        Fault f = Fault.parse("route53:ChangeResourceRecordSets=503");
        assertNull(f.region());
        assertEquals(1, f.times());
        assertEquals(Fault.Kind.SERVICE_UNAVAILABLE, f.kind());
        assertEquals(503, f.kind().status());
        assertEquals(Fault.Kind.INTERNAL_ERROR, Fault.parse("ssm:GetParameter=500x2").kind());
    }

    @Test
    void matches_whenRegionGiven_onlyThatRegion() {
        Fault f = Fault.parse("autoscaling:UpdateAutoScalingGroup@us-west-2=503");
        assertTrue(f.matches("autoscaling", "UpdateAutoScalingGroup", "us-west-2"));
        assertFalse(f.matches("autoscaling", "UpdateAutoScalingGroup", "us-east-1"));
        assertFalse(f.matches("autoscaling", "DescribeAutoScalingGroups", "us-west-2"));
    }

    @Test
    void parse_whenMalformed_namesTheFormAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fault.parse("route53 ChangeResourceRecordSets"));
        assertEquals("DrillCommand: --fault must look like service:Action[@region]=500|503|throttle[xN], "
                + "e.g. route53:ChangeResourceRecordSets=503x3 (got 'route53 ChangeResourceRecordSets')", e.getMessage());
    }

    @Test
    void parse_whenUnknownKind_namesTheKinds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fault.parse("ssm:GetParameter=404"));
        assertEquals("DrillCommand: --fault kind must be 500, 503 or throttle (got '404' in 'ssm:GetParameter=404')", e.getMessage());
    }

    @Test
    void parse_whenCountOutOfRange_namesTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fault.parse("ssm:GetParameter=503x0"));
        assertEquals("DrillCommand: --fault count must be between 1 and 100 (got 0 in 'ssm:GetParameter=503x0')", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("ssm:GetParameter=503x101"));
    }
}
