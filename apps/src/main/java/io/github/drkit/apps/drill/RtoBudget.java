package io.github.drkit.apps.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.ObjectivesAssessment;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryObjectives;
import software.constructs.IConstruct;

/**
 * The RTO budget of one strategy as the objectives check computed it at synth time: the terms of the
 * slowest recovery estimate in the strategy's stacks that has an orchestration term (the recovery the
 * drill runs; else the slowest of all), and the RTO objective declared on them.
 *
 * <p>A drill can measure one part of an RTO: the orchestration, the recovery engine's run. Every other
 * term is time an emulator cannot reproduce (health-check detection, alarm evaluation, DNS propagation
 * and TTL, instance boot, application warm-up, data promotion) or time people take (the decision to fail
 * over); the drill takes those from the budget as they are. A term is orchestration when its name says so,
 * e.g. "failover orchestration".
 *
 * @param source      the construct path of the estimate that decides the RTO; null when nothing estimates
 * @param terms       every RTO term of that estimate, in order
 * @param objective   the declared RTO; null when none is declared
 */
public record RtoBudget(String source, String strategy, List<Term> terms, Duration objective) {
    /** One term of the budget; {@code physical} is false only for the orchestration the drill measures. */
    public record Term(String name, Duration duration, String basis, String prop, boolean physical) {
    }

    static boolean isOrchestration(String termName) {
        return termName.toLowerCase(Locale.ROOT).contains("orchestration");
    }

    public RtoBudget {
        terms = List.copyOf(terms);
    }

    /** Reads the budget of the constructs under the given stacks (the synthesized app's construct tree). */
    public static RtoBudget of(List<? extends IConstruct> stacks) {
        RecoveryEstimate slowest = null;
        RecoveryEstimate slowestRun = null;
        Duration objective = null;
        for (IConstruct stack : stacks) {
            ObjectivesAssessment assessment = ObjectivesAssessment.of(stack);
            RecoveryEstimate e = assessment.rtoEstimate();
            if (e != null && (slowest == null || e.rto().compareTo(slowest.rto()) > 0)) {
                slowest = e;
            }
            for (RecoveryEstimate run : assessment.estimates()) {
                if (run.rtoTerms().stream().anyMatch(t -> isOrchestration(t.name()))
                        && (slowestRun == null || run.rto().compareTo(slowestRun.rto()) > 0)) {
                    slowestRun = run;
                }
            }
            RecoveryObjectives declared = RecoveryObjectives.of(stack);
            if (declared == null) {
                // Objectives may be declared on a construct inside the stack rather than on the stack.
                for (IConstruct c : stack.getNode().findAll()) {
                    RecoveryObjectives inner = RecoveryObjectives.declaredOn(c);
                    if (inner != null && inner.getRto() != null) {
                        declared = inner;
                        break;
                    }
                }
            }
            Duration declaredRto = declared == null || declared.getRto() == null ? null
                    : Duration.ofSeconds(declared.getRto().toSeconds().longValue());
            if (declaredRto != null && (objective == null || declaredRto.compareTo(objective) < 0)) {
                objective = declaredRto;
            }
        }
        // The recovery the drill runs is the estimate with an orchestration term; a slower one without it (e.g. an
        // archive's retrieval from Deep Archive) is no part of that run.
        if (slowestRun != null) {
            slowest = slowestRun;
        }
        if (slowest == null) {
            return new RtoBudget(null, null, List.of(), objective);
        }
        List<Term> terms = new ArrayList<>();
        for (EstimateTerm t : slowest.rtoTerms()) {
            terms.add(new Term(t.name(), t.duration(), t.basis(), t.prop(), !isOrchestration(t.name())));
        }
        return new RtoBudget(slowest.source(), slowest.strategy().name(), terms, objective);
    }

    public boolean hasEstimate() {
        return source != null;
    }

    public Duration physical() {
        return terms.stream().filter(Term::physical).map(Term::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The estimate's own allowance for orchestration: its non-physical terms; zero when it has none. */
    public Duration orchestrationTerms() {
        return terms.stream().filter(t -> !t.physical()).map(Term::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration estimate() {
        return terms.stream().map(Term::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * What the orchestration may take: the estimate's orchestration terms when it has any; else what the
     * declared objective leaves after the physical terms; null when neither exists.
     */
    public Duration orchestrationAllowance() {
        if (terms.stream().anyMatch(t -> !t.physical())) {
            return orchestrationTerms();
        }
        if (objective != null) {
            Duration left = objective.minus(physical());
            return left.isNegative() ? Duration.ZERO : left;
        }
        return null;
    }

    /** Where {@link #orchestrationAllowance()} comes from, in words. */
    public String allowanceBasis() {
        if (terms.stream().anyMatch(t -> !t.physical())) {
            return "the estimate's orchestration terms";
        }
        if (objective != null) {
            return "RTO objective " + Durations.format(objective) + " minus the physical terms " + Durations.format(physical());
        }
        return "no orchestration term and no RTO objective: nothing to measure against";
    }
}
