package io.github.drkit.runtime.aws.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UpdateAutoScalingGroupRequestTest {

    private static UpdateAutoScalingGroupRequest.Builder valid() {
        return UpdateAutoScalingGroupRequest.builder().region("us-west-2").groupName("web").minSize(1).desiredCapacity(2).maxSize(4);
    }

    @Test
    void build_whenTemplateNotGiven_leavesItAsItIs() {
        UpdateAutoScalingGroupRequest request = valid().build();

        assertEquals(2, request.desiredCapacity());
        assertNull(request.launchTemplateId());
        assertNull(request.launchTemplateVersion());
        assertEquals(request, request.toBuilder().build());
    }

    @Test
    void build_whenGroupNameMissing_namesTheField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> valid().groupName(" ").build());

        assertEquals("groupName is required (got \" \")", error.getMessage());
    }

    @Test
    void build_whenRegionMissing_namesTheField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> valid().region(null).build());

        assertEquals("region is required (got none)", error.getMessage());
    }

    @Test
    void build_whenDesiredAboveMax_namesTheSizesAndTheRule() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> valid().desiredCapacity(5).build());

        assertEquals("group web: capacity must satisfy 0 <= minSize <= desiredCapacity <= maxSize (got minSize 1, desiredCapacity 5,"
                + " maxSize 4)", error.getMessage());
    }

    @Test
    void build_whenVersionWithoutTemplate_namesTheVersion() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> valid().launchTemplate(null, "3").build());

        assertEquals("group web: launchTemplateVersion 3 needs the launchTemplateId it belongs to (got none)", error.getMessage());
    }
}
