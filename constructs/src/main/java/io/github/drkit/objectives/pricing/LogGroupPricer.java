package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.num;

/**
 * A CloudWatch Logs log group: the log data it keeps is charged by the GB-month for as long as its
 * retention holds it, whether or not anything writes. Priced from a size given with
 * {@code StandbyCost.storageEstimate}, else listed unpriced. Ingestion follows use and is left out.
 */
final class LogGroupPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Logs::LogGroup";
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        Double size = r.getStorageEstimateGb();
        Double retention = num(r.property("RetentionInDays"));
        String kept = retention == null ? "kept forever" : "kept " + gb(retention) + " days";
        if (size == null) {
            r.unpriced("stored log data (" + kept + ") not priced; give a size with StandbyCost.storageEstimate");
            return;
        }
        r.charge("logs:storage", size, gb(size) + " GB of stored log data (" + kept + ")");
    }
}
