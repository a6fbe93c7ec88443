package io.github.drkit.lambda.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.archive.ArchiveBackfill;
import io.github.drkit.runtime.archive.ArchiveException;
import io.github.drkit.runtime.archive.ArchiveFetch;
import io.github.drkit.runtime.archive.ArchiveIndex;
import io.github.drkit.runtime.archive.ArchiveRestore;
import io.github.drkit.runtime.archive.ArchiveSearch;
import io.github.drkit.runtime.archive.ArchiveTable;
import io.github.drkit.runtime.archive.InventorySearch;
import io.github.drkit.runtime.archive.InventoryTable;
import io.github.drkit.runtime.archive.BackfillReport;
import io.github.drkit.runtime.archive.ByteRange;
import io.github.drkit.runtime.archive.FetchResult;
import io.github.drkit.runtime.archive.RestoreTier;
import io.github.drkit.runtime.archive.SearchCriteria;
import io.github.drkit.runtime.archive.SearchPage;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.DeadlineExceededException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code drkit-lambda-archive.jar archive ...}: search, restore, status, fetch and backfill from a shell, for the day
 * the request Lambda is out of reach or a records manager prefers a terminal. Answers are JSON on stdout;
 * errors go to stderr with an exit code by reason: 2 bad request, 3 not found, 4 conflict, 5 not readable yet.
 */
public final class ArchiveCommand {
    static final String USAGE = String.join("\n",
            "usage: archive <command> [options]   (table: --table or DRKIT_ARCHIVE_TABLE)",
            "  search   [--key K | --prefix P] [--tag name=value]... [--meta name=value]... [--from DATE] [--to DATE]",
            "           [--min-size N[K|M|G|T]] [--max-size N[K|M|G|T]] [--storage-class C] [--restore-status S]",
            "           [--include-deleted] [--page-size N] [--page-token T] [--all-pages]",
            "           [--engine catalog|athena]  athena: SQL over the S3 Inventory report, no --tag, --meta or --restore-status;",
            "           --workgroup W --database D --inventory-table T (or DRKIT_ARCHIVE_WORKGROUP, DRKIT_ARCHIVE_INVENTORY_DATABASE,",
            "           DRKIT_ARCHIVE_INVENTORY_TABLE) [--snapshot 2026-11-24-01-00] [--deadline SECONDS (default 300)]",
            "  restore  --key K [--version-id V] [--bucket B] --tier expedited|standard|bulk --days N",
            "  status   --key K [--version-id V] [--bucket B]",
            "  fetch    --key K [--version-id V] [--bucket B] [--range FIRST-LAST] --out FILE|-",
            "           --bucket B: a key the catalog lacks (found by --engine athena) is read from B and indexed first",
            "  backfill --bucket B [--prefix P] [--current-only] [--no-inspect] [--max-objects N]",
            "  backfill --inventory s3://BUCKET/path/manifest.json [--inspect] [--current-only] [--max-objects N]",
            "  create-table   creates the catalog table as the ArchiveCatalog construct does (emulators, self-managed)");
    /** The inventory search's workgroup, Glue database and table, when the options do not name them. */
    static final String WORKGROUP_ENV = "DRKIT_ARCHIVE_WORKGROUP";
    static final String DATABASE_ENV = "DRKIT_ARCHIVE_INVENTORY_DATABASE";
    static final String INVENTORY_TABLE_ENV = "DRKIT_ARCHIVE_INVENTORY_TABLE";
    /** Pages {@code --all-pages} reads at most. */
    static final int MAX_PAGES = 10_000;

