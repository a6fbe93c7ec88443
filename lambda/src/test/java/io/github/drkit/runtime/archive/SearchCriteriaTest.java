package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(ArchiveException.class, e).getMessage();
    }

    @Test
    void build_whenInvalid_namesFieldValueAndRule() {
        assertEquals("search: give key or prefix, not both (got key='a', prefix='b')",
                message(() -> SearchCriteria.builder().key("a").prefix("b").build()));
        assertEquals("search: archivedFrom must not be after archivedTo (got 2020-01-02T00:00:00Z > 2020-01-01T00:00:00Z)",
                message(() -> SearchCriteria.builder().archivedFrom(Instant.parse("2020-01-02T00:00:00Z"))
                        .archivedTo(Instant.parse("2020-01-01T00:00:00Z")).build()));
        assertEquals("search: minSize must be at least 0 (got -1)", message(() -> SearchCriteria.builder().minSize(-1L).build()));
        assertEquals("search: maxSize must be at least 0 (got -5)", message(() -> SearchCriteria.builder().maxSize(-5L).build()));
        assertEquals("search: minSize must not exceed maxSize (got 10 > 5)",
                message(() -> SearchCriteria.builder().minSize(10L).maxSize(5L).build()));
        assertEquals("search: pageSize must be between 1 and 1000 (got 0)", message(() -> SearchCriteria.builder().pageSize(0).build()));
        assertEquals("search: pageSize must be between 1 and 1000 (got 1001)", message(() -> SearchCriteria.builder().pageSize(1001).build()));
        assertEquals("search: tag name must not be empty (got '' = 'x')", message(() -> SearchCriteria.builder().tag("", "x")));
        assertEquals("search: metadata 'owner' needs a value (use name=value)", message(() -> SearchCriteria.builder().metadata("owner", null)));
    }

    @Test
    void archiveIndex_whenNoTableName_failsNamingIt() {
        try (software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()) {
            assertEquals("table name is required (the catalog's DynamoDB table)", message(() -> new ArchiveIndex(dynamo, " ")));
        }
    }

    @Test
    void build_whenStorageClassInLowerCase_normalizesIt() {
        assertEquals("DEEP_ARCHIVE", SearchCriteria.builder().storageClass(" deep_archive ").build().storageClass());
        assertEquals(SearchCriteria.DEFAULT_PAGE_SIZE, SearchCriteria.builder().build().pageSize());
    }
}
