package io.github.drkit.apps.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.emulator.MotoLauncher;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * Runs the drill over every strategy of an app: synthesizes it, opens the emulator (the one given, else
 * {@code AWS_ENDPOINT_URL}, else a {@code moto_server} it starts), puts the {@link FaultProxy} in front, drills
 * each {@link DrillTarget} in turn and returns the report.
 *
 * <pre>{@code
 * DrillReport report = DrillRunner.builder()
 *         .app(ReferenceApp::define)
 *         .outdir(Path.of("cdk.out/drill/assembly"))
 *         .build()
 *         .run();
 * }</pre>
 */
public final class DrillRunner {
    private final Consumer<App> app;
    private final Map<String, Object> context;
    private final Path outdir;
    private final URI endpoint;
    private final List<Fault> faults;
    private final Duration stackTimeout;
    private final DrillListener listener;
    private final Prerequisite prerequisite;
    private final String prerequisiteAccount;
    private final java.util.Set<String> strategies;
    private static final int MAX_SYNTH_ROUNDS = 3;

    private DrillRunner(Builder b) {
        this.app = Objects.requireNonNull(b.app, "app");
        this.context = Map.copyOf(b.context);
        this.outdir = Objects.requireNonNull(b.outdir, "outdir");
        this.endpoint = b.endpoint;
        this.faults = List.copyOf(b.faults);
        this.stackTimeout = b.stackTimeout;
        this.listener = b.listener;
        this.prerequisite = b.prerequisite;
        this.prerequisiteAccount = b.prerequisiteAccount;
        this.strategies = java.util.Set.copyOf(b.strategies);
    }

    public static Builder builder() {
        return new Builder();
    }

    public DrillReport run() {
        Instant started = Instant.now();
        MotoLauncher launched = null;
        try {
            URI upstream;
            String description;
            if (endpoint != null) {
                upstream = EmulatorEndpoint.of(endpoint.toString()).uri();
                description = "the emulator at " + upstream;
            } else if (System.getenv("AWS_ENDPOINT_URL") != null) {
                upstream = EmulatorEndpoint.of(System.getenv("AWS_ENDPOINT_URL")).uri();
                description = "the emulator at AWS_ENDPOINT_URL " + upstream;
            } else {
                try {
                    launched = MotoLauncher.start();
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("DrillCommand: " + e.getMessage() + " (or set AWS_ENDPOINT_URL to a running emulator)", e);
                }
                upstream = launched.endpoint();
                description = "moto_server started by the drill at " + upstream + " (pid " + launched.pid() + ")";
            }
            // A moto the drill started itself needs no probe to say what it is.
            boolean moto = launched != null || isMoto(upstream);
            java.nio.file.Path launchedLog = launched == null ? null : launched.log();
            try (FaultProxy proxy = FaultProxy.start(upstream)) {
                List<String> lookups = new ArrayList<>();
                Map<String, Object> prepared = new LinkedHashMap<>();
                if (prerequisite != null) {
                    try (DrillClients setup = new DrillClients(proxy.endpoint(), prerequisiteAccount)) {
                        prepared.putAll(prerequisite.prepare(setup));
                    }
                    prepared.forEach((k, v) -> lookups.add(k + " = " + v + " (created in the emulator before the synth: the app imports it)"));
                }
                App cdkApp = synth(proxy.endpoint(), prepared, lookups);
                CloudAssembly assembly = CloudAssembly.read(outdir);
                List<DrillTarget> found = DrillTarget.discover(assembly);
                List<DrillTarget> targets = strategies.isEmpty() ? found
                        : found.stream().filter(t -> strategies.contains(t.name())).toList();
                for (String wanted : strategies) {
                    if (found.stream().noneMatch(t -> t.name().equals(wanted))) {
                        throw new IllegalArgumentException("DrillCommand: --strategy must name a strategy of the app (got '" + wanted
                                + "'; the app has " + found.stream().map(DrillTarget::name).toList() + ")");
                    }
                }
                Set<String> covered = new LinkedHashSet<>();
                targets.forEach(t -> t.stacks().forEach(s -> covered.add(s.artifactId())));
                List<String> notDrilled = assembly.stacks().stream().filter(s -> !covered.contains(s.artifactId()))
                        .map(AssemblyStack::stackName).sorted().toList();
                Map<String, Stack> stacksById = new LinkedHashMap<>();
                for (IConstruct c : cdkApp.getNode().findAll()) {
                    if (c instanceof Stack s) {
                        stacksById.put(s.getArtifactId(), s);
                    }
                }
                String account = assembly.stacks().isEmpty() ? "123456789012" : assembly.stacks().get(0).account();
                List<StrategyDrill> drills = new ArrayList<>();
                try (DrillClients clients = new DrillClients(proxy.endpoint(), account)) {
                    Drill drill = new Drill(clients, proxy, stackTimeout, faults, moto, listener, launchedLog);
                    for (DrillTarget target : targets) {
                        List<Stack> stacks = target.stacks().stream().map(s -> stacksById.get(s.artifactId())).filter(Objects::nonNull).toList();
                        drills.add(drill.run(target, RtoBudget.of(stacks)));
                    }
                }
                Instant ended = Instant.now();
                boolean passed = !drills.isEmpty() && drills.stream().allMatch(StrategyDrill::passed);
                return new DrillReport(started.toString(), ended.toString(), Duration.between(started, ended).toMillis(), description,
                        outdir.toString(), faults.stream().map(Fault::toString).toList(), lookups, drills, notDrilled, passed);
            }
        } finally {
            if (launched != null) {
                launched.close();
            }
        }
    }

