package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.truthy;

/**
 * A customer managed KMS key: its monthly charge, and with automatic rotation the key material of its
 * first two rotations, each charged monthly like a key (later rotations add nothing). Priced at that
 * steady state, reached two rotation periods after creation.
 */
final class KmsKeyPricer implements ResourcePricer {
    /** AWS KMS charges the first and second rotation of a key's material; later ones are free. */
    static final int CHARGED_ROTATIONS = 2;

    @Override
    public String resourceType() {
        return "AWS::KMS::Key";
    }

    @Override
    public void price(PricedResource r) {
        r.charge("kms:key", 1, "customer managed key");
        if (truthy(r.property("EnableKeyRotation"))) {
            r.charge("kms:rotated-key-material", CHARGED_ROTATIONS, "automatic rotation: key material of its first "
                    + CHARGED_ROTATIONS + " rotations (later ones are free)");
        }
    }
}