    private static final Set<String> FLAGS = Set.of("include-deleted", "all-pages", "current-only", "no-inspect", "inspect");

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "search", Set.of("table", "key", "prefix", "tag", "meta", "from", "to", "min-size", "max-size", "storage-class",
                    "restore-status", "include-deleted", "page-size", "page-token", "all-pages", "engine", "workgroup", "database",
                    "inventory-table", "snapshot", "deadline"),
            "restore", Set.of("table", "key", "version-id", "bucket", "tier", "days"),
            "status", Set.of("table", "key", "version-id", "bucket"),
            "fetch", Set.of("table", "key", "version-id", "bucket", "range", "out"),
            "backfill", Set.of("table", "bucket", "prefix", "inventory", "current-only", "no-inspect", "inspect", "max-objects"),
            "create-table", Set.of("table"));

    /** Options only the inventory search takes. */
    private static final Set<String> ATHENA_OPTIONS = Set.of("workgroup", "database", "inventory-table", "snapshot", "deadline");
    /** How long an inventory search waits for its query when {@code --deadline} is not given. */
    static final long DEFAULT_DEADLINE_SECONDS = 300;

    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final Map<String, String> env;
    private final Supplier<AwsClients> aws;

    public ArchiveCommand(DynamoDbClient dynamo, S3Client s3, Map<String, String> env) {
        this(dynamo, s3, env, () -> {
            throw new IllegalStateException("no AWS clients for the inventory search");
        });
    }

    /** @param aws the runtime's clients for Athena and Glue, asked for only by {@code search --engine athena} */
    public ArchiveCommand(DynamoDbClient dynamo, S3Client s3, Map<String, String> env, Supplier<AwsClients> aws) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.env = env;
        this.aws = aws;
    }

    /** The entry point {@code Cli} dispatches {@code archive} to; returns the process exit code. */
    public static int run(String[] args) {
        if (args.length == 0 || "--help".equals(args[0]) || "help".equals(args[0])) {
            // The usage needs no AWS client, so no Region or credentials either.
            return new ArchiveCommand(null, null, System.getenv()).run(args, System.out, System.err);
        }
        AwsClients[] aws = new AwsClients[1];
        try (DynamoDbClient dynamo = ArchiveClients.dynamo(); S3Client s3 = ArchiveClients.s3()) {
            return new ArchiveCommand(dynamo, s3, System.getenv(), () -> {
                if (aws[0] == null) {
                    // The S3 client above found a Region already; this only falls back when it came from elsewhere.
                    aws[0] = AwsClients.fromEnvironment("us-east-1");
                }
                return aws[0];
            }).run(args, System.out, System.err);
        } finally {
            if (aws[0] != null) {
                aws[0].close();
            }
        }
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || "--help".equals(args[0]) || "help".equals(args[0])) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options o = Options.parse(args, 1);
            Set<String> allowed = OPTIONS.get(args[0]);
            if (allowed != null) {
                o.allowOnly(args[0], allowed);
            }
            ObjectNode answer = switch (args[0]) {
                case "search" -> search(o, err);
                case "restore" -> restore(o);
                case "status" -> ArchiveJson.entry(new ArchiveRestore(index(o), s3).withBucket(o.get("bucket"))
                        .status(o.required("key"), o.get("version-id")));
                case "fetch" -> fetch(o, out);
                case "backfill" -> backfill(o);
                case "create-table" -> createTable(o);
                default -> throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                        "archive: unknown command '" + args[0] + "'; expected search, restore, status, fetch, backfill or create-table");
            };
            if (answer != null) {
                out.println(answer.toPrettyString());
            }
            return 0;
        } catch (DeadlineExceededException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (ArchiveException e) {
            err.println("error: " + e.getMessage());
            if (e.reason() == ArchiveException.Reason.INVALID_REQUEST) {
                err.println(USAGE);
            }
            return switch (e.reason()) {
                case INVALID_REQUEST -> 2;
                case NOT_FOUND -> 3;
                case CONFLICT -> 4;
                case NOT_READABLE -> 5;
            };
        }
    }

    private ArchiveIndex index(Options o) {
        String table = o.get("table") != null ? o.get("table") : env.get(ArchiveIndexerHandler.TABLE_ENV);
        if (table == null || table.isBlank()) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "archive: --table is required (or set " + ArchiveIndexerHandler.TABLE_ENV + ")");
        }
        return new ArchiveIndex(dynamo, table);
    }

    private ObjectNode search(Options o, PrintStream progress) {
        String engine = o.get("engine") == null ? "catalog" : o.get("engine").trim().toLowerCase(Locale.ROOT);
        if (!engine.equals("catalog") && !engine.equals("athena")) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "search: --engine must be catalog or athena (got '" + o.get("engine") + "')");
        }
        if (engine.equals("catalog")) {
            for (String name : ATHENA_OPTIONS) {
                if (o.get(name) != null) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                            "search: --" + name + " applies to --engine athena only (got '" + o.get(name) + "')");
                }
            }
        }
        SearchCriteria.Builder b = SearchCriteria.builder()
                .key(o.get("key")).prefix(o.get("prefix"))
                .archivedFrom(ArchiveJson.time(o.get("from"), "--from", false))
                .archivedTo(ArchiveJson.time(o.get("to"), "--to", true))
                .minSize(size(o.get("min-size"), "--min-size")).maxSize(size(o.get("max-size"), "--max-size"))
                .storageClass(o.get("storage-class"))
                .includeDeleted(o.flag("include-deleted"))
                .pageToken(o.get("page-token"));
        if (o.get("page-size") != null) {
            b.pageSize(ArchiveJson.parseLong(o.get("page-size"), "--page-size").intValue());
        }
        if (o.get("restore-status") != null) {
            b.restoreStatus(ArchiveJson.restoreStatus(o.get("restore-status")));
        }
        for (String pair : o.all("tag")) {
            String[] nv = pair(pair, "--tag");
            b.tag(nv[0], nv[1]);
        }
        for (String pair : o.all("meta")) {
            String[] nv = pair(pair, "--meta");
            b.metadata(nv[0], nv[1]);
        }
        SearchCriteria criteria = b.build();
        Function<SearchCriteria, SearchPage> search = engine.equals("athena") ? inventorySearch(o, progress) : new ArchiveSearch(index(o))::search;
        SearchPage page = search.apply(criteria);
        if (!o.flag("all-pages")) {
            return ArchiveJson.page(page);
        }
        ObjectNode all = ArchiveJson.page(page);
        ArrayNode entries = (ArrayNode) all.get("entries");
        int requests = page.requests();
        for (int i = 1; page.nextToken() != null && i < MAX_PAGES; i++) {
            page = search.apply(criteria.toBuilder().pageToken(page.nextToken()).build());
            page.entries().forEach(e -> entries.add(ArchiveJson.entry(e)));
            requests += page.requests();
        }
        all.put("count", entries.size());
        all.put("nextToken", page.nextToken());
        all.put("requests", requests);
        if (!engine.equals("athena")) {
            // Items read differ page by page; an inventory search scanned once, for its first page, and keeps that figure.
            all.remove("scanned");
        }
        return all;
    }

    /** The inventory search, its workgroup and table from the options or the environment; the deadline covers every page. */
    private Function<SearchCriteria, SearchPage> inventorySearch(Options o, PrintStream progress) {
        long seconds = o.get("deadline") == null ? DEFAULT_DEADLINE_SECONDS : ArchiveJson.parseLong(o.get("deadline"), "--deadline");
        if (seconds < 1 || seconds > 86_400) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "search: --deadline must be between 1 and 86400 seconds (got " + seconds + ")");
        }
        String workGroup = option(o, "workgroup", WORKGROUP_ENV);
        String database = option(o, "database", DATABASE_ENV);
        String inventoryTable = option(o, "inventory-table", INVENTORY_TABLE_ENV);
        Deadline deadline = Deadline.after(Duration.ofSeconds(seconds));
        AwsClients clients = aws.get();
        InventoryTable table = new InventoryTable(clients.defaultRegion().id(), workGroup, database, inventoryTable, o.get("snapshot"));
        InventorySearch search = new InventorySearch(clients.athena(), clients.glue(), s3, table, progress::println);
        return criteria -> search.search(criteria, deadline);
    }

    private String option(Options o, String name, String variable) {
        String value = o.get(name) != null ? o.get(name) : env.get(variable);
        if (value == null || value.isBlank()) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "search: --" + name + " is required with --engine athena (or set " + variable + ")");
        }
        return value;
    }

    private ObjectNode restore(Options o) {
        Long days = ArchiveJson.parseLong(o.required("days"), "--days");
        if (days > Integer.MAX_VALUE) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "restore: --days is out of range (got " + days + ")");
        }
        return ArchiveJson.restore(new ArchiveRestore(index(o), s3).withBucket(o.get("bucket")).start(o.required("key"), o.get("version-id"),
                RestoreTier.parse(o.required("tier")), days.intValue()));
    }

    private ObjectNode fetch(Options o, PrintStream stdout) {
        String target = o.required("out");
        ByteRange range = o.get("range") == null ? null : ByteRange.parse(o.get("range"));
        ArchiveFetch fetch = new ArchiveFetch(index(o), s3).withBucket(o.get("bucket"));
        if ("-".equals(target)) {
            // The bytes are the output; the summary would corrupt them.
            fetch.fetch(o.required("key"), o.get("version-id"), range, stdout);
            return null;
        }
        Path path = Path.of(target);
        Path partial = path.resolveSibling(path.getFileName() + ".part");
        FetchResult result;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
            result = fetch.fetch(o.required("key"), o.get("version-id"), range, file);
        } catch (IOException e) {
            throw new UncheckedIOException("fetch: could not write " + partial, e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        try {
            // Written to a side file first, so that a failed fetch never leaves a truncated file under the real name.
            Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("fetch: could not move " + partial + " to " + path, e);
        }
        ObjectNode answer = ArchiveJson.fetch(result);
        answer.put("out", path.toString());
        return answer;
    }

    private ObjectNode backfill(Options o) {
        ArchiveBackfill backfill = new ArchiveBackfill(index(o), s3);
        long max = o.get("max-objects") == null ? Long.MAX_VALUE : ArchiveJson.parseLong(o.get("max-objects"), "--max-objects");
        boolean allVersions = !o.flag("current-only");
        BackfillReport report;
        if (o.get("inventory") != null) {
            String uri = o.get("inventory");
            if (!uri.startsWith("s3://") || uri.indexOf('/', 5) < 0) {
                throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                        "backfill: --inventory must be s3://BUCKET/path/manifest.json (got '" + uri + "')");
            }
            int slash = uri.indexOf('/', 5);
            report = backfill.fromInventory(uri.substring(5, slash), uri.substring(slash + 1),
                    new ArchiveBackfill.Options(o.flag("inspect"), allVersions, max));
        } else {
            report = backfill.fromListing(o.required("bucket"), o.get("prefix"),
                    new ArchiveBackfill.Options(!o.flag("no-inspect"), allVersions, max));
        }
        return ArchiveJson.backfill(report);
    }

    private ObjectNode createTable(Options o) {
        ArchiveIndex index = index(o);
        ArchiveTable.create(dynamo, index.tableName());
        ObjectNode n = ArchiveJson.MAPPER.createObjectNode();
        n.put("table", index.tableName());
        n.put("created", true);
        return n;
    }

    private static String[] pair(String value, String option) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, option + " must be name=value (got '" + value + "')");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    /** Bytes, or a number with K, M, G or T (powers of 1,024). */
    static Long size(String value, String option) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        int shift = "KMGT".indexOf(last);
        if (shift >= 0) {
            unit = 1L << (10 * (shift + 1));
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    option + " must be a number of bytes, optionally with K, M, G or T (got '" + value + "')");
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the failure being reported matters more than the leftover
        }
    }

    /** {@code --name value} options, repeatable, and the boolean flags in {@link #FLAGS}. */
    static final class Options {
        private final Map<String, List<String>> values = new HashMap<>();
        private final Set<String> flags = new HashSet<>();

        static Options parse(String[] args, int from) {
            Options o = new Options();
            for (int i = from; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || a.length() == 2) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "archive: expected an option --name, got '" + a + "'");
                }
                String name = a.substring(2);
                if (FLAGS.contains(name)) {
                    o.flags.add(name);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "archive: option --" + name + " needs a value");
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
            }
            return o;
        }

        String get(String name) {
            List<String> v = values.get(name);
            return v == null ? null : v.get(v.size() - 1);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        String required(String name) {
            String v = get(name);
            if (v == null || v.isEmpty()) {
                throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "archive: --" + name + " is required");
            }
            return v;
        }

        void allowOnly(String command, Set<String> allowed) {
            for (String name : values.keySet()) {
                if (!allowed.contains(name)) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "archive " + command
                            + ": unknown option --" + name + "; it takes --" + String.join(", --", new java.util.TreeSet<>(allowed)));
                }
            }
            for (String name : flags) {
                if (!allowed.contains(name)) {
                    throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, "archive " + command
                            + ": unknown option --" + name + "; it takes --" + String.join(", --", new java.util.TreeSet<>(allowed)));
                }
            }
        }

        boolean flag(String name) {
            return flags.contains(name);
        }
    }
}
