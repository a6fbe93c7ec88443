package io.github.drkit.runtime.archive;

/** Where an archived object stands with respect to a restore, as S3 reports it in {@code x-amz-restore}. */
public enum RestoreStatus {
    /** No restore requested, or the restored copy has expired. */
    NONE,
    /** A restore request is running; the object is not readable yet. */
    IN_PROGRESS,
    /** A restored copy is readable until its expiry. */
    AVAILABLE
}
