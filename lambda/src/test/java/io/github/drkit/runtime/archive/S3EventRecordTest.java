package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class S3EventRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parse_whenKeyUrlEncoded_decodesIt() throws Exception {
        List<S3EventRecord> records = S3EventRecord.parse(JSON.readTree(
                ArchiveFixture.event("ObjectCreated:Put", "scans/2019 Q1/a+b %é.pdf", "v-1")));
        assertEquals(1, records.size());
        S3EventRecord r = records.get(0);
        assertEquals("scans/2019 Q1/a+b %é.pdf", r.key());
        assertEquals("v-1", r.versionId());
        assertEquals("ObjectCreated:Put", r.eventName());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), r.eventTime());
        assertEquals("records-archive", r.bucket());
        // As S3 itself writes them: spaces as '+', a plus as %2B.
        assertEquals("a b+c", S3EventRecord.decodeKey("a+b%2Bc"));
    }

    @Test
    void parse_whenTestEventOrForeignRecord_skipsIt() throws Exception {
        assertTrue(S3EventRecord.parse(JSON.readTree("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}")).isEmpty());
        assertTrue(S3EventRecord.parse(JSON.readTree("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}")).isEmpty());
        S3EventRecord unversioned = S3EventRecord.parse(JSON.readTree(ArchiveFixture.event("ObjectRemoved:Delete", "k", null))).get(0);
        assertNull(unversioned.versionId());
    }

    @Test
    void parse_whenMalformed_namesTheField() throws Exception {
        assertEquals("S3 event: 'Records' must be an array (got MISSING)",
                assertThrows(ArchiveException.class, () -> S3EventRecord.parse(JSON.readTree("{}"))).getMessage());
        assertEquals("S3 event: Records[0] must carry eventName, s3.bucket.name and s3.object.key (got eventName=ObjectCreated:Put, bucket=b, key=null)",
                assertThrows(ArchiveException.class, () -> S3EventRecord.parse(JSON.readTree(
                        "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}"))).getMessage());
        assertEquals("S3 event: eventTime must be ISO-8601 (got 'yesterday')",
                assertThrows(ArchiveException.class, () -> S3EventRecord.parse(JSON.readTree(
                        "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"X\",\"eventTime\":\"yesterday\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}}]}"))).getMessage());
    }

    @Test
    void parseRestore_whenHeaderForms_readsStatusAndExpiry() {
        assertEquals(RestoreStatus.NONE, ObjectInspector.parseRestore(null).status());
        assertEquals(RestoreStatus.IN_PROGRESS, ObjectInspector.parseRestore("ongoing-request=\"true\"").status());
        ObjectInspector.RestoreState done = ObjectInspector.parseRestore("ongoing-request=\"false\", expiry-date=\"Fri, 21 Dec 2012 00:00:00 GMT\"");
        assertEquals(RestoreStatus.AVAILABLE, done.status());
        assertEquals(Instant.parse("2012-12-21T00:00:00Z"), done.expiresAt());
    }
}
