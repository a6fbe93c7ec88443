package io.github.drkit.lambda.archive;

import java.util.Map;

import io.github.drkit.lambda.Cli;

/**
 * The main class of {@code drkit-lambda-archive.jar}: the recovery commands of {@link Cli} and the archive catalog's
 * {@code archive search|restore|status|fetch|backfill}.
 */
public final class ArchiveCli {
    private ArchiveCli() {
    }

    public static void main(String[] args) {
        Map<String, Cli.Command> commands = Cli.recoveryCommands();
        commands.put("archive", ArchiveCommand::run);
        Cli.exit(Cli.run(commands, args, System.err));
    }
}
