package io.github.drkit.objectives;

import io.github.drkit.internal.protection.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.constructs.IConstruct;

/**
 * The recovery estimates found under a scope, set against the objectives that govern it. The
 * scope's RTO is its slowest estimator's and its RPO its worst: each estimator's estimate covers the
 * whole recovery path of what it protects, and those paths run in parallel, so the slowest one
 * decides when service is back.
 *
 * <p>An estimate with no RTO terms (or no RPO terms) does not speak to that objective, e.g. a
 * replication link bounds data loss but restores nothing. An RPO of zero is stated with a zero
 * term, e.g. {@link EstimateTerms#synchronousReplication(String)}.
 *
 * <p>A construct that adds time to a recovery ({@link AddedRecoveryTime}: a failover plan's approvals and custom
 * actions) is assessed as that recovery's terms followed by its own.
 */
public final class ObjectivesAssessment {
    private final String scopePath;
    private final RecoveryObjectives objectives;
    private final List<RecoveryEstimate> estimates;
    private final List<String> estimatorErrors;

    private ObjectivesAssessment(String scopePath, RecoveryObjectives objectives, List<RecoveryEstimate> estimates,
            List<String> estimatorErrors) {
        this.scopePath = scopePath;
        this.objectives = objectives;
        this.estimates = List.copyOf(estimates);
        this.estimatorErrors = List.copyOf(estimatorErrors);
    }

    /** Assesses a scope against the objectives declared on it or its nearest ancestor (none is allowed). */
    public static ObjectivesAssessment of(IConstruct scope) {
        return of(scope, RecoveryObjectives.of(scope));
    }

    /** Assesses a scope against the given objectives (null: only gathers the estimates). */
    public static ObjectivesAssessment of(IConstruct scope, RecoveryObjectives objectives) {
        Objects.requireNonNull(scope, "scope");
        Map<IConstruct, RecoveryEstimate> byEstimator = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (IConstruct c : scope.getNode().findAll()) {
            if (!(c instanceof RecoveryEstimator)) {
                continue;
            }
            String path = RecoveryObjectives.pathOf(c);
            try {
                RecoveryEstimate e = ((RecoveryEstimator) c).recoveryEstimate();
                if (e == null) {
                    errors.add("'" + path + "' (" + c.getClass().getSimpleName() + ") returned no recovery estimate");
                } else {
                    byEstimator.put(c, e);
                }
            } catch (RuntimeException ex) {
                errors.add("'" + path + "' (" + c.getClass().getSimpleName() + ") could not estimate its recovery: "
                        + ex.getMessage());
            }
        }
        List<RecoveryEstimate> estimates = new ArrayList<>(byEstimator.values());
        for (IConstruct c : scope.getNode().findAll()) {
            if (!(c instanceof AddedRecoveryTime)) {
                continue;
            }
            try {
                RecoveryEstimate added = ((AddedRecoveryTime) c).addedRecoveryTime();
                if (added != null && !added.rtoTerms().isEmpty()) {
                    estimates.add(lengthened(added, base(c, byEstimator)));
                }
            } catch (RuntimeException ex) {
                errors.add("'" + RecoveryObjectives.pathOf(c) + "' (" + c.getClass().getSimpleName() + ") could not estimate the time it"
                        + " adds: " + ex.getMessage());
            }
        }
        return new ObjectivesAssessment(RecoveryObjectives.pathOf(scope), objectives, estimates, errors);
    }

    /**
     * The recovery that added time lengthens: the estimator the construct belongs to, else the slowest estimator with
     * RTO terms (its steps run in that recovery's plan); null when there is none.
     */
    private static RecoveryEstimate base(IConstruct added, Map<IConstruct, RecoveryEstimate> byEstimator) {
        List<IConstruct> scopes = added.getNode().getScopes();
        for (int i = scopes.size() - 2; i >= 0; i--) {
            RecoveryEstimate enclosing = byEstimator.get(scopes.get(i));
            if (enclosing != null) {
                return enclosing;
            }
        }
        return byEstimator.values().stream().filter(e -> !e.rtoTerms().isEmpty())
                .max(Comparator.comparing(RecoveryEstimate::rto)).orElse(null);
    }

