package io.github.drkit.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.Regions;
import software.amazon.awssdk.regions.Region;

/** The plan model's Region list is the SDK's: the runtime can reach every Region a plan may name, and no other. */
class PlanRegionsTest {
    @Test
    void all_whenComparedWithTheSdk_listsTheSameRegions() {
        Set<String> sdk = new TreeSet<>();
        for (Region region : Region.regions()) {
            // The SDK also lists global signing pseudo-Regions (aws-global, aws-cn-global...): no plan names those.
            if (region.id().matches("[a-z]{2,3}(-[a-z]+)+-\\d{1,2}")) {
                sdk.add(region.id());
            }
        }

        assertEquals(sdk, new TreeSet<>(Regions.all()), "plan/src/main/resources/io/github/drkit/plan/regions.txt must list the SDK's Regions");
    }
}
