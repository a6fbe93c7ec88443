package io.github.drkit.apps.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.drkit.apps.ReferenceApp;

/**
 * The DR drill of the reference app, on this machine:
 *
 * <pre>
 * java -cp "apps/target/classes:$(cat apps/target/classpath.txt)" io.github.drkit.apps.drill.DrillCommand [--out DIR]
 *      [--strategy NAME]... [--fault service:Action[@region]=500|503|throttle[xN]]... [--stack-timeout SECONDS]
 * </pre>
 *
 * Writes {@code DIR/report.json} and {@code DIR/report.svg} (default {@code cdk.out/drill}), prints the report
 * as tables, and exits 0 when every strategy passed, 1 when one failed, 2 on bad arguments.
 */
public final class DrillCommand {
    static final String USAGE = "usage: DrillCommand [--out DIR] [--strategy NAME]... [--fault service:Action[@region]=500|503|throttle[xN]]... "
            + "[--stack-timeout SECONDS]";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DrillCommand() {
    }

    /** Parsed command-line options. */
    record Options(Path out, List<Fault> faults, Duration stackTimeout, List<String> strategies) {
    }

    public static void main(String[] args) {
        // Before any HTTP client exists: the drill's proxy must pass each call's signed Host on to the emulator,
        // which checks signatures while the engine runs under the failover role.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        int code;
        try {
            code = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            code = 2;
        }
        // jsii keeps a node process and its threads; the drill is done.
        System.exit(code);
    }

    static int run(String[] args, PrintStream out) {
        Options options = parse(args);
        DrillRunner.Builder builder = DrillRunner.builder()
                .app(ReferenceApp::define)
                .prerequisite(account(), DrillCommand::referenceZone)
                .outdir(options.out().resolve("assembly"))
                .stackTimeout(options.stackTimeout());
        options.faults().forEach(builder::fault);
        options.strategies().forEach(builder::strategy);
        DrillReport report = builder.build().run();
        write(report, options.out());
        ReportTable.print(report, out);
        out.println();
        out.println("report: " + options.out().resolve("report.json") + "  timeline: " + options.out().resolve("report.svg"));
        return report.passed() ? 0 : 1;
    }

    /** The account the reference app synthesizes for, as {@link io.github.drkit.apps.ReferenceEnvironment} picks it. */
    static String account() {
        String fromEnv = System.getenv("CDK_DEFAULT_ACCOUNT");
        return fromEnv == null || fromEnv.isBlank() ? io.github.drkit.apps.ReferenceEnvironment.PLACEHOLDER_ACCOUNT : fromEnv;
    }

    /**
     * The reference app imports its public hosted zone by id ({@code hostedZoneId}, {@code zoneName}): a zone
     * outlives every stack. The drill creates one in the emulator and hands its id to the synth.
     */
    static java.util.Map<String, Object> referenceZone(DrillClients clients) {
        String name = io.github.drkit.apps.strategies.ReferenceZone.DEFAULT_ZONE_NAME;
        String id = clients.route53().createHostedZone(b -> b.name(name).callerReference("drkit-drill-" + System.nanoTime()))
                .hostedZone().id().replace("/hostedzone/", "");
        return java.util.Map.of("hostedZoneId", id, "zoneName", name);
    }

    static Options parse(String[] args) {
        Path out = Path.of("cdk.out", "drill");
        List<Fault> faults = new ArrayList<>();
        List<String> strategies = new ArrayList<>();
        Duration timeout = Duration.ofSeconds(120);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--fault" -> faults.add(Fault.parse(value(args, ++i, arg)));
                case "--strategy" -> strategies.add(value(args, ++i, arg));
                case "--stack-timeout" -> {
                    String v = value(args, ++i, arg);
                    try {
                        timeout = Duration.ofSeconds(Long.parseLong(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("DrillCommand: --stack-timeout must be a number of seconds (got '" + v + "')");
                    }
                    if (timeout.toSeconds() < 1 || timeout.toSeconds() > 1800) {
                        throw new IllegalArgumentException("DrillCommand: --stack-timeout must be between 1 and 1800 seconds (got " + v + ")");
                    }
                }
                default -> throw new IllegalArgumentException("DrillCommand: unknown argument '" + arg + "'");
            }
        }
        return new Options(out, faults, timeout, strategies);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException("DrillCommand: " + flag + " needs a value");
        }
        return args[i];
    }

    /** Writes {@code report.json} and {@code report.svg} into {@code dir}. */
    public static void write(DrillReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(report));
            Files.writeString(dir.resolve("report.svg"), TimelineSvg.render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("DrillCommand: could not write the report to " + dir, e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
