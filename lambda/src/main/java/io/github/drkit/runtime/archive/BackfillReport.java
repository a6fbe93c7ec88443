package io.github.drkit.runtime.archive;

/**
 * What a backfill did.
 *
 * @param listed         object versions read from the listing or the inventory report
 * @param indexed        versions written to the catalog
 * @param alreadyIndexed versions the catalog held already and a listing-only backfill left as they were
 * @param gone           versions listed that S3 no longer holds
 * @param deleteMarkers  delete markers seen; the keys they hide are marked deleted
 * @param truncated      true when {@code maxObjects} stopped the backfill before the end of the listing
 */
public record BackfillReport(long listed, long indexed, long alreadyIndexed, long gone, long deleteMarkers, boolean truncated) {
}