    /**
     * Synthesizes the app the way {@code cdk synth} does: when the assembly reports context it is missing
     * (availability zones, for a VPC in an environment-specific stack), the drill looks it up, from the
     * emulator instead of AWS, and synthesizes again. Bounded: a lookup that keeps coming back is an error.
     */
    private App synth(URI emulator, Map<String, Object> prepared, List<String> lookups) {
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.putAll(prepared);
        for (int round = 0; round < MAX_SYNTH_ROUNDS; round++) {
            App cdkApp = new App(AppProps.builder().outdir(outdir.toString()).context(ctx).build());
            app.accept(cdkApp);
            cdkApp.synth();
            com.fasterxml.jackson.databind.JsonNode missing = CloudAssembly.readJson(outdir.resolve("manifest.json")).path("missing");
            if (missing.isEmpty()) {
                return cdkApp;
            }
            for (com.fasterxml.jackson.databind.JsonNode m : missing) {
                String key = m.path("key").asText();
                String provider = m.path("provider").asText();
                if (ctx.containsKey(key)) {
                    throw new DrillException("the app still asks for context '" + key + "' after the drill provided it");
                }
                if (!"availability-zones".equals(provider)) {
                    throw new DrillException("the app needs the context lookup '" + key + "' (" + provider + "), which the drill "
                            + "cannot answer from an emulator; put its value in cdk.json");
                }
                String region = m.path("props").path("region").asText();
                String account = m.path("props").path("account").asText();
                try (DrillClients lookup = new DrillClients(emulator, account)) {
                    List<String> zones = lookup.ec2(region).describeAvailabilityZones().availabilityZones().stream()
                            .filter(z -> z.stateAsString() == null || "available".equals(z.stateAsString()))
                            .map(software.amazon.awssdk.services.ec2.model.AvailabilityZone::zoneName).sorted().toList();
                    ctx.put(key, zones);
                    lookups.add(key + " = " + zones + " (answered by the emulator, as cdk synth answers it from AWS)");
                }
            }
        }
        throw new DrillException("the app kept asking for context after " + MAX_SYNTH_ROUNDS + " synths");
    }

    private static boolean isMoto(URI endpoint) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Builds a {@link DrillRunner}; {@code app} and {@code outdir} are required. */
    public static final class Builder {
        private Consumer<App> app;
        private final Map<String, Object> context = new LinkedHashMap<>();
        private Path outdir;
        private URI endpoint;
        private final List<Fault> faults = new ArrayList<>();
        private Duration stackTimeout = Duration.ofSeconds(120);
        private DrillListener listener = DrillListener.NONE;
        private Prerequisite prerequisite;
        private String prerequisiteAccount;
        private final List<String> strategies = new ArrayList<>();

        private Builder() {
        }

        /** Drills only this strategy (by name, e.g. {@code drkit-pilot-light}); repeatable. @default every strategy */
        public Builder strategy(String name) {
            this.strategies.add(Objects.requireNonNull(name));
            return this;
        }

        /**
         * Something the app imports that must exist before it deploys, created in the given account of the
         * emulator before the synth. @default none
         */
        public Builder prerequisite(String account, Prerequisite prerequisite) {
            this.prerequisiteAccount = Objects.requireNonNull(account, "account");
            this.prerequisite = Objects.requireNonNull(prerequisite, "prerequisite");
            return this;
        }

        /** Told after each step while the stacks are deployed. @default none */
        public Builder listener(DrillListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** Adds the app's stacks to the App the drill synthesizes, e.g. {@code ReferenceApp::define}. Required. */
        public Builder app(Consumer<App> app) {
            this.app = app;
            return this;
        }

        /** A CDK context value for the synth. @default none */
        public Builder context(String key, Object value) {
            this.context.put(key, value);
            return this;
        }

        /** Where the drill synthesizes the app. Required. */
        public Builder outdir(Path outdir) {
            this.outdir = outdir;
            return this;
        }

        /**
         * The emulator to use; it must be on a loopback address.
         *
         * @default {@code AWS_ENDPOINT_URL} when set, else a {@code moto_server} the drill starts and stops
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Faults armed during the first failover run of each strategy. @default none */
        public Builder fault(Fault fault) {
            this.faults.add(Objects.requireNonNull(fault));
            return this;
        }

        /** How long one stack may take to create or delete in the emulator. @default 120 s */
        public Builder stackTimeout(Duration stackTimeout) {
            if (stackTimeout.isNegative() || stackTimeout.isZero() || stackTimeout.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new IllegalArgumentException("DrillCommand: stackTimeout must be between 1 s and 30 min (got " + stackTimeout + ")");
            }
            this.stackTimeout = stackTimeout;
            return this;
        }

        public DrillRunner build() {
            return new DrillRunner(this);
        }
    }
}
