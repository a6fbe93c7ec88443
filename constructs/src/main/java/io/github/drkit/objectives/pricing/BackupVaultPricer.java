package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.gb;

/**
 * A vault's recovery points at the AWS Backup warm storage rate, from a size given with
 * {@code StandbyCost.storageEstimate}. One class for both vault types: a logically air-gapped vault holds a second
 * copy, stored and billed apart from the source vault's, and AWS Backup's pricing page gives it no separate rate.
 */
final class BackupVaultPricer implements ResourcePricer {
    private final String resourceType;
    private final String holds;

    private BackupVaultPricer(String resourceType, String holds) {
        this.resourceType = resourceType;
        this.holds = holds;
    }

    static BackupVaultPricer standard() {
        return new BackupVaultPricer("AWS::Backup::BackupVault", "recovery points (warm storage; RDS snapshots cost more)");
    }

    static BackupVaultPricer airGapped() {
        return new BackupVaultPricer("AWS::Backup::LogicallyAirGappedBackupVault",
                "recovery points copied into the logically air-gapped vault (a second copy, at the warm storage rate)");
    }

    @Override
    public String resourceType() {
        return resourceType;
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        Double size = r.getStorageEstimateGb();
        if (size == null) {
            r.unpriced("stored " + holds.substring(0, holds.indexOf(" (")) + " not priced; give a size with StandbyCost.storageEstimate");
            return;
        }
        r.charge("backup:warm", size, gb(size) + " GB of " + holds);
    }
}
