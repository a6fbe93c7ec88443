package io.github.drkit.runtime.aws.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.drkit.runtime.aws.Xml;

class AutoScalingApiTest {
    private static Xml group(String inner) {
        return Xml.parse(("<member><AutoScalingGroupName>web</AutoScalingGroupName>" + inner + "</member>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hasMixedInstancesPolicy_whenPolicyNamesItsLaunchTemplate_isTrue() {
        assertTrue(AutoScalingApi.hasMixedInstancesPolicy(group("<MixedInstancesPolicy><LaunchTemplate><LaunchTemplateSpecification>"
                + "<LaunchTemplateId>lt-1</LaunchTemplateId></LaunchTemplateSpecification></LaunchTemplate></MixedInstancesPolicy>")));
    }

    @Test
    void hasMixedInstancesPolicy_whenElementIsEmpty_isFalse() {
        assertFalse(AutoScalingApi.hasMixedInstancesPolicy(group("<MixedInstancesPolicy/>"
                + "<LaunchTemplate><LaunchTemplateId>lt-1</LaunchTemplateId><Version>1</Version></LaunchTemplate>")));
    }

    @Test
    void hasMixedInstancesPolicy_whenAbsent_isFalse() {
        assertFalse(AutoScalingApi.hasMixedInstancesPolicy(group("<LaunchTemplate><LaunchTemplateId>lt-1</LaunchTemplateId></LaunchTemplate>")));
    }
}
