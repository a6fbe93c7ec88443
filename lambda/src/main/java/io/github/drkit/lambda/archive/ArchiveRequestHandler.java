package io.github.drkit.lambda.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.archive.ArchiveException;
import io.github.drkit.runtime.archive.ArchiveFetch;
import io.github.drkit.runtime.archive.ArchiveIndex;
import io.github.drkit.runtime.archive.ArchiveRestore;
import io.github.drkit.runtime.archive.ArchiveSearch;
import io.github.drkit.runtime.archive.ByteRange;
import io.github.drkit.runtime.archive.InventorySearch;
import io.github.drkit.runtime.archive.InventoryTable;
import io.github.drkit.runtime.archive.RestoreTier;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.DeadlineExceededException;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * The Lambda handler for catalog requests: {@code search}, {@code restore}, {@code status} and {@code fetch}.
 * A thin adapter over the runtime's archive classes.
 *
 * <p>Requests and answers are JSON (docs/archive-catalog.md). A request the catalog refuses answers
 * {@code {"ok": false, "error": {"reason": ..., "message": ...}}}, so that callers see why; other failures
 * fail the invocation. {@code fetch} answers a presigned GET (with its Range header) instead of the bytes,
 * because a Lambda response holds at most 6 MB. With the catalog's inventory search deployed, {@code search} takes
 * {@code "engine": "athena"}, and restore, status and fetch take the {@code bucket} of what it found.
 */
public final class ArchiveRequestHandler implements RequestStreamHandler {
    static final Duration DEFAULT_URL_VALIDITY = Duration.ofMinutes(15);
    static final Duration MAX_URL_VALIDITY = Duration.ofHours(12);
    /** Kept free of the invocation's remaining time, to write the answer after an inventory search's deadline. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(10);
    /** An inventory search's deadline outside Lambda (no context). */
    static final Duration DEFAULT_SEARCH_TIME = Duration.ofSeconds(60);

    private final ArchiveSearch search;
    private final ArchiveRestore restore;
    private final ArchiveFetch fetch;
    private final S3Presigner presigner;
    private final InventorySearch inventory;

    /** For Lambda: clients built once per execution environment, from the environment. */
    public ArchiveRequestHandler() {
        this(ArchiveClients.s3());
    }

    private ArchiveRequestHandler(software.amazon.awssdk.services.s3.S3Client s3) {
        this(new ArchiveIndex(ArchiveClients.dynamo(), ArchiveIndexerHandler.requiredEnv(ArchiveIndexerHandler.TABLE_ENV)),
                s3, ArchiveClients.presigner(), inventoryFromEnvironment(s3));
    }

    /** Without the inventory search. */
    public ArchiveRequestHandler(ArchiveIndex index, software.amazon.awssdk.services.s3.S3Client s3, S3Presigner presigner) {
        this(index, s3, presigner, null);
    }

    /** @param inventory the inventory search, or null when the catalog has none */
    public ArchiveRequestHandler(ArchiveIndex index, software.amazon.awssdk.services.s3.S3Client s3, S3Presigner presigner,
                                 InventorySearch inventory) {
        this.search = new ArchiveSearch(index);
        this.restore = new ArchiveRestore(index, s3);
        this.fetch = new ArchiveFetch(index, s3);
        this.presigner = presigner;
        this.inventory = inventory;
    }

