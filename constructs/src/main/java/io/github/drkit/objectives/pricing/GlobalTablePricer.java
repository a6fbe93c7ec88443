package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.List;

/**
 * A DynamoDB global table: each replica stores a full copy of the data, billed by the GB stored whether or not anything
 * reads it; priced from a size given with {@code StandbyCost.storageEstimate} (per replica), else listed unpriced.
 * On-demand requests and replicated writes are usage, out of scope; provisioned capacity is not in the price table.
 */
final class GlobalTablePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::DynamoDB::GlobalTable";
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        Object replicas = r.property("Replicas");
        int copies = replicas instanceof List<?> list ? list.size() : 0;
        if (copies == 0) {
            r.unpriced("Replicas is not a literal list");
            return;
        }
        if (!"PAY_PER_REQUEST".equals(str(r.property("BillingMode")))) {
            r.unpriced("provisioned write capacity of " + copies + " replica(s) is not in the price table");
            return;
        }
        Double size = r.getStorageEstimateGb();
        if (size == null) {
            r.unpriced("stored data of " + copies + " replica(s) not priced; give a size with StandbyCost.storageEstimate");
            return;
        }
        r.charge("dynamodb:storage", copies * size, copies + " replica(s) x " + gb(size) + " GB DynamoDB Standard storage"
                + " (on demand: requests and replicated writes are usage, not priced)");
    }
}
