package io.github.drkit.objectives.pricing;

/** A Lambda version: its provisioned concurrency, if it has any ({@link ProvisionedConcurrency}). */
final class LambdaVersionPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Lambda::Version";
    }

    @Override
    public void price(PricedResource r) {
        ProvisionedConcurrency.charge(r);
    }
}
