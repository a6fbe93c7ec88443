package io.github.drkit.objectives.pricing;

/**
 * Prices what one CloudFormation resource type costs while the standby is idle. One class per type,
 * registered in {@link ResourcePricers#defaults()}: to price a new type, write a small class and add it
 * to that list.
 *
 * <p>A pricer must either charge the resource ({@link PricedResource#charge}), state that it costs
 * nothing as configured ({@link PricedResource#free}), or say why it cannot price it
 * ({@link PricedResource#unpriced}). Never leave a resource that costs money while idle unaccounted.
 */
public interface ResourcePricer {
    /** The CloudFormation type it prices, e.g. {@code AWS::EC2::NatGateway}. */
    String resourceType();

    /** Prices one resource of {@link #resourceType()}. */
    void price(PricedResource resource);

    /**
     * Whether its price depends on a size given with {@code StandbyCost.storageEstimate} (buckets,
     * vaults, log groups): only such resources accept an estimate.
     */
    default boolean usesStorageEstimate() {
        return false;
    }
}
