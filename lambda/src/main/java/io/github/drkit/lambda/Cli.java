package io.github.drkit.lambda;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.drkit.runtime.engine.Action;

/**
 * The break-glass command line: {@code java -jar drkit-lambda.jar <command> ...}. A dispatcher only; each
 * sub-command parses its own options. Exit codes: 0 success, 1 failure, 2 invalid input.
 */
public final class Cli {
    /** A sub-command: takes the arguments after its name, returns the exit code. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args);
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("status", args -> RecoveryCommand.fromEnvironment(Action.STATUS).run(args));
        COMMANDS.put("failover", args -> RecoveryCommand.fromEnvironment(Action.FAILOVER).run(args));
        COMMANDS.put("failback", args -> RecoveryCommand.fromEnvironment(Action.FAILBACK).run(args));
        COMMANDS.put("archive", io.github.drkit.lambda.archive.ArchiveCommand::run);
    }

    static final String USAGE = String.join("\n",
            "usage: java -jar drkit-lambda.jar <command> [options]",
            "  status   --plan FILE                        read-only: capacity, health, DNS and the state they add up to",
            "  failover --plan FILE [--dry-run] [--force]  promote data, scale compute, wait for health, move DNS",
            "  failback --plan FILE [--dry-run] [--force]  move DNS back, return fleets to standby capacity",
            "  archive  search|restore|status|fetch|backfill ...  the archive catalog (archive --help)",
            "  --dry-run  report the exact changes, make none",
            "  --force    move traffic even when the target is not healthy",
            "Prints a JSON report on stdout. Exit 0 success, 1 failure, 2 invalid input.",
            "AWS_REGION, AWS_ENDPOINT_URL and the usual AWS credentials variables apply.");

    private Cli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.err);
        System.out.flush();
        System.exit(code);
    }

    static int run(String[] args, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if ("--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            System.out.println(USAGE);
            return 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("unknown command '" + args[0] + "'; expected one of " + String.join(", ", COMMANDS.keySet()) + "\n" + USAGE);
            return 2;
        }
        return command.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
