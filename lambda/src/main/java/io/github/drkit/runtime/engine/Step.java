package io.github.drkit.runtime.engine;

import java.util.List;
import java.util.function.Supplier;

/**
 * A step the planner computed from the plan and the live state: its name, the exact changes it makes, and
 * the work that makes them. A step with no changes is reported as NO_CHANGE and makes no call; a gate is a
 * step that always runs (its {@link #changes()} describe what it waits for).
 */
public record Step(String name, String resource, List<String> changes, Supplier<Result> apply, String noChangeDetail,
            boolean gate) {

    public Step {
        changes = List.copyOf(changes);
    }

    /** A step that makes {@code changes} (none: reported as NO_CHANGE with {@code noChangeDetail}, no call made). */
    public static Step change(String name, String resource, List<String> changes, Supplier<Result> apply, String noChangeDetail) {
        return new Step(name, resource, changes, apply, noChangeDetail, false);
    }

    /** A step that always runs and waits for what {@code waitsFor} lists; it counts as no change. */
    public static Step gate(String name, String resource, List<String> waitsFor, Supplier<Result> check) {
        return new Step(name, resource, waitsFor, check, null, true);
    }

    /** How a step's detail starts when the step found its change already made when it came to act. */
    public static final String BY_ANOTHER_RUN = "made by another run since this run read the state: ";

    /** What running a step produced. */
    public record Result(StepReport.Outcome outcome, String detail) {
        public static Result done(String detail) {
            return new Result(StepReport.Outcome.DONE, detail);
        }

        public static Result noChange(String detail) {
            return new Result(StepReport.Outcome.NO_CHANGE, detail);
        }

        /**
         * The step re-read its resource just before acting and found the change made since the run's first read: by
         * another run, or by a person. Nothing was sent; the report says who made it.
         */
        public static Result byAnotherRun(String detail) {
            return new Result(StepReport.Outcome.NO_CHANGE, BY_ANOTHER_RUN + detail);
        }

        /** The step could not do its work; the run stops after the stage. */
        public static Result failed(String detail) {
            return new Result(StepReport.Outcome.FAILED, detail);
        }

        static boolean isByAnotherRun(StepReport report) {
            return report.outcome() == StepReport.Outcome.NO_CHANGE && report.detail() != null
                    && report.detail().startsWith(BY_ANOTHER_RUN);
        }
    }
}
