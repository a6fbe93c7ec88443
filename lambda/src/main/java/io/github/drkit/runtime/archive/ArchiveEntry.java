package io.github.drkit.runtime.archive;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One version of one archived object, as the catalog knows it.
 *
 * @param bucket             the archive bucket
 * @param key                the object key, decoded (as S3 stores it, not as an event carries it)
 * @param versionId          the version id, or {@code "null"} for an object written while versioning was off
 * @param size               the object size in bytes
 * @param storageClass       the S3 storage class, {@code STANDARD} when S3 reports none
 * @param eTag               the entity tag, without quotes
 * @param checksum           the strongest checksum S3 holds, as {@code ALGORITHM:base64}, or null
 * @param metadata           user metadata ({@code x-amz-meta-*}), names in lower case
 * @param tags               object tags
 * @param archivedAt         when the version was written (its Last-Modified)
 * @param restoreStatus      the restore state
 * @param restoreTier        the tier of the last restore started through the catalog, or null
 * @param restoreRequestedAt when that restore was started, or null
 * @param restoreExpiresAt   when the restored copy expires, or null
 * @param deletedAt          when a delete marker hid this key, or null while it is current or noncurrent
 */
public record ArchiveEntry(
        String bucket,
        String key,
        String versionId,
        long size,
        String storageClass,
        String eTag,
        String checksum,
        Map<String, String> metadata,
        Map<String, String> tags,
        Instant archivedAt,
        RestoreStatus restoreStatus,
        RestoreTier restoreTier,
        Instant restoreRequestedAt,
        Instant restoreExpiresAt,
        Instant deletedAt) {

    /** The version id S3 uses for objects written while versioning was off. */
    public static final String NULL_VERSION = "null";

    public ArchiveEntry {
        Objects.requireNonNull(key, "key");
        versionId = versionId == null || versionId.isEmpty() ? NULL_VERSION : versionId;
        storageClass = storageClass == null || storageClass.isEmpty() ? "STANDARD" : storageClass;
        metadata = Map.copyOf(metadata == null ? Map.of() : new TreeMap<>(metadata));
        tags = Map.copyOf(tags == null ? Map.of() : new TreeMap<>(tags));
        Objects.requireNonNull(archivedAt, "archivedAt");
        restoreStatus = restoreStatus == null ? RestoreStatus.NONE : restoreStatus;
    }

    /** Whether S3 keeps this storage class offline, so that a GET needs a restored copy first. */
    public boolean needsRestore() {
        return isOffline(storageClass);
    }

    /** Whether the bytes can be read now: online storage, or a restored copy that has not expired. */
    public boolean readable() {
        return !needsRestore() || restoreStatus == RestoreStatus.AVAILABLE;
    }

    static boolean isOffline(String storageClass) {
        return "GLACIER".equals(storageClass) || "DEEP_ARCHIVE".equals(storageClass)
                || storageClass.startsWith("INTELLIGENT_TIERING_");
    }

    public ArchiveEntry withRestore(RestoreStatus status, RestoreTier tier, Instant requestedAt, Instant expiresAt) {
        return new ArchiveEntry(bucket, key, versionId, size, storageClass, eTag, checksum, metadata, tags, archivedAt,
                status, tier, requestedAt, expiresAt, deletedAt);
    }

    public ArchiveEntry withDeletedAt(Instant at) {
        return new ArchiveEntry(bucket, key, versionId, size, storageClass, eTag, checksum, metadata, tags, archivedAt,
                restoreStatus, restoreTier, restoreRequestedAt, restoreExpiresAt, at);
    }
}
