package io.github.drkit.runtime.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.RestoreObjectResponse;
import software.amazon.awssdk.services.s3.model.RestoreRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Starts restores of archived objects and tracks them in the catalog.
 *
 * <p>Before it asks S3, it reads the object's state: an object that needs no restore, an expedited restore
 * from Deep Archive, or a restore already running is refused with a message that says what to do instead.
 * A restore of an object that already has a restored copy extends that copy's expiry, as S3 does.
 */
public final class ArchiveRestore {
    /** The longest a restored copy can be kept, as S3 accepts it: about 100 years. */
    static final int MAX_DAYS = 36_500;

    private final ArchiveIndex index;
    private final ObjectInspector inspector;
    private final S3Client s3;
    private final Clock clock;
    private final String bucket;

    public ArchiveRestore(ArchiveIndex index, S3Client s3) {
        this(index, s3, Clock.systemUTC());
    }

    public ArchiveRestore(ArchiveIndex index, S3Client s3, Clock clock) {
        this(index, s3, clock, null);
    }

    private ArchiveRestore(ArchiveIndex index, S3Client s3, Clock clock, String bucket) {
        this.index = Objects.requireNonNull(index, "index");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.inspector = new ObjectInspector(s3, index);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bucket = bucket;
    }

    /**
     * The same, reading a key the catalog does not hold from {@code bucket} and indexing it first: what an inventory
     * search found in an archive the catalog does not (or not yet) index. Null: only keys in the catalog.
     */
    public ArchiveRestore withBucket(String bucket) {
        return new ArchiveRestore(index, s3, clock, bucket == null || bucket.isBlank() ? null : bucket);
    }

    /**
     * Starts a restore of one version (null: the newest) with a tier, keeping the restored copy for
     * {@code days}. Intelligent-Tiering's archive tiers ignore days: S3 moves the object back to its frequent
     * tier.
     */
    public RestoreResult start(String key, String versionId, RestoreTier tier, int days) {
        Objects.requireNonNull(tier, "tier");
        if (days < 1 || days > MAX_DAYS) {
            throw ArchiveException.invalid("restore: days must be between 1 and " + MAX_DAYS + " (got " + days + ")");
        }
        ArchiveEntry entry = current(key, versionId, "restore");
        if (!entry.needsRestore()) {
            throw new ArchiveException(ArchiveException.Reason.CONFLICT, "restore: '" + key + "' (version " + entry.versionId()
                    + ") is in storage class " + entry.storageClass() + " and readable without a restore; fetch it directly");
        }
        if (tier == RestoreTier.EXPEDITED && entry.storageClass().contains("DEEP_ARCHIVE")) {
            throw ArchiveException.invalid("restore: tier expedited is not available for " + entry.storageClass() + " ('" + key
                    + "'); use standard (within 12 hours) or bulk (within 48 hours)");
        }
        if (entry.restoreStatus() == RestoreStatus.IN_PROGRESS) {
            throw alreadyRunning(entry);
        }
        boolean intelligentTiering = entry.storageClass().startsWith("INTELLIGENT_TIERING_");
        RestoreRequest.Builder request = RestoreRequest.builder().glacierJobParameters(p -> p.tier(tier.sdkTier()));
        if (!intelligentTiering) {
            request.days(days);
        }
        String version = ArchiveEntry.NULL_VERSION.equals(entry.versionId()) ? null : entry.versionId();
        RestoreObjectResponse response;
        try {
            response = s3.restoreObject(b -> b.bucket(entry.bucket()).key(key).versionId(version).restoreRequest(request.build()));
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if ("RestoreAlreadyInProgress".equals(code)) {
                throw alreadyRunning(index.put(entry.withRestore(RestoreStatus.IN_PROGRESS, entry.restoreTier(),
                        entry.restoreRequestedAt(), null)));
            }
            if ("InvalidObjectState".equals(code)) {
                throw new ArchiveException(ArchiveException.Reason.CONFLICT, "restore: S3 refused to restore '" + key
                        + "': it is not in an archive storage class (" + e.awsErrorDetails().errorMessage() + ")", e);
            }
            throw e;
        }
        // 200: a restored copy existed and S3 moved its expiry; 202: a new restore started.
        boolean extended = response.sdkHttpResponse().statusCode() == 200;
        Instant now = clock.instant();
        ArchiveEntry after = inspector.inspect(entry.bucket(), key, entry.versionId()).orElse(entry);
        RestoreStatus status = after.restoreStatus() == RestoreStatus.NONE ? RestoreStatus.IN_PROGRESS : after.restoreStatus();
        ArchiveEntry stored = index.put(after.withDeletedAt(entry.deletedAt())
                .withRestore(status, tier, now, after.restoreExpiresAt()));
        return new RestoreResult(stored, extended);
    }

    /** The restore state of one version (null: the newest), read from S3 and written to the catalog. */
    public ArchiveEntry status(String key, String versionId) {
        return current(key, versionId, "status");
    }

    /** The catalog entry refreshed from S3; a version that left the bucket leaves the catalog too. */
    private ArchiveEntry current(String key, String versionId, String operation) {
        if (key == null || key.isEmpty()) {
            throw ArchiveException.invalid(operation + ": key is required");
        }
        ArchiveEntry known = known(index, inspector, bucket, key, versionId, operation);
        Optional<ArchiveEntry> fresh = inspector.inspect(known.bucket(), key, known.versionId());
        if (fresh.isEmpty()) {
            index.delete(key, known.versionId());
            throw new ArchiveException(ArchiveException.Reason.NOT_FOUND, operation + ": '" + key + "' (version "
                    + known.versionId() + ") is no longer in bucket " + known.bucket() + "; it was removed from the catalog");
        }
        return index.put(fresh.get());
    }

    /**
     * The catalog's entry of a version; one the catalog lacks is read from {@code bucket} (when given) and indexed, so
     * that restore and fetch work from an inventory search's results.
     */
    static ArchiveEntry known(ArchiveIndex index, ObjectInspector inspector, String bucket, String key, String versionId,
                              String operation) {
        Optional<ArchiveEntry> known = index.get(key, versionId);
        if (known.isPresent() || bucket == null) {
            return known.orElseThrow(() -> notInCatalog(operation, key, versionId));
        }
        return inspector.inspect(bucket, key, versionId).map(index::put).orElseThrow(() -> new ArchiveException(
                ArchiveException.Reason.NOT_FOUND, operation + ": key '" + key + "'" + (versionId == null ? "" : " version '"
                + versionId + "'") + " is neither in the catalog nor in bucket " + bucket + "; an inventory report lists what "
                + "the bucket held when it was taken, search again for its current keys"));
    }

    static ArchiveException notInCatalog(String operation, String key, String versionId) {
        return new ArchiveException(ArchiveException.Reason.NOT_FOUND, operation + ": key '" + key + "'"
                + (versionId == null ? "" : " version '" + versionId + "'") + " is not in the catalog; search by prefix "
                + "to find its exact key, or backfill objects archived before the catalog existed");
    }

    private static ArchiveException alreadyRunning(ArchiveEntry entry) {
        return new ArchiveException(ArchiveException.Reason.CONFLICT, "restore: a restore of '" + entry.key() + "' (version "
                + entry.versionId() + ") is already running" + (entry.restoreTier() == null ? "" : " with tier "
                + entry.restoreTier().name().toLowerCase(java.util.Locale.ROOT)) + (entry.restoreRequestedAt() == null ? ""
                : ", started " + entry.restoreRequestedAt()) + "; wait for it to complete (archive status shows it)");
    }
}
