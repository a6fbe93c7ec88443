package io.github.drkit.objectives.pricing;

import io.github.drkit.objectives.PriceTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One resource of the template being priced, with what a {@link ResourcePricer} needs to price it
 * (its properties, the other resources it refers to, the inputs the template cannot carry) and where
 * it puts the result: charges, or the reason it could not price something.
 */
public final class PricedResource {
    private final String logicalId;
    private final String resourceType;
    private final Map<String, Object> properties;
    private final Map<String, Object> resources;
    private final String region;
    private final PriceTable prices;
    private final Double storageEstimateGb;
    private final boolean stoppedInStandby;
    private final List<Charge> charges;
    private final List<String> unpriced;

    PricedResource(String logicalId, String resourceType, Map<String, Object> resources, String region, PriceTable prices,
            Double storageEstimateGb, boolean stoppedInStandby, List<Charge> charges, List<String> unpriced) {
        this.logicalId = logicalId;
        this.resourceType = resourceType;
        this.resources = resources;
        this.properties = TemplateValues.asMap(TemplateValues.asMap(resources.get(logicalId)).get("Properties"));
        this.region = region;
        this.prices = prices;
        this.storageEstimateGb = storageEstimateGb;
        this.stoppedInStandby = stoppedInStandby;
        this.charges = charges;
        this.unpriced = unpriced;
    }

    public String getLogicalId() {
        return logicalId;
    }

    public String getResourceType() {
        return resourceType;
    }

    /** Its {@code Properties}, empty when it has none. */
    public Map<String, Object> getProperties() {
        return properties;
    }

    /** One property's value as it is in the template (a literal, an intrinsic function, or null). */
    public Object property(String name) {
        return properties.get(name);
    }

    /** The properties of another resource of the same template, empty when there is none by that id. */
    public Map<String, Object> propertiesOf(String otherLogicalId) {
        return otherLogicalId == null ? Map.of()
                : TemplateValues.asMap(TemplateValues.asMap(resources.get(otherLogicalId)).get("Properties"));
    }

    /** Whether the template holds a resource by that logical id. */
    public boolean hasResource(String otherLogicalId) {
        return otherLogicalId != null && resources.containsKey(otherLogicalId);
    }

    /** The size given with {@code StandbyCost.storageEstimate}, in GB, or null when none was given. */
    public Double getStorageEstimateGb() {
        return storageEstimateGb;
    }

    /** Whether it was marked with {@code StandbyCost.stoppedInStandby}. */
    public boolean isStoppedInStandby() {
        return stoppedInStandby;
    }

    /** The Region whose prices are used. */
    public String getRegion() {
        return region;
    }

    /**
     * Charges {@code quantity} units of a price table key (hours are turned into a month), described as
     * {@code what}; when the table has no price for the key, lists it unpriced instead.
     *
     * @return whether a price was found
     */
    public boolean charge(String priceKey, double quantity, String what) {
        OptionalDouble monthly = prices.monthly(region, priceKey);
        if (monthly.isEmpty()) {
            unpriced("no price for " + priceKey + " in " + region);
            return false;
        }
        double unit = prices.price(region, priceKey).getAsDouble();
        String per = "hour".equals(prices.unit(priceKey)) ? "/h" : "gb-month".equals(prices.unit(priceKey)) ? "/GB-month"
                : "/month";
        charges.add(new Charge(logicalId, resourceType, what + " at " + usd(unit) + per, quantity * monthly.getAsDouble()));
        return true;
    }

    /** States that, as configured, it costs nothing while idle (shown as a zero line, with why). */
    public void free(String why) {
        charges.add(new Charge(logicalId, resourceType, why, 0));
    }

    /** Lists something of it that may cost money but cannot be priced, with the reason. */
    public void unpriced(String reason) {
        unpriced.add(logicalId + " (" + resourceType + "): " + reason);
    }

    private static String usd(double usd) {
        BigDecimal d = BigDecimal.valueOf(usd).stripTrailingZeros();
        return "$" + (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }
}
