package io.github.drkit.runtime.archive;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Reads what S3 knows about one object version (HeadObject and GetObjectTagging) into an entry. The
 * indexer and the backfill both go through here, so that an entry means the same whichever wrote it.
 */
public final class ObjectInspector {
    private static final Pattern ONGOING = Pattern.compile("ongoing-request=\"(true|false)\"");
    private static final Pattern EXPIRY = Pattern.compile("expiry-date=\"([^\"]+)\"");

    private final S3Client s3;
    private final ArchiveIndex catalog;

    public ObjectInspector(S3Client s3) {
        this(s3, null);
    }

    /**
     * With a catalog: when S3 refuses to read the tags of an archived object (some S3-compatible stores
     * answer InvalidObjectState), the tags the catalog read earlier, while the object was online, are kept.
     */
    public ObjectInspector(S3Client s3, ArchiveIndex catalog) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.catalog = catalog;
    }

    /**
     * The entry for a version as S3 has it now, or empty when the version is gone. {@code versionId} null reads
     * the current version and records the version id S3 reports; {@code "null"} is the version of an object
     * written while versioning was off.
     */
    public Optional<ArchiveEntry> inspect(String bucket, String key, String versionId) {
        String version = ArchiveEntry.NULL_VERSION.equals(versionId) ? null : versionId;
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key).versionId(version).checksumMode(ChecksumMode.ENABLED));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        // A version asked for is the version recorded ("null" included); otherwise the one S3 reports.
        String recorded = versionId != null ? versionId : head.versionId();
        Map<String, String> tags = tags(bucket, key, version, recorded);
        RestoreState restore = parseRestore(head.restore());
        String storageClass = head.storageClassAsString();
        if (head.archiveStatusAsString() != null) {
            // Intelligent-Tiering's archive tiers need a restore as Glacier does; record them as such.
            storageClass = "INTELLIGENT_TIERING_" + head.archiveStatusAsString();
        }
        return Optional.of(new ArchiveEntry(bucket, key, recorded,
                head.contentLength(), storageClass, unquote(head.eTag()), checksum(head),
                head.metadata(), tags, head.lastModified(),
                restore.status(), null, null, restore.expiresAt(), null));
    }

    private Map<String, String> tags(String bucket, String key, String version, String catalogVersion) {
        Map<String, String> tags = new HashMap<>();
        try {
            for (Tag tag : s3.getObjectTagging(b -> b.bucket(bucket).key(key).versionId(version)).tagSet()) {
                tags.put(tag.key(), tag.value());
            }
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (!"InvalidObjectState".equals(code) || catalog == null) {
                throw e;
            }
            catalog.get(key, catalogVersion == null ? ArchiveEntry.NULL_VERSION : catalogVersion)
                    .ifPresent(known -> tags.putAll(known.tags()));
        }
        return tags;
    }

    /** What the {@code x-amz-restore} header says, as S3 documents it. */
    record RestoreState(RestoreStatus status, Instant expiresAt) {
    }

    static RestoreState parseRestore(String header) {
        if (header == null || header.isBlank()) {
            return new RestoreState(RestoreStatus.NONE, null);
        }
        Matcher ongoing = ONGOING.matcher(header);
        if (ongoing.find() && "true".equals(ongoing.group(1))) {
            return new RestoreState(RestoreStatus.IN_PROGRESS, null);
        }
        Matcher expiry = EXPIRY.matcher(header);
        Instant expiresAt = null;
        if (expiry.find()) {
            try {
                expiresAt = ZonedDateTime.parse(expiry.group(1), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                expiresAt = null;
            }
        }
        return new RestoreState(RestoreStatus.AVAILABLE, expiresAt);
    }

    private static String checksum(HeadObjectResponse head) {
        if (head.checksumSHA256() != null) {
            return "SHA256:" + head.checksumSHA256();
        }
        if (head.checksumSHA1() != null) {
            return "SHA1:" + head.checksumSHA1();
        }
        if (head.checksumCRC64NVME() != null) {
            return "CRC64NVME:" + head.checksumCRC64NVME();
        }
        if (head.checksumCRC32C() != null) {
            return "CRC32C:" + head.checksumCRC32C();
        }
        if (head.checksumCRC32() != null) {
            return "CRC32:" + head.checksumCRC32();
        }
        return null;
    }

    static String unquote(String eTag) {
        if (eTag == null) {
            return null;
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