    /** The inventory search the construct configured through the function's environment, or null. */
    private static InventorySearch inventoryFromEnvironment(software.amazon.awssdk.services.s3.S3Client s3) {
        String workGroup = System.getenv(ArchiveCommand.WORKGROUP_ENV);
        if (workGroup == null || workGroup.isBlank()) {
            return null;
        }
        AwsClients aws = AwsClients.fromEnvironment("us-east-1");
        InventoryTable table = new InventoryTable(aws.defaultRegion().id(), workGroup,
                ArchiveIndexerHandler.requiredEnv(ArchiveCommand.DATABASE_ENV),
                ArchiveIndexerHandler.requiredEnv(ArchiveCommand.INVENTORY_TABLE_ENV), null);
        // Progress lines go to the function's log.
        return new InventorySearch(aws.athena(), aws.glue(), s3, table, System.out::println);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request;
        ObjectNode answer;
        try {
            request = ArchiveJson.MAPPER.readTree(input);
            Duration time = context == null ? DEFAULT_SEARCH_TIME
                    : Duration.ofMillis(context.getRemainingTimeInMillis()).minus(ANSWER_MARGIN);
            answer = handle(request == null ? ArchiveJson.MAPPER.createObjectNode() : request, Deadline.after(time));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            answer = ArchiveJson.error(new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "request must be a JSON object (" + e.getOriginalMessage() + ")"));
        } catch (ArchiveException e) {
            answer = ArchiveJson.error(e);
        } catch (DeadlineExceededException e) {
            // The query was stopped; the caller learns why instead of a timed-out invocation.
            answer = ArchiveJson.MAPPER.createObjectNode().put("ok", false);
            answer.putObject("error").put("reason", "DEADLINE").put("message", e.getMessage());
        }
        ArchiveJson.MAPPER.writeValue(output, answer);
    }

    ObjectNode handle(JsonNode request, Deadline deadline) {
        String action = ArchiveJson.text(request, "action");
        if (action == null) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "action is required: one of search, restore, status, fetch");
        }
        ObjectNode answer = ArchiveJson.MAPPER.createObjectNode();
        answer.put("ok", true);
        switch (action.toLowerCase(Locale.ROOT)) {
            case "search" -> answer.setAll(ArchiveJson.page(search(request, deadline)));
            case "restore" -> {
                Long days = ArchiveJson.number(request, "days");
                if (days == null) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "restore: days is required (how long to keep the restored copy)");
                }
                if (days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "restore: days is out of range (got " + days + ")");
                }
                answer.setAll(ArchiveJson.restore(restore.withBucket(ArchiveJson.text(request, "bucket")).start(
                        ArchiveJson.text(request, "key"), ArchiveJson.text(request, "versionId"),
                        RestoreTier.parse(ArchiveJson.text(request, "tier")), days.intValue())));
            }
            case "status" -> answer.set("entry", ArchiveJson.entry(restore.withBucket(ArchiveJson.text(request, "bucket")).status(
                    ArchiveJson.text(request, "key"),
                    ArchiveJson.text(request, "versionId"))));
            case "fetch" -> answer.setAll(presign(request));
            default -> throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "action must be one of search, restore, status, fetch (got '" + action + "')");
        }
        return answer;
    }

    private io.github.drkit.runtime.archive.SearchPage search(JsonNode request, Deadline deadline) {
        String engine = ArchiveJson.text(request, "engine");
        if (engine == null || engine.equalsIgnoreCase("catalog")) {
            return search.search(ArchiveJson.criteria(request));
        }
        if (!engine.equalsIgnoreCase("athena")) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "search: engine must be catalog or athena (got '" + engine + "')");
        }
        if (inventory == null) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "search: engine athena needs the catalog's "
                    + "inventory search (ArchiveCatalogProps inventorySearch); this function has no workgroup configured");
        }
        return inventory.search(ArchiveJson.criteria(request), deadline);
    }

    private ObjectNode presign(JsonNode request) {
        String rangeText = ArchiveJson.text(request, "range");
        ByteRange range = rangeText == null ? null : ByteRange.parse(rangeText);
        Long seconds = ArchiveJson.number(request, "expiresInSeconds");
        Duration validity = seconds == null ? DEFAULT_URL_VALIDITY : Duration.ofSeconds(seconds);
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_URL_VALIDITY) > 0) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "fetch: expiresInSeconds must be between 1 and "
                    + MAX_URL_VALIDITY.toSeconds() + " (got " + seconds + ")");
        }
        PresignedGetObjectRequest signed = fetch.withBucket(ArchiveJson.text(request, "bucket")).presign(presigner,
                ArchiveJson.text(request, "key"),
                ArchiveJson.text(request, "versionId"), range, validity);
        ObjectNode n = ArchiveJson.MAPPER.createObjectNode();
        n.put("url", signed.url().toString());
        n.put("method", "GET");
        n.put("expiresAt", signed.expiration().toString());
        ObjectNode headers = n.putObject("headers");
        signed.signedHeaders().forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        return n;
    }
}
