package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.gb;

/**
 * A Data Lifecycle Manager policy: the EBS snapshots (or AMIs' snapshots) it keeps, and the copies it
 * makes in other Regions, are charged by the GB-month. Priced from the size of the snapshots it keeps
 * in its own Region, given with {@code StandbyCost.storageEstimate}, once more per cross-Region copy
 * target (at this Region's rate); else listed unpriced.
 */
final class LifecyclePolicyPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::DLM::LifecyclePolicy";
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        int copies = 0;
        for (Object schedule : asList(asMap(r.property("PolicyDetails")).get("Schedules"))) {
            copies = Math.max(copies, asList(asMap(schedule).get("CrossRegionCopyRules")).size());
        }
        String copied = copies == 0 ? "" : " and " + copies + " cross-Region cop" + (copies == 1 ? "y" : "ies");
        Double size = r.getStorageEstimateGb();
        if (size == null) {
            r.unpriced("snapshots it keeps" + copied + " not priced; give their size with StandbyCost.storageEstimate");
            return;
        }
        r.charge("ebs:snapshot", size * (1 + copies), gb(size) + " GB of snapshots" + copied);
    }
}
