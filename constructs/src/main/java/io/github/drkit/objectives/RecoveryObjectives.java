package io.github.drkit.objectives;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;
import java.util.Objects;
import java.util.List;
import software.constructs.Construct;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * The recovery time objective (RTO) and recovery point objective (RPO) a stack or a construct must
 * meet. Declared on a scope with {@link #applyTo(Construct)}, they are checked when the app
 * synthesizes: every {@link RecoveryEstimator} under the scope must reach them, or {@code cdk synth}
 * fails with a message that lists the estimate's terms and the props that shorten them.
 *
 * <pre>{@code
 * RecoveryObjectives.builder()
 *         .rto(Duration.minutes(30))
 *         .rpo(Duration.minutes(15))
 *         .build()
 *         .applyTo(stack);
 * }</pre>
 */
public final class RecoveryObjectives {
    /** The id of the child construct that records a declaration in the tree; a public contract. */
    public static final String DECLARATION_ID = "DrkitRecoveryObjectives";

    private final Duration rto;
    private final Duration rpo;

    private RecoveryObjectives(Builder b) {
        if (b.rto == null && b.rpo == null) {
            throw new IllegalArgumentException("RecoveryObjectives: set rto, rpo or both (got neither)");
        }
        requirePositive("rto", b.rto);
        requirePositive("rpo", b.rpo);
        this.rto = b.rto;
        this.rpo = b.rpo;
    }

    /** The objectives are checked at synth time, so each must be known then, and above zero. */
    private static void requirePositive(String field, Duration value) {
        if (value != null && Durations.requireKnown("RecoveryObjectives", field, value).isZero()) {
            throw new IllegalArgumentException("RecoveryObjectives: " + field + " must be greater than zero (got "
                    + value.toHumanString() + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The recovery time objective, or null when only an RPO is declared. */
    public Duration getRto() {
        return rto;
    }

    /** The recovery point objective, or null when only an RTO is declared. */
    public Duration getRpo() {
        return rpo;
    }

    /**
     * Declares these objectives on a scope (a Stack or any construct) and adds the synth-time check
     * to it. A scope takes one declaration; a nested scope may declare its own, and then both apply
     * to the constructs under it.
     *
     * @return the scope, for chaining
     * @throws IllegalStateException if the scope already has objectives
     */
    public <T extends Construct> T applyTo(T scope) {
        Objects.requireNonNull(scope, "scope");
        Node node = scope.getNode();
        if (node.tryFindChild(DECLARATION_ID) != null) {
            throw new IllegalStateException("RecoveryObjectives: objectives are already declared on '"
                    + pathOf(scope) + "'; declare them once per scope");
        }
        new ObjectivesDeclaration(scope, DECLARATION_ID, this);
        node.addValidation(() -> ObjectivesAssessment.of(scope, this).violations());
        return scope;
    }

    /** The objectives declared on this scope itself, or null. */
    public static RecoveryObjectives declaredOn(IConstruct scope) {
        Object child = scope.getNode().tryFindChild(DECLARATION_ID);
        return child instanceof ObjectivesDeclaration ? ((ObjectivesDeclaration) child).objectives() : null;
    }

    /** The objectives that govern a construct: those on it or on its nearest ancestor; null if none. */
    public static RecoveryObjectives of(IConstruct construct) {
        List<IConstruct> scopes = construct.getNode().getScopes();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            RecoveryObjectives declared = declaredOn(scopes.get(i));
            if (declared != null) {
                return declared;
            }
        }
        return null;
    }

    static String pathOf(IConstruct c) {
        String path = c.getNode().getPath();
        return path.isEmpty() ? "<app>" : path;
    }

    @Override
    public String toString() {
        return "RTO " + Format.duration(rto == null ? null : Durations.toJava(rto)) + ", RPO "
                + Format.duration(rpo == null ? null : Durations.toJava(rpo));
    }

    public static final class Builder {
        private Duration rto;
        private Duration rpo;

        private Builder() {
        }

        /**
         * The longest acceptable time from a failure to service restored.
         *
         * @default no RTO objective (only the RPO is checked)
         */
        public Builder rto(Duration rto) {
            this.rto = rto;
            return this;
        }


        /**
         * The largest acceptable window of data loss, measured back from the failure.
         *
         * @default no RPO objective (only the RTO is checked)
         */
        public Builder rpo(Duration rpo) {
            this.rpo = rpo;
            return this;
        }


        public RecoveryObjectives build() {
            return new RecoveryObjectives(this);
        }
    }
}
