package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.gb;

/** An AWS Backup vault's recovery points, from a size given with {@code StandbyCost.storageEstimate}, at the warm rate. */
final class BackupVaultPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Backup::BackupVault";
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        Double size = r.getStorageEstimateGb();
        if (size == null) {
            r.unpriced("stored recovery points not priced; give a size with StandbyCost.storageEstimate");
            return;
        }
        r.charge("backup:warm", size, gb(size) + " GB of recovery points (warm storage; RDS snapshots cost more)");
    }
}
