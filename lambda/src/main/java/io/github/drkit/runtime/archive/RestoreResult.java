package io.github.drkit.runtime.archive;

/**
 * What a restore request did.
 *
 * @param entry    the entry after the request, with its restore state as S3 reports it
 * @param extended true when a restored copy existed and S3 only moved its expiry
 */
public record RestoreResult(ArchiveEntry entry, boolean extended) {
}
