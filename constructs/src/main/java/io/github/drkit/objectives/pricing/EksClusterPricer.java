package io.github.drkit.objectives.pricing;

/**
 * An EKS cluster: its control plane's hourly fee while the Kubernetes version is in standard support. A version in
 * extended support costs more (see the EKS pricing page); the template does not say when that starts, so the summary
 * states the standard fee. The nodes are priced with their node groups.
 */
final class EksClusterPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EKS::Cluster";
    }

    @Override
    public void price(PricedResource r) {
        r.charge("eks:cluster", 1, "EKS control plane (standard support)");
    }
}
