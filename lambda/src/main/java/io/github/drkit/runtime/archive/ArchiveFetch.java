package io.github.drkit.runtime.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Reads an archived object, whole or a byte range, once it is readable.
 *
 * <p>The range is checked against the size the catalog holds before S3 is called, so that a range outside the
 * object gets a message with the object's size rather than S3's bare 416. A whole-object read asks S3 to
 * validate the stored checksum, so that the bytes written are the bytes archived.
 */
public final class ArchiveFetch {
    private final ArchiveIndex index;
    private final S3Client s3;
    private final ObjectInspector inspector;
    private final String bucket;

    public ArchiveFetch(ArchiveIndex index, S3Client s3) {
        this(index, s3, null);
    }

    private ArchiveFetch(ArchiveIndex index, S3Client s3, String bucket) {
        this.index = Objects.requireNonNull(index, "index");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.inspector = new ObjectInspector(s3, index);
        this.bucket = bucket;
    }

    /**
     * The same, reading a key the catalog does not hold from {@code bucket} and indexing it first: what an inventory
     * search found. Null: only keys in the catalog.
     */
    public ArchiveFetch withBucket(String bucket) {
        return new ArchiveFetch(index, s3, bucket == null || bucket.isBlank() ? null : bucket);
    }

    /** Writes one version (null: the newest), or the given range of it (null: all of it), to {@code out}. */
    public FetchResult fetch(String key, String versionId, ByteRange range, OutputStream out) {
        Objects.requireNonNull(out, "out");
        ArchiveEntry entry = entry(key, versionId, "fetch");
        ByteRange exact = range == null ? null : range.resolve(entry.size(), key);
        GetObjectRequest request = request(entry, exact);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request)) {
            long written = copy(in, out);
            long expected = exact == null ? in.response().contentLength() : exact.length();
            if (written != expected) {
                throw new IllegalStateException("fetch: S3 sent " + written + " bytes of '" + key + "', expected " + expected);
            }
            return new FetchResult(entry, exact, written);
        } catch (S3Exception e) {
            throw translate(e, entry);
        } catch (IOException e) {
            throw new UncheckedIOException("fetch: could not write '" + key + "'", e);
        }
    }

    /**
     * A presigned GET for one version or range, for callers that cannot take the bytes through a Lambda
     * response (6 MB at most). The caller sends the returned request's signed headers, Range included.
     */
    public PresignedGetObjectRequest presign(S3Presigner presigner, String key, String versionId, ByteRange range, Duration validity) {
        ArchiveEntry entry = entry(key, versionId, "fetch");
        ByteRange exact = range == null ? null : range.resolve(entry.size(), key);
        return presigner.presignGetObject(p -> p.signatureDuration(validity).getObjectRequest(request(entry, exact)));
    }

    private ArchiveEntry entry(String key, String versionId, String operation) {
        if (key == null || key.isEmpty()) {
            throw ArchiveException.invalid(operation + ": key is required");
        }
        ArchiveEntry entry = ArchiveRestore.known(index, inspector, bucket, key, versionId, operation);
        if (!entry.readable()) {
            // The catalog may lag S3 (a restore completed a second ago): ask S3 before refusing.
            entry = inspector.inspect(entry.bucket(), key, entry.versionId()).map(index::put).orElse(entry);
            if (!entry.readable()) {
                throw notReadable(entry);
            }
        }
        return entry;
    }

    private static GetObjectRequest request(ArchiveEntry entry, ByteRange exact) {
        GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(entry.bucket()).key(entry.key())
                .versionId(ArchiveEntry.NULL_VERSION.equals(entry.versionId()) ? null : entry.versionId());
        if (exact != null) {
            b.range(exact.header());
        } else {
            b.checksumMode(ChecksumMode.ENABLED);
        }
        return b.build();
    }

    private RuntimeException translate(S3Exception e, ArchiveEntry entry) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ("InvalidObjectState".equals(code)) {
            ArchiveEntry fresh = inspector.inspect(entry.bucket(), entry.key(), entry.versionId()).map(index::put).orElse(entry);
            return notReadable(fresh.readable() ? fresh.withRestore(RestoreStatus.NONE, null, null, null) : fresh);
        }
        if (e.statusCode() == 404) {
            index.delete(entry.key(), entry.versionId());
            return new ArchiveException(ArchiveException.Reason.NOT_FOUND, "fetch: '" + entry.key() + "' (version "
                    + entry.versionId() + ") is no longer in bucket " + entry.bucket() + "; it was removed from the catalog", e);
        }
        return e;
    }

    private static ArchiveException notReadable(ArchiveEntry entry) {
        String what = "fetch: '" + entry.key() + "' (version " + entry.versionId() + ") is in " + entry.storageClass();
        if (entry.restoreStatus() == RestoreStatus.IN_PROGRESS) {
            return new ArchiveException(ArchiveException.Reason.NOT_READABLE, what + " and its restore is still running"
                    + (entry.restoreTier() == null ? "" : " (tier " + entry.restoreTier().name().toLowerCase(Locale.ROOT) + ")")
                    + "; fetch it once archive status says AVAILABLE");
        }
        return new ArchiveException(ArchiveException.Reason.NOT_READABLE, what + " and has no restored copy; start one "
                + "first, e.g. archive restore --key '" + entry.key() + "' --tier standard --days 7");
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        out.flush();
        return total;
    }
}