    /** The base recovery's RTO terms followed by the added ones, under the adding construct's name. */
    private static RecoveryEstimate lengthened(RecoveryEstimate added, RecoveryEstimate base) {
        if (base == null) {
            return added;
        }
        List<EstimateTerm> terms = new ArrayList<>(base.rtoTerms());
        terms.addAll(added.rtoTerms());
        return RecoveryEstimate.builder().source(added.source() + " (its plan's approvals and actions after '" + base.source() + "')")
                .strategy(base.strategy()).rtoTerms(terms).rpoTerms(List.of()).build();
    }

    public String scopePath() {
        return scopePath;
    }

    /** The objectives assessed against, or null when none governs the scope. */
    public RecoveryObjectives objectives() {
        return objectives;
    }

    public List<RecoveryEstimate> estimates() {
        return estimates;
    }

    /**
     * The strategy of the scope: the fastest among its estimates, since the faster strategy's
     * standby is what the scope pays for; null when nothing estimates.
     */
    public DrStrategy strategy() {
        return estimates.stream().map(RecoveryEstimate::strategy).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The estimate that decides the RTO (the slowest), or null when none has RTO terms. */
    public RecoveryEstimate rtoEstimate() {
        return estimates.stream().filter(e -> !e.rtoTerms().isEmpty())
                .max(Comparator.comparing(RecoveryEstimate::rto)).orElse(null);
    }

    /** The scope's RTO estimate, or null when nothing estimates one. */
    public Duration rto() {
        RecoveryEstimate e = rtoEstimate();
        return e == null ? null : e.rto();
    }

    /** The estimate that decides the RPO: the first unbounded one, else the worst bounded one; or null. */
    public RecoveryEstimate rpoEstimate() {
        return estimates.stream().filter(e -> !e.rpoBounded()).findFirst()
                .orElseGet(() -> estimates.stream().filter(e -> !e.rpoTerms().isEmpty())
                        .max(Comparator.comparing(RecoveryEstimate::rpo)).orElse(null));
    }

    /** False when any estimate has an unbounded RPO. */
    public boolean rpoBounded() {
        return estimates.stream().allMatch(RecoveryEstimate::rpoBounded);
    }

    /** The scope's RPO estimate; null when it is unbounded or nothing estimates one. */
    public Duration rpo() {
        RecoveryEstimate e = rpoEstimate();
        return e == null || !e.rpoBounded() ? null : e.rpo();
    }

    /** Whether the RTO estimate meets the objective; null when no RTO objective is declared. */
    public Boolean rtoMet() {
        if (objectives == null || objectives.getRto() == null) {
            return null;
        }
        Duration rto = rto();
        return rto != null && rto.compareTo(Durations.toJava(objectives.getRto())) <= 0;
    }

    /** Whether the RPO estimate meets the objective; null when no RPO objective is declared. */
    public Boolean rpoMet() {
        if (objectives == null || objectives.getRpo() == null) {
            return null;
        }
        Duration rpo = rpo();
        return rpo != null && rpo.compareTo(Durations.toJava(objectives.getRpo())) <= 0;
    }

    /** One message per unmet objective and estimator; empty when every declared objective is met. */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        String prefix = "RecoveryObjectives on '" + scopePath + "': ";
        estimatorErrors.forEach(e -> out.add(prefix + e));
        if (objectives == null) {
            return out;
        }
        if (estimates.isEmpty() && estimatorErrors.isEmpty()) {
            out.add(prefix + "no construct under it estimates its recovery (none implements RecoveryEstimator), so "
                    + objectives + " cannot be checked; add the drkit constructs that protect it, or remove the objectives");
            return out;
        }
        if (objectives.getRto() != null) {
            checkRto(prefix, Durations.toJava(objectives.getRto()), out);
        }
        if (objectives.getRpo() != null) {
            checkRpo(prefix, Durations.toJava(objectives.getRpo()), out);
        }
        return out;
    }

