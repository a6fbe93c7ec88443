package io.github.drkit.runtime.archive;

/**
 * What a fetch wrote.
 *
 * @param entry the catalog entry of the version read
 * @param range the bytes read, or null for the whole object
 * @param bytes how many bytes were written
 */
public record FetchResult(ArchiveEntry entry, ByteRange range, long bytes) {
}
