package io.github.drkit.lambda;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.plan.RecoveryPlan;

/** {@code status|failover|failback --plan FILE [--dry-run] [--force]}: the engine's JSON report on stdout. */
final class RecoveryCommand {
    private final Action action;
    private final Function<RecoveryPlan, AwsClients> clients;
    private final Duration pollInterval;
    private final PrintStream out;
    private final PrintStream err;

    RecoveryCommand(Action action, Function<RecoveryPlan, AwsClients> clients, Duration pollInterval, PrintStream out, PrintStream err) {
        this.action = action;
        this.clients = clients;
        this.pollInterval = pollInterval;
        this.out = out;
        this.err = err;
    }

    /** Clients from the environment (AWS_REGION, else the plan's recovery Region; AWS_ENDPOINT_URL when set). */
    static RecoveryCommand fromEnvironment(Action action) {
        return new RecoveryCommand(action, plan -> AwsClients.fromEnvironment(plan.recoveryRegion()), Duration.ofSeconds(5),
                System.out, System.err);
    }

    int run(String[] args) {
        RecoveryPlan plan;
        RecoveryRequest request;
        try {
            Path file = null;
            boolean dryRun = false;
            boolean force = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--plan" -> {
                        if (i + 1 >= args.length) {
                            throw new InvalidRequestException("--plan", "needs a file name");
                        }
                        file = Path.of(args[++i]);
                    }
                    case "--dry-run" -> dryRun = true;
                    case "--force" -> force = true;
                    case "--help", "-h" -> {
                        out.println(Cli.USAGE);
                        return 0;
                    }
                    default -> throw new InvalidRequestException(args[i], "is not an option of " + action.id()
                            + " (options: --plan FILE, --dry-run, --force, --help)");
                }
            }
            if (file == null) {
                throw new InvalidRequestException("--plan", "is required: the recovery plan file");
            }
            if (action == Action.STATUS && (dryRun || force)) {
                throw new InvalidRequestException(dryRun ? "--dry-run" : "--force", "does not apply to status, which changes nothing");
            }
            plan = RecoveryPlan.parse(read(file));
            request = new RecoveryRequest(action, dryRun, force);
        } catch (InvalidInputException e) {
            return invalid(e);
        }
        try (AwsClients aws = clients.apply(plan);
             RecoveryEngine engine = RecoveryEngine.builder(aws).pollInterval(pollInterval).build()) {
            Report report = engine.run(plan, request);
            out.println(ReportJson.write(report));
            if (report.outcome() == Report.RunOutcome.FAILED) {
                err.println(report.message());
                return 1;
            }
            return 0;
        } catch (InvalidInputException e) {
            return invalid(e);
        } catch (RuntimeException e) {
            err.println(action.id() + " failed: " + e);
            out.println(error("FAILED", null, String.valueOf(e.getMessage())));
            return 1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("--plan", "file '" + file + "' not found");
        } catch (IOException e) {
            throw new InvalidRequestException("--plan", "file '" + file + "' could not be read: " + e.getMessage());
        }
    }

    private int invalid(InvalidInputException e) {
        err.println("invalid input: " + e.getMessage());
        out.println(error("INVALID_INPUT", e.field(), e.getMessage()));
        return 2;
    }

    private String error(String outcome, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action.id());
        body.put("outcome", outcome);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return ReportJson.write(body);
    }
}