    private void checkRto(String prefix, Duration objective, List<String> out) {
        List<RecoveryEstimate> withRto = estimates.stream().filter(e -> !e.rtoTerms().isEmpty()).collect(Collectors.toList());
        if (withRto.isEmpty() && estimatorErrors.isEmpty()) {
            out.add(prefix + "RTO objective " + Format.duration(objective) + " cannot be checked: no construct under it "
                    + "estimates an RTO (" + sources(estimates) + " estimate only data loss)");
            return;
        }
        for (RecoveryEstimate e : withRto) {
            if (e.rto().compareTo(objective) > 0) {
                out.add(prefix + "RTO objective " + Format.duration(objective) + " is not met by '" + e.source() + "' ("
                        + e.strategy() + "): estimate " + Format.duration(e.rto()) + " =\n"
                        + terms(e.rtoTerms()) + advice(e.rtoTerms(), objective, e.strategy(), true));
            }
        }
    }

    private void checkRpo(String prefix, Duration objective, List<String> out) {
        boolean anySpeaks = false;
        for (RecoveryEstimate e : estimates) {
            if (!e.rpoBounded()) {
                anySpeaks = true;
                out.add(prefix + "RPO objective " + Format.duration(objective) + " cannot be met by '" + e.source()
                        + "' (" + e.strategy() + "): its RPO has no bound: " + e.rpoUnboundedReason());
            } else if (!e.rpoTerms().isEmpty()) {
                anySpeaks = true;
                if (e.rpo().compareTo(objective) > 0) {
                    out.add(prefix + "RPO objective " + Format.duration(objective) + " is not met by '" + e.source()
                            + "' (" + e.strategy() + "): estimate " + Format.duration(e.rpo()) + " =\n"
                            + terms(e.rpoTerms()) + advice(e.rpoTerms(), objective, e.strategy(), false));
                }
            }
        }
        if (!anySpeaks && estimatorErrors.isEmpty()) {
            out.add(prefix + "RPO objective " + Format.duration(objective) + " cannot be checked: no construct under it "
                    + "estimates an RPO (" + sources(estimates) + " estimate only recovery time)");
        }
    }

    private static String sources(List<RecoveryEstimate> estimates) {
        return estimates.stream().map(e -> "'" + e.source() + "'").collect(Collectors.joining(", "));
    }

    /** One line per term: "  + 1 min 30 s  failure detection: basis [prop]". */
    static String terms(List<EstimateTerm> terms) {
        int width = terms.stream().mapToInt(t -> Format.duration(t.duration()).length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            EstimateTerm t = terms.get(i);
            String d = Format.duration(t.duration());
            b.append(i == 0 ? "    " : "  + ").append(d).append(" ".repeat(width - d.length())).append("  ")
                    .append(t.name()).append(": ").append(t.basis());
            if (t.prop() != null) {
                b.append(" [").append(t.prop()).append(']');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Names the props to change, largest term first, and says when no prop can be enough. */
    private static String advice(List<EstimateTerm> terms, Duration objective, DrStrategy strategy, boolean rto) {
        List<EstimateTerm> changeable = terms.stream().filter(t -> t.prop() != null && !t.duration().isZero())
                .sorted(Comparator.comparing(EstimateTerm::duration).reversed()).collect(Collectors.toList());
        Duration fixed = terms.stream().filter(t -> t.prop() == null).map(EstimateTerm::duration)
                .reduce(Duration.ZERO, Duration::plus);
        StringBuilder b = new StringBuilder("  ");
        if (!changeable.isEmpty()) {
            b.append("To shorten it, change ").append(changeable.stream()
                    .map(t -> t.prop() + " (" + t.name() + ", " + Format.duration(t.duration()) + ")")
                    .collect(Collectors.joining(", then "))).append('.');
        }
        if (fixed.compareTo(objective) > 0 || changeable.isEmpty()) {
            if (!changeable.isEmpty()) {
                b.append(' ');
            }
            b.append("The terms no prop governs already take ").append(Format.duration(fixed))
                    .append(", so no setting of this construct meets ").append(Format.duration(objective)).append(": ");
            DrStrategy faster = strategy.faster();
            if (rto && faster != null) {
                b.append("choose a faster strategy (").append(faster).append(", RTO ").append(faster.typicalRto())
                        .append(") or relax the objective.");
            } else {
                b.append("relax the objective.");
            }
        }
        return b.toString();
    }
}
