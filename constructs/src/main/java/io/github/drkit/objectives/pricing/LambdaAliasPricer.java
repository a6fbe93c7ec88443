package io.github.drkit.objectives.pricing;

/** A Lambda alias: its provisioned concurrency, if it has any ({@link ProvisionedConcurrency}). */
final class LambdaAliasPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Lambda::Alias";
    }

    @Override
    public void price(PricedResource r) {
        ProvisionedConcurrency.charge(r);
    }
}
