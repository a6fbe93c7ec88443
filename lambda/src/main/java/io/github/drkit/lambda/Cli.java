package io.github.drkit.lambda;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.drkit.runtime.engine.Action;

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
        return commands;
    }

    static final String USAGE = String.join("\n",
            "usage: java -jar drkit-lambda.jar <command> [options]",
            "  status   --plan FILE                        read-only: capacity, health, DNS and the state they add up to",
            "  failover --plan FILE [--dry-run] [--force]  promote data, scale compute, wait for health, move DNS",
            "  failback --plan FILE [--dry-run] [--force]  move DNS back, return fleets to standby capacity",
            "  archive  search|restore|status|fetch|backfill ...  the archive catalog, in drkit-lambda-archive.jar (archive --help)",
            "  --dry-run  report the exact changes, make none",
            "  --force    move traffic even when the target is not healthy",
            "Prints a JSON report on stdout. Exit 0 success, 1 failure, 2 invalid input.",
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
        return run(recoveryCommands(), args, err);
    }

    /** Runs the command {@code args[0]} names, among {@code commands}; returns the exit code. */
    public static int run(Map<String, Command> commands, String[] args, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if ("--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            System.out.println(USAGE);
            return 0;
        }
        Command command = commands.get(args[0]);
        if (command == null && "archive".equals(args[0])) {
            err.println("the archive commands ship in drkit-lambda-archive.jar: java -jar drkit-lambda-archive.jar archive "
                    + String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
            return 2;
        }
        if (command == null) {
            err.println("unknown command '" + args[0] + "'; expected one of " + String.join(", ", commands.keySet()) + "\n" + USAGE);
            return 2;
        }
        return command.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
