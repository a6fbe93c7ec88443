package io.github.drkit.runtime.archive;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to look for in the catalog. Every criterion is optional; those given must all match. Build with
 * {@link #builder()}; {@link Builder#build()} rejects contradictory or out-of-range values.
 */
public final class SearchCriteria {
    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The largest page a search returns. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final String key;
    private final String prefix;
    private final Map<String, String> tags;
    private final Map<String, String> metadata;
    private final Instant archivedFrom;
    private final Instant archivedTo;
    private final Long minSize;
    private final Long maxSize;
    private final String storageClass;
    private final RestoreStatus restoreStatus;
    private final boolean includeDeleted;
    private final int pageSize;
    private final String pageToken;

    private SearchCriteria(Builder b) {
        this.key = b.key;
        this.prefix = b.prefix;
        this.tags = Collections.unmodifiableMap(new TreeMap<>(b.tags));
        this.metadata = Collections.unmodifiableMap(new TreeMap<>(b.metadata));
        this.archivedFrom = b.archivedFrom;
        this.archivedTo = b.archivedTo;
        this.minSize = b.minSize;
        this.maxSize = b.maxSize;
        this.storageClass = b.storageClass;
        this.restoreStatus = b.restoreStatus;
        this.includeDeleted = b.includeDeleted;
        this.pageSize = b.pageSize;
        this.pageToken = b.pageToken;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these criteria, e.g. to ask for the next page. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.key = key;
        b.prefix = prefix;
        b.tags.putAll(tags);
        b.metadata.putAll(metadata);
        b.archivedFrom = archivedFrom;
        b.archivedTo = archivedTo;
        b.minSize = minSize;
        b.maxSize = maxSize;
        b.storageClass = storageClass;
        b.restoreStatus = restoreStatus;
        b.includeDeleted = includeDeleted;
        b.pageSize = pageSize;
        b.pageToken = pageToken;
        return b;
    }

    /** An exact key: every version of that one object. */
    public String key() { return key; }
    /** A key prefix, such as {@code invoices/2019/}. */
    public String prefix() { return prefix; }
    /** Tags that must all be set with these values. */
    public Map<String, String> tags() { return tags; }
    /** User metadata ({@code x-amz-meta-*}, names in lower case) that must all match. */
    public Map<String, String> metadata() { return metadata; }
    /** Archived at or after this instant. */
    public Instant archivedFrom() { return archivedFrom; }
    /** Archived at or before this instant. */
    public Instant archivedTo() { return archivedTo; }
    /** At least this many bytes. */
    public Long minSize() { return minSize; }
    /** At most this many bytes. */
    public Long maxSize() { return maxSize; }
    /** In this storage class, e.g. {@code DEEP_ARCHIVE}. */
    public String storageClass() { return storageClass; }
    /** In this restore state. */
    public RestoreStatus restoreStatus() { return restoreStatus; }
    /** Whether versions hidden by a delete marker are returned too. @default false */
    public boolean includeDeleted() { return includeDeleted; }
    /** The most entries one page holds. @default 100 */
    public int pageSize() { return pageSize; }
    /** The token of the page to read, from the previous page's {@code nextToken}; null for the first. */
    public String pageToken() { return pageToken; }

    /** The criteria without paging, as a stable string: page tokens are bound to it. */
    String canonical() {
        return "key=" + key + "|prefix=" + prefix + "|tags=" + tags + "|meta=" + metadata + "|from=" + archivedFrom
                + "|to=" + archivedTo + "|min=" + minSize + "|max=" + maxSize + "|class=" + storageClass
                + "|restore=" + restoreStatus + "|deleted=" + includeDeleted;
    }

    public static final class Builder {
        private String key;
        private String prefix;
        private final Map<String, String> tags = new TreeMap<>();
        private final Map<String, String> metadata = new TreeMap<>();
        private Instant archivedFrom;
        private Instant archivedTo;
        private Long minSize;
        private Long maxSize;
        private String storageClass;
        private RestoreStatus restoreStatus;
        private boolean includeDeleted;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private String pageToken;

        private Builder() {
        }

        public Builder key(String key) { this.key = emptyToNull(key); return this; }
        public Builder prefix(String prefix) { this.prefix = emptyToNull(prefix); return this; }
        public Builder tag(String name, String value) { put(tags, "tag", name, value); return this; }
        public Builder metadata(String name, String value) {
            // S3 returns user metadata names in lower case; match them the same way.
            put(metadata, "metadata", name == null ? null : name.toLowerCase(java.util.Locale.ROOT), value);
            return this;
        }
        public Builder archivedFrom(Instant from) { this.archivedFrom = from; return this; }
        public Builder archivedTo(Instant to) { this.archivedTo = to; return this; }
        public Builder minSize(Long bytes) { this.minSize = bytes; return this; }
        public Builder maxSize(Long bytes) { this.maxSize = bytes; return this; }
        public Builder storageClass(String storageClass) {
            this.storageClass = storageClass == null || storageClass.isBlank() ? null
                    : storageClass.trim().toUpperCase(java.util.Locale.ROOT);
            return this;
        }
        public Builder restoreStatus(RestoreStatus status) { this.restoreStatus = status; return this; }
        public Builder includeDeleted(boolean include) { this.includeDeleted = include; return this; }
        public Builder pageSize(int size) { this.pageSize = size; return this; }
        public Builder pageToken(String token) { this.pageToken = emptyToNull(token); return this; }

        public SearchCriteria build() {
            if (key != null && prefix != null) {
                throw ArchiveException.invalid("search: give key or prefix, not both (got key='" + key + "', prefix='" + prefix + "')");
            }
            if (archivedFrom != null && archivedTo != null && archivedFrom.isAfter(archivedTo)) {
                throw ArchiveException.invalid("search: archivedFrom must not be after archivedTo (got " + archivedFrom
                        + " > " + archivedTo + ")");
            }
            if (minSize != null && minSize < 0) {
                throw ArchiveException.invalid("search: minSize must be at least 0 (got " + minSize + ")");
            }
            if (maxSize != null && maxSize < 0) {
                throw ArchiveException.invalid("search: maxSize must be at least 0 (got " + maxSize + ")");
            }
            if (minSize != null && maxSize != null && minSize > maxSize) {
                throw ArchiveException.invalid("search: minSize must not exceed maxSize (got " + minSize + " > " + maxSize + ")");
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw ArchiveException.invalid("search: pageSize must be between 1 and " + MAX_PAGE_SIZE + " (got " + pageSize + ")");
            }
            return new SearchCriteria(this);
        }

        private static void put(Map<String, String> target, String what, String name, String value) {
            if (name == null || name.isEmpty()) {
                throw ArchiveException.invalid("search: " + what + " name must not be empty (got '" + name + "' = '" + value + "')");
            }
            if (value == null) {
                throw ArchiveException.invalid("search: " + what + " '" + name + "' needs a value (use name=value)");
            }
            target.put(name, value);
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
