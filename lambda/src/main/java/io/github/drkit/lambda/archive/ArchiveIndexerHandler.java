package io.github.drkit.lambda.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.archive.ArchiveIndex;
import io.github.drkit.runtime.archive.ArchiveIndexer;
import io.github.drkit.runtime.archive.S3EventRecord;

/**
 * The Lambda handler S3 event notifications invoke: a thin adapter over {@link ArchiveIndexer}.
 *
 * <p>Every record of the event is applied; if any failed, the handler fails after the others, so that
 * Lambda retries the event (the indexer is idempotent, so records that succeeded are harmless to repeat).
 * Environment: {@code DRKIT_ARCHIVE_TABLE}, the catalog table.
 */
public final class ArchiveIndexerHandler implements RequestStreamHandler {
    /** The environment variable naming the catalog table. */
    public static final String TABLE_ENV = "DRKIT_ARCHIVE_TABLE";

    private final ArchiveIndexer indexer;

    /** For Lambda: clients built once per execution environment, from the environment. */
    public ArchiveIndexerHandler() {
        this(new ArchiveIndexer(new ArchiveIndex(ArchiveClients.dynamo(), requiredEnv(TABLE_ENV)), ArchiveClients.s3()));
    }

    public ArchiveIndexerHandler(ArchiveIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = ArchiveJson.MAPPER.readTree(input);
        List<S3EventRecord> records = S3EventRecord.parse(event == null ? ArchiveJson.MAPPER.createObjectNode() : event);
        Map<ArchiveIndexer.Outcome, Integer> outcomes = new EnumMap<>(ArchiveIndexer.Outcome.class);
        List<String> failures = new ArrayList<>();
        RuntimeException first = null;
        for (S3EventRecord record : records) {
            try {
                outcomes.merge(indexer.apply(record), 1, Integer::sum);
            } catch (RuntimeException e) {
                failures.add(record.eventName() + " " + record.key() + ": " + e.getMessage());
                first = first == null ? e : first;
            }
        }
        ObjectNode report = ArchiveJson.MAPPER.createObjectNode();
        report.put("records", records.size());
        ObjectNode counts = report.putObject("outcomes");
        outcomes.forEach((k, v) -> counts.put(k.name(), v));
        if (first != null) {
            if (context != null) {
                context.getLogger().log("archive indexer: " + failures.size() + " of " + records.size() + " records failed: " + failures);
            }
            throw new IllegalStateException("archive indexer: " + failures.size() + " of " + records.size()
                    + " records failed, first: " + failures.get(0), first);
        }
        ArchiveJson.MAPPER.writeValue(output, report);
    }

    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: it must name the archive catalog's DynamoDB table");
        }
        return value;
    }
}
