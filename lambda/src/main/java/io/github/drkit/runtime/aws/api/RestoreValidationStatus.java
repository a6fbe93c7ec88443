package io.github.drkit.runtime.aws.api;

/** The validation status a restore testing job can be given (AWS Backup's RestoreValidationStatus). */
public enum RestoreValidationStatus {
    /** The restored resource was checked and is what a restore should produce. */
    SUCCESSFUL,
    /** The restored resource is missing or not in a usable state, or it could not be checked. */
    FAILED,
    /** The restored resource did not reach a usable state before the validator had to stop waiting. */
    TIMED_OUT,
    /** Validation has started and the restored resource is not settled yet. */
    VALIDATING
}
