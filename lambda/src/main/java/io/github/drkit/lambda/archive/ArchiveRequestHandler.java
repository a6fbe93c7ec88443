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
import io.github.drkit.runtime.archive.RestoreTier;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * The Lambda handler for catalog requests: {@code search}, {@code restore}, {@code status} and {@code fetch}.
 * A thin adapter over the runtime's archive classes.
 *
 * <p>Requests and answers are JSON (docs/archive-catalog.md). A request the catalog refuses answers
 * {@code {"ok": false, "error": {"reason": ..., "message": ...}}}, so that callers see why; other failures
 * fail the invocation. {@code fetch} answers a presigned GET (with its Range header) instead of the bytes,
 * because a Lambda response holds at most 6 MB.
 */
public final class ArchiveRequestHandler implements RequestStreamHandler {
    static final Duration DEFAULT_URL_VALIDITY = Duration.ofMinutes(15);
    static final Duration MAX_URL_VALIDITY = Duration.ofHours(12);

    private final ArchiveSearch search;
    private final ArchiveRestore restore;
    private final ArchiveFetch fetch;
    private final S3Presigner presigner;

    /** For Lambda: clients built once per execution environment, from the environment. */
    public ArchiveRequestHandler() {
        this(new ArchiveIndex(ArchiveClients.dynamo(), ArchiveIndexerHandler.requiredEnv(ArchiveIndexerHandler.TABLE_ENV)),
                ArchiveClients.s3(), ArchiveClients.presigner());
    }

    public ArchiveRequestHandler(ArchiveIndex index, software.amazon.awssdk.services.s3.S3Client s3, S3Presigner presigner) {
        this.search = new ArchiveSearch(index);
        this.restore = new ArchiveRestore(index, s3);
        this.fetch = new ArchiveFetch(index, s3);
        this.presigner = presigner;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request;
        ObjectNode answer;
        try {
            request = ArchiveJson.MAPPER.readTree(input);
            answer = handle(request == null ? ArchiveJson.MAPPER.createObjectNode() : request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            answer = ArchiveJson.error(new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "request must be a JSON object (" + e.getOriginalMessage() + ")"));
        } catch (ArchiveException e) {
            answer = ArchiveJson.error(e);
        }
        ArchiveJson.MAPPER.writeValue(output, answer);
    }

    ObjectNode handle(JsonNode request) {
        String action = ArchiveJson.text(request, "action");
        if (action == null) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "action is required: one of search, restore, status, fetch");
        }
        ObjectNode answer = ArchiveJson.MAPPER.createObjectNode();
        answer.put("ok", true);
        switch (action.toLowerCase(Locale.ROOT)) {
            case "search" -> answer.setAll(ArchiveJson.page(search.search(ArchiveJson.criteria(request))));
            case "restore" -> {
                Long days = ArchiveJson.number(request, "days");
                if (days == null) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "restore: days is required (how long to keep the restored copy)");
                }
                if (days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "restore: days is out of range (got " + days + ")");
                }
                answer.setAll(ArchiveJson.restore(restore.start(ArchiveJson.text(request, "key"), ArchiveJson.text(request, "versionId"),
                        RestoreTier.parse(ArchiveJson.text(request, "tier")), days.intValue())));
            }
            case "status" -> answer.set("entry", ArchiveJson.entry(restore.status(ArchiveJson.text(request, "key"),
                    ArchiveJson.text(request, "versionId"))));
            case "fetch" -> answer.setAll(presign(request));
            default -> throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "action must be one of search, restore, status, fetch (got '" + action + "')");
        }
        return answer;
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
        PresignedGetObjectRequest signed = fetch.presign(presigner, ArchiveJson.text(request, "key"),
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
