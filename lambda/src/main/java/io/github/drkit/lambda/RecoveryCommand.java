package io.github.drkit.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
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
import io.github.drkit.runtime.engine.Cut;
import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.runtime.engine.Progress;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.RequestField;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Verdict;

/**
 * {@code status|failover|failback --plan FILE [--dry-run] [--force] [--deadline SECONDS] [--approve STAGE] [--run-id ID]}:
 * the engine's JSON report on stdout, progress lines on stderr as the run goes. {@code evaluate --plan FILE [--rto SECONDS]
 * [--rpo SECONDS] [--deadline SECONDS]}: the readiness report on stdout, exit 1 when it is {@code NOT_READY}.
 * {@code restore} takes the options of failover and {@code [--before TIME]}: failover from the latest recovery points, or
 * the latest at or before TIME.
 */
final class RecoveryCommand {
    /** The largest plan file read: plans the constructs write are a few KB; a larger file is not a plan. */
    static final long MAX_PLAN_BYTES = 1024 * 1024;

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

    /** What the options say, before the plan is read. */
    private record Options(Path file, boolean dryRun, boolean force, Duration deadline, Objectives objectives,
                           java.time.Instant before, String approve, String runId, String roleArn) {
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
            Options options = parse(args);
            if (options == null) {
                out.println(Cli.USAGE);
                return 0;
            }
            plan = RecoveryPlan.parse(read(options.file()));
            request = new RecoveryRequest(action, options.dryRun(), options.force(), options.deadline(), options.before(),
                    options.approve(), options.runId());
            if (action == Action.EVALUATE) {
                return evaluate(plan, request, options.objectives(), options.roleArn());
            }
            request.checkApproval(plan, "--approve");
        } catch (InvalidInputException e) {
            return invalid(e);
        }
        try (AwsClients aws = clients.apply(plan);
             RecoveryEngine engine = RecoveryEngine.builder(aws).pollInterval(pollInterval).progress(Progress.lines(err)).build()) {
            Report report = engine.run(plan, request);
            out.println(ReportJson.write(report));
            if (report.outcome() == Report.RunOutcome.FAILED) {
                err.println(report.message());
                return 1;
            }
            if (report.outcome() == Report.RunOutcome.WAITING_FOR_APPROVAL) {
                err.println(report.message());
                return 3;
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

    private int evaluate(RecoveryPlan plan, RecoveryRequest request, Objectives objectives, String roleArn) {
        try (AwsClients aws = clients.apply(plan);
             ReadinessEvaluator evaluator = ReadinessEvaluator.builder(aws).roleArn(roleArn).build()) {
            // The plan's declared objectives, each replaced by --rto or --rpo when given.
            ReadinessReport report = evaluator.evaluate(plan, Objectives.declaredBy(plan).overriddenBy(objectives), request.deadline());
            out.println(ReportJson.write(report));
            err.println(report.verdict() + ": " + report.message());
            return report.verdict() == Verdict.NOT_READY ? 1 : 0;
        } catch (InvalidInputException e) {
            return invalid(e);
        } catch (RuntimeException e) {
            err.println(action.id() + " failed: " + e);
            out.println(error("FAILED", null, String.valueOf(e.getMessage())));
            return 1;
        }
    }

    /** The options; null when they ask for help. */
    private Options parse(String[] args) {
        String file = null;
        boolean dryRun = false;
        boolean force = false;
        Duration deadline = null;
        Duration rto = null;
        Duration rpo = null;
        java.time.Instant before = null;
        String approve = null;
        String runId = null;
        String roleArn = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--plan" -> {
                    String value = value(args, i++, "a file name");
                    if (file != null) {
                        throw new InvalidRequestException("--plan", "is given twice ('" + Cut.value(file) + "' and '" + Cut.value(value)
                                + "'); give one plan");
                    }
                    file = value;
                }
                case "--deadline" -> {
                    String value = value(args, i++, "a number of seconds");
                    if (deadline != null) {
                        throw new InvalidRequestException("--deadline", "is given twice; give it once");
                    }
                    deadline = deadline(value);
                }
                case "--rto", "--rpo" -> {
                    String option = args[i];
                    if (action != Action.EVALUATE) {
                        throw new InvalidRequestException(option, "applies to evaluate only");
                    }
                    Duration value = ObjectiveSeconds.parse(option, value(args, i++, "a number of seconds"));
                    if ("--rto".equals(option)) {
                        rto = value;
                    } else {
                        rpo = value;
                    }
                }
                case "--before" -> {
                    String value = value(args, i++, "a time such as 2026-12-01T10:00Z");
                    if (before != null) {
                        throw new InvalidRequestException("--before", "is given twice; give it once");
                    }
                    before = RecoveryRequest.before("--before", value, action, java.time.Instant.now());
                }
                case "--approve" -> {
                    String value = value(args, i++, "a stage name");
                    if (approve != null) {
                        throw new InvalidRequestException("--approve", "is given twice; give the one stage the run may go through");
                    }
                    approve = RecoveryRequest.approveValue("--approve", value);
                }
                case "--run-id" -> {
                    String value = value(args, i++, "a run id");
                    if (runId != null) {
                        throw new InvalidRequestException("--run-id", "is given twice; give it once");
                    }
                    runId = RecoveryRequest.runIdValue("--run-id", value);
                }
                case "--role-arn" -> {
                    String value = value(args, i++, "a role ARN");
                    if (action != Action.EVALUATE) {
                        throw new InvalidRequestException("--role-arn", "applies to evaluate only (got " + action.id()
                                + "): it names the role whose permissions evaluate checks");
                    }
                    if (!value.matches("arn:[a-z-]+:iam::\\d{12}:role/.+")) {
                        throw new InvalidRequestException("--role-arn", "must be an IAM role ARN, arn:<partition>:iam::<account>:role/<name> (got '"
                                + Cut.value(value) + "')");
                    }
                    roleArn = value;
                }
                case "--dry-run" -> dryRun = true;
                case "--force" -> force = true;
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new InvalidRequestException(Cut.value(args[i]), "is not an option of " + action.id() + " (options: " + options() + ")");
            }
        }
        if (file == null) {
            throw new InvalidRequestException("--plan", "is required: the recovery plan file");
        }
        // The event's rule, naming the options: what the action would ignore is refused, as the Lambda refuses it.
        RecoveryRequest.checkFields(action, dryRun, force, before, approve, runId, RequestField::option);
        return new Options(path(file), dryRun, force, deadline == null ? RecoveryRequest.DEFAULT_DEADLINE : deadline, new Objectives(rto, rpo),
                before, approve, runId, roleArn);
    }

    /** The options of this command: the request's fields it takes ({@link RequestField}) and the command line's own. */
    private String options() {
        java.util.List<String> options = new java.util.ArrayList<>(java.util.List.of("--plan FILE"));
        if (action == Action.EVALUATE) {
            options.addAll(java.util.List.of("--rto SECONDS", "--rpo SECONDS"));
        }
        for (RequestField field : RequestField.of(action)) {
            options.add(field.option() + switch (field) {
                case BEFORE -> " TIME";
                case APPROVE -> " STAGE";
                case RUN_ID -> " ID";
                default -> "";
            });
        }
        options.add("--deadline SECONDS");
        if (action == Action.EVALUATE) {
            options.add("--role-arn ARN");
        }
        options.add("--help");
        return String.join(", ", options);
    }

    private static String value(String[] args, int i, String what) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new InvalidRequestException(args[i], "needs " + what);
        }
        return args[i + 1];
    }

    private static Duration deadline(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("--deadline", "must be a whole number of seconds from 1 to "
                    + RecoveryRequest.MAX_DEADLINE_SECONDS + " (got '" + Cut.value(value) + "')");
        }
        return RecoveryRequest.deadlineSeconds("--deadline", seconds);
    }

    private static Path path(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            // The JVM maps file names through the locale's encoding: under LANG=C (ASCII) a name such as
            // 'plän.json' cannot be opened at all.
            throw new InvalidRequestException("--plan", "file name '" + Cut.value(file) + "' cannot be used: " + e.getReason()
                    + " in the file name encoding " + System.getProperty("sun.jnu.encoding", "of the locale")
                    + "; run with a UTF-8 locale (LANG=C.UTF-8) or rename the file");
        }
    }

    /** The plan file, read up to {@link #MAX_PLAN_BYTES}: a larger file (or an endless one, /dev/zero) is refused unread. */
    private static String read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_PLAN_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("--plan", "file '" + Cut.value(file.toString()) + "' not found");
        } catch (IOException e) {
            throw new InvalidRequestException("--plan", "file '" + Cut.value(file.toString()) + "' could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_PLAN_BYTES) {
            throw new InvalidRequestException("--plan", "file '" + Cut.value(file.toString()) + "' is larger than the limit of "
                    + MAX_PLAN_BYTES + " bytes (1 MiB) for a plan; it was not parsed");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("--plan", "file '" + Cut.value(file.toString()) + "' is not UTF-8 text");
        }
    }

    private int invalid(InvalidInputException e) {
        err.println("invalid input: " + e.getMessage());
        err.println("run '" + action.id() + " --help' for the options");
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
