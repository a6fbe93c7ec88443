package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Locale;
import java.util.Objects;

/**
 * An RDS cluster. Its instances are priced on their own ({@link DbInstancePricer}); what the cluster
 * adds is Aurora's storage, billed by the GB stored whether or not anything runs: priced from a size
 * given with {@code StandbyCost.storageEstimate}, else listed unpriced.
 */
final class DbClusterPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::RDS::DBCluster";
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        String engine = Objects.requireNonNullElse(str(r.property("Engine")), "").toLowerCase(Locale.ROOT);
        if (!engine.startsWith("aurora")) {
            r.unpriced("storage of a " + (engine.isEmpty() ? "" : engine + " ") + "Multi-AZ DB cluster is not in the price table");
            return;
        }
        boolean ioOptimized = "aurora-iopt1".equals(str(r.property("StorageType")));
        Double size = r.getStorageEstimateGb();
        if (size == null) {
            r.unpriced("Aurora storage not priced; give a size with StandbyCost.storageEstimate");
            return;
        }
        r.charge(ioOptimized ? "aurora:storage-iopt1" : "aurora:storage", size, gb(size) + " GB Aurora storage"
                + (ioOptimized ? " (I/O-Optimized)" : " (Standard; I/O requests not priced)"));
    }
}
