package io.github.drkit.lambda;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.Cut;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.ReportJson;

/**
 * The break-glass command line: {@code java -jar drkit-lambda.jar <command> ...}. A dispatcher only; each
 * sub-command parses its own options. Exit codes: 0 success, 1 failure, 2 invalid input.
 *
 * <p>The archive commands ship in {@code drkit-lambda-archive.jar} (its main class is
 * {@link io.github.drkit.lambda.archive.ArchiveCli}), which also runs every command here: they need the S3 and
 * DynamoDB clients, which the recovery runtime's jar leaves out to stay small.
 */
public final class Cli {
    /** A sub-command: takes the arguments after its name, returns the exit code. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args);
    }

    /** The recovery commands, in the order the usage lists them. */
    public static Map<String, Command> recoveryCommands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("status", args -> RecoveryCommand.fromEnvironment(Action.STATUS).run(args));
        commands.put("failover", args -> RecoveryCommand.fromEnvironment(Action.FAILOVER).run(args));
        commands.put("failback", args -> RecoveryCommand.fromEnvironment(Action.FAILBACK).run(args));
        commands.put("evaluate", args -> RecoveryCommand.fromEnvironment(Action.EVALUATE).run(args));
        commands.put("restore", args -> RecoveryCommand.fromEnvironment(Action.RESTORE).run(args));
        return commands;
    }

    static final String USAGE = String.join("\n",
            "usage: java -jar drkit-lambda.jar <command> [options]",
            "  status   --plan FILE                        read-only: capacity, health, DNS and the state they add up to",
            "  failover --plan FILE [--dry-run] [--force]  promote data, scale compute, wait for health, move DNS",
            "           [--approve STAGE] [--run-id ID]   continue a failover that waits for approval",
            "  failback --plan FILE [--dry-run] [--force]  move DNS back, return fleets to standby capacity",
            "           [--run-id ID]                      the recovery's run id: its custom actions' idempotency keys",
            "  evaluate --plan FILE [--rto S] [--rpo S]    read-only: what would stop or slow a failover now; READY, DEGRADED or",
            "                                              NOT_READY (exit 1), weighed against the RTO and RPO given in seconds",
            "  restore  --plan FILE [--before TIME] [--dry-run] [--force]",
            "                                              failover from recovery points: restore databases and images",
            "                                              from the latest, or the latest at or before TIME, then health, DNS",
            "  archive  search|restore|status|fetch|backfill ...  the archive catalog, in drkit-lambda-archive.jar (archive --help)",
            "  --plan FILE          the recovery plan (JSON, at most 1 MiB), given once",
            "  --dry-run            report the exact changes, make none",
            "  --force              move traffic even when the target is not healthy",
            "  --before TIME        restore only: the latest recovery point at or before TIME (2026-12-01T10:00Z)",
            "  --deadline SECONDS   stop the run after this long and report what was done and what was not (default "
                    + RecoveryRequest.DEFAULT_DEADLINE.toSeconds() + " s; 1 to " + RecoveryRequest.MAX_DEADLINE_SECONDS + ")",
            "  --approve STAGE      failover, restore: go through the approval of STAGE (and of every stage before it)",
            "  --run-id ID          failover, restore, failback: the run id of the recovery the run continues (a run that waited",
            "                       for approval printed it): custom actions get the same idempotency keys",
            "Prints a JSON report on stdout and progress lines on stderr. Exit 0 success, 1 failure (or the deadline),",
            "2 invalid input (with {\"outcome\": \"INVALID_INPUT\", \"field\": ..., \"message\": ...} on stdout),",
            "3 waiting for approval (the message names the stage and the command that continues).",
            "AWS_REGION, AWS_ENDPOINT_URL and the usual AWS credentials variables apply.");

    private Cli() {
    }

    public static void main(String[] args) {
        exit(run(recoveryCommands(), args, System.err));
    }

    /** Flushes the report and exits with {@code code}. */
    public static void exit(int code) {
        System.out.flush();
        System.exit(code);
    }

    static int run(String[] args, PrintStream err) {
        return run(recoveryCommands(), args, System.out, err);
    }

    /** Runs the command {@code args[0]} names, among {@code commands}; returns the exit code. */
    public static int run(Map<String, Command> commands, String[] args, PrintStream err) {
        return run(commands, args, System.out, err);
    }

    /**
     * Runs the command {@code args[0]} names, among {@code commands}; returns the exit code. A missing or unknown
     * command is invalid input: the {@code INVALID_INPUT} answer on {@code out}, the usage on {@code err}, exit 2.
     */
    public static int run(Map<String, Command> commands, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return invalid(out, err, "command", "is missing; expected one of " + String.join(", ", commands.keySet()));
        }
        if ("--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            out.println(USAGE);
            return 0;
        }
        Command command = commands.get(args[0]);
        if (command == null && "archive".equals(args[0])) {
            return invalid(out, err, "command", "the archive commands ship in drkit-lambda-archive.jar: java -jar drkit-lambda-archive.jar archive "
                    + Cut.value(String.join(" ", Arrays.copyOfRange(args, 1, args.length))));
        }
        if (command == null) {
            return invalid(out, err, "command", "unknown command '" + Cut.value(args[0]) + "'; expected one of "
                    + String.join(", ", commands.keySet()));
        }
        return command.run(Arrays.copyOfRange(args, 1, args.length));
    }

    private static int invalid(PrintStream out, PrintStream err, String field, String message) {
        err.println("invalid input: " + field + ": " + message);
        err.println(USAGE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", "INVALID_INPUT");
        body.put("field", field);
        body.put("message", field + ": " + message);
        out.println(ReportJson.write(body));
        return 2;
    }
}
