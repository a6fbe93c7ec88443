package io.github.drkit.runtime.aws.api;

import java.time.Instant;

/**
 * An EBS snapshot as the runtime reads it.
 *
 * @param state     {@code pending}, {@code completed}, {@code error} ...
 * @param startTime when the snapshot was started; for a copy, when the copy was (EC2 keeps no time of the source snapshot)
 * @param sizeGiB   the size of the volume it was taken of
 */
public record EbsSnapshot(String snapshotId, String state, Instant startTime, Long sizeGiB) {
}
