package io.github.drkit.runtime.archive;

import java.util.List;

/**
 * One page of search results.
 *
 * @param entries   the matching entries, at most the page size; a page can be short, even empty, when the
 *                  search had to read many non-matching items: only a null {@code nextToken} means the end
 * @param nextToken the token of the next page, or null when there is none
 * @param plan      how DynamoDB was read, e.g. {@code query ByAttribute [tag:case=A-17]} or {@code scan}
 * @param requests  DynamoDB requests made for this page
 * @param scanned   items DynamoDB read for this page (what it bills), matching or not
 */
public record SearchPage(List<ArchiveEntry> entries, String nextToken, String plan, int requests, long scanned) {
    public SearchPage {
        entries = List.copyOf(entries);
    }
}
