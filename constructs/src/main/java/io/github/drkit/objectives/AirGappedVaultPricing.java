package io.github.drkit.objectives;

import java.util.List;

/**
 * The standby cost of a logically air-gapped vault: the recovery points copied into it are a second
 * copy of the data, stored (and billed) apart from the source vault's. AWS Backup's pricing page has
 * no separate rate for them, so they are priced at the AWS Backup warm storage rate of the price
 * table, from the size given with {@link StandbyCost#storageEstimate}.
 */
final class AirGappedVaultPricing {
    static final String TYPE = "AWS::Backup::LogicallyAirGappedBackupVault";
    /** Resources of the backup audit and sharing features: charged per evaluation, report or use, not while idle. */
    static final List<String> USAGE_PRICED = List.of("AWS::Backup::Framework", "AWS::Backup::ReportPlan", "AWS::RAM::ResourceShare");

    /** Adds one priced line, as StandbyCost's pricer does. */
    interface Lines {
        boolean add(String logicalId, String type, String priceKey, double quantity, String what);
    }

    private AirGappedVaultPricing() {
    }

    /** Prices a vault of {@code gigabytes} (null when no size was given: listed as unpriced). */
    static void price(String logicalId, Double gigabytes, Lines lines, List<String> unpriced) {
        if (gigabytes == null) {
            unpriced.add(logicalId + " (" + TYPE + "): recovery points copied into the air-gapped vault not priced; give a size with "
                    + "StandbyCost.storageEstimate");
            return;
        }
        lines.add(logicalId, TYPE, "backup:warm", gigabytes, StandbyCost.gb(gigabytes)
                + " GB of recovery points copied into the logically air-gapped vault (a second copy, at the warm storage rate)");
    }
}
