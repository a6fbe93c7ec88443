package io.github.drkit.objectives.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.objectives.PriceTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The standby cost of a DynamoDB global table: each replica's stored data. */
class GlobalTablePricerTest {
    private static final Map<String, Object> REPLICAS = Map.of("Replicas", List.of(Map.of("Region", "us-east-1"), Map.of("Region", "us-west-2")));

    private static TemplatePricing price(Map<String, Object> props, Map<String, ?> storage) {
        return TemplatePricing.run(Map.of("Orders", Map.of("Type", "AWS::DynamoDB::GlobalTable", "Properties", props)), "us-east-1",
                PriceTable.bundled(), storage, Set.of(), ResourcePricers.defaults());
    }

    private static Map<String, Object> onDemand() {
        Map<String, Object> props = new java.util.HashMap<>(REPLICAS);
        props.put("BillingMode", "PAY_PER_REQUEST");
        return props;
    }

    @Test
    void price_whenOnDemandAndSized_pricesTheStorageOfEveryReplica() {
        TemplatePricing p = price(onDemand(), Map.of("Orders", 10.0));
        assertEquals(1, p.getCharges().size(), p.getCharges().toString());
        assertEquals(2 * 10 * 0.25, p.getCharges().get(0).getMonthlyUsd(), 1e-9);
        assertTrue(p.getCharges().get(0).getDescription().startsWith("2 replica(s) x 10 GB"), p.getCharges().toString());
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }

    @Test
    void price_whenNotSized_listsItUnpricedNeverFree() {
        TemplatePricing p = price(onDemand(), Map.of());
        assertTrue(p.getCharges().isEmpty(), p.getCharges().toString());
        assertEquals(1, p.getUnpriced().size(), p.getUnpriced().toString());
        assertTrue(p.getUnpriced().get(0).contains("stored data of 2 replica(s) not priced"), p.getUnpriced().toString());
    }

    @Test
    void price_whenProvisioned_listsItUnpriced() {
        Map<String, Object> props = new java.util.HashMap<>(REPLICAS);
        props.put("BillingMode", "PROVISIONED");
        TemplatePricing p = price(props, Map.of("Orders", 10.0));
        assertEquals(1, p.getUnpriced().size(), p.getUnpriced().toString());
        assertTrue(p.getUnpriced().get(0).contains("provisioned write capacity of 2 replica(s)"), p.getUnpriced().toString());
    }
}
