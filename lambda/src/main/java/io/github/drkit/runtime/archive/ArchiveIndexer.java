package io.github.drkit.runtime.archive;

import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keeps the catalog in step with S3 events.
 *
 * <p>Events can arrive late, twice or out of order, so the indexer does not trust what an event says about
 * the object: for every event that is not a permanent delete it reads the object's current state from S3
 * and writes that. A removed version is removed from the catalog; a delete marker marks the key's versions
 * as deleted but keeps them, because they can still be restored.
 */
public final class ArchiveIndexer {
    /** What the indexer did with one event record. */
    public enum Outcome { INDEXED, REMOVED, MARKED_DELETED, UNMARKED_DELETED, GONE, IGNORED }

    private final ArchiveIndex index;
    private final ObjectInspector inspector;

    public ArchiveIndexer(ArchiveIndex index, S3Client s3) {
        this.index = Objects.requireNonNull(index, "index");
        this.inspector = new ObjectInspector(s3, index);
    }

    public Outcome apply(S3EventRecord record) {
        String name = record.eventName();
        if (name.startsWith("ObjectRemoved:DeleteMarkerCreated") || name.startsWith("LifecycleExpiration:DeleteMarkerCreated")) {
            index.setDeleted(record.key(), record.eventTime());
            return Outcome.MARKED_DELETED;
        }
        if (name.startsWith("ObjectRemoved:") || name.startsWith("LifecycleExpiration:")) {
            String version = record.versionId() == null ? ArchiveEntry.NULL_VERSION : record.versionId();
            if (index.delete(record.key(), version)) {
                return Outcome.REMOVED;
            }
            // No version by that id: the removed version was a delete marker, so the key may be visible again.
            if (record.versionId() != null && index.hidden(record.key())
                    && inspector.inspect(record.bucket(), record.key(), null).isPresent()) {
                index.setDeleted(record.key(), null);
                return Outcome.UNMARKED_DELETED;
            }
            return Outcome.GONE;
        }
        if (name.startsWith("ObjectCreated:") || name.startsWith("ObjectRestore:") || name.startsWith("LifecycleTransition")
                || name.startsWith("ObjectTagging:") || name.startsWith("IntelligentTiering")) {
            // Events from an unversioned bucket carry no version id: the object's version is "null".
            String version = record.versionId() == null ? ArchiveEntry.NULL_VERSION : record.versionId();
            Optional<ArchiveEntry> entry = inspector.inspect(record.bucket(), record.key(), version);
            if (entry.isEmpty()) {
                // Removed since the event: its own removal event keeps the catalog right.
                return Outcome.GONE;
            }
            index.put(entry.get());
            return Outcome.INDEXED;
        }
        return Outcome.IGNORED;
    }
}
