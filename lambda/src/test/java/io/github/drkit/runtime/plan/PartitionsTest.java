package io.github.drkit.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.Regions;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** The plan model's partition of each Region is the SDK's, so a function ARN the plan accepts is one the runtime's credentials reach. */
class PartitionsTest {
    @Test
    void partition_whenComparedWithTheSdk_namesTheSamePartitionForEveryRegion() {
        Map<String, String> sdk = new TreeMap<>();
        Map<String, String> plan = new TreeMap<>();
        for (String region : Regions.all()) {
            sdk.put(region, PartitionMetadata.of(Region.of(region)).id());
            plan.put(region, Regions.partition(region));
        }

        assertEquals(sdk, plan);
    }
}
