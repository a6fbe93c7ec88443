package io.github.drkit.objectives.pricing;

/** A Secrets Manager secret: its monthly charge (API calls are usage). */
final class SecretPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::SecretsManager::Secret";
    }

    @Override
    public void price(PricedResource r) {
        r.charge("secretsmanager:secret", 1, "secret");
    }
}
