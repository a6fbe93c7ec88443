package io.github.drkit.objectives;

import software.constructs.Construct;

/**
 * Records a {@link RecoveryObjectives} declaration in the construct tree, so that the summary and
 * nested scopes find it by walking the tree. It synthesizes to nothing.
 */
final class ObjectivesDeclaration extends Construct {
    private final RecoveryObjectives objectives;

    ObjectivesDeclaration(Construct scope, String id, RecoveryObjectives objectives) {
        super(scope, id);
        this.objectives = objectives;
    }

    RecoveryObjectives objectives() {
        return objectives;
    }
}
