package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.gb;

/**
 * A logically air-gapped vault's recovery points: a second copy of the data, stored and billed apart from the
 * source vault's. AWS Backup's pricing page gives no separate rate for them, so they are priced at the warm
 * storage rate, from a size given with {@code StandbyCost.storageEstimate}.
 */
final class AirGappedVaultPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Backup::LogicallyAirGappedBackupVault";
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        Double size = r.getStorageEstimateGb();
        if (size == null) {
            r.unpriced("recovery points copied into the air-gapped vault not priced; give a size with StandbyCost.storageEstimate");
            return;
        }
        r.charge("backup:warm", size, gb(size)
                + " GB of recovery points copied into the logically air-gapped vault (a second copy, at the warm storage rate)");
    }
}
