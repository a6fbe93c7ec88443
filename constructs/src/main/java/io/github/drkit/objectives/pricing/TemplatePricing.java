package io.github.drkit.objectives.pricing;

import io.github.drkit.objectives.PriceTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Walks a template's resources and hands each to the pricer of its type. */
public final class TemplatePricing {
    private final List<Charge> charges;
    private final List<String> unpriced;

    private TemplatePricing(List<Charge> charges, List<String> unpriced) {
        this.charges = List.copyOf(charges);
        this.unpriced = List.copyOf(unpriced);
    }

    /**
     * Prices every resource of a template.
     *
     * @param resources  the template's {@code Resources}
     * @param region     the Region whose prices to use (must be in the table)
     * @param storageGb  size estimates in GB by logical id
     * @param stoppedIds logical ids of instances kept stopped in standby
     * @param pricers    the pricers, at most one per type
     */
    public static TemplatePricing run(Map<String, Object> resources, String region, PriceTable prices,
            Map<String, ?> storageGb, Set<String> stoppedIds, List<ResourcePricer> pricers) {
        Map<String, ResourcePricer> byType = byType(pricers);
        List<Charge> charges = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        Map<String, Integer> unknown = new TreeMap<>();
        for (String id : resources.keySet()) {
            String type = String.valueOf(TemplateValues.asMap(resources.get(id)).get("Type"));
            ResourcePricer pricer = byType.get(type);
            if (pricer != null) {
                pricer.price(new PricedResource(id, type, resources, region, prices, TemplateValues.num(storageGb.get(id)),
                        stoppedIds.contains(id), charges, unpriced));
            } else if (ResourcePricers.UNPRICED_TYPES.containsKey(type)) {
                unpriced.add(id + " (" + type + "): " + ResourcePricers.UNPRICED_TYPES.get(type));
            } else if (!isFree(type)) {
                unknown.merge(type, 1, Integer::sum);
            }
        }
        unknown.forEach((type, n) -> unpriced.add(n + " x " + type + ": not in the price table"));
        charges.sort(Comparator.comparing(Charge::getMonthlyUsd).reversed().thenComparing(Charge::getLogicalId));
        return new TemplatePricing(charges, unpriced);
    }

    /** Whether a type is known to cost nothing while idle. */
    public static boolean isFree(String type) {
        return ResourcePricers.FREE_TYPES.contains(type) || ResourcePricers.FREE_PREFIXES.stream().anyMatch(type::startsWith);
    }

    private static Map<String, ResourcePricer> byType(List<ResourcePricer> pricers) {
        Map<String, ResourcePricer> byType = new HashMap<>();
        for (ResourcePricer p : Objects.requireNonNull(pricers, "pricers")) {
            ResourcePricer previous = byType.put(p.resourceType(), p);
            if (previous != null) {
                throw new IllegalArgumentException("TemplatePricing: two pricers for " + p.resourceType() + " ("
                        + previous.getClass().getSimpleName() + " and " + p.getClass().getSimpleName() + "); register one");
            }
        }
        return byType;
    }

    public List<Charge> getCharges() {
        return charges;
    }

    /** What may cost money but could not be priced, each with the reason. */
    public List<String> getUnpriced() {
        return unpriced;
    }
}
