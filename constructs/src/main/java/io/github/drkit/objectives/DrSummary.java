package io.github.drkit.objectives;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.constructs.IConstruct;

/**
 * The disaster-recovery summary of an app, one entry per stack: strategy, RTO estimate against the
 * objective, RPO estimate against the objective, and the monthly cost of the standby. It is what an
 * architect reads to compare strategies; {@link #write(Stage)} puts it in the cloud assembly as
 * {@value #FILE_NAME} next to the templates.
 *
 * <pre>{@code
 * app.synth();
 * DrSummary summary = DrSummary.write(app);   // cdk.out/drkit-summary.json
 * System.out.println(summary.toTable());
 * }</pre>
 */
public final class DrSummary {
    /** The file name written into the app's output directory. */
    public static final String FILE_NAME = "drkit-summary.json";
    /** The version of the JSON layout; raised on any incompatible change. */
    public static final int VERSION = 1;

    private final List<StackSummary> stacks;
    private final PriceTable prices;

    private DrSummary(List<StackSummary> stacks, PriceTable prices) {
        this.stacks = List.copyOf(stacks);
        this.prices = prices;
    }

    /** A summary of already-built stack lines. */
    static DrSummary from(List<StackSummary> stacks, PriceTable prices) {
        return new DrSummary(stacks, prices);
    }

    /** Summarizes every stack of an app (or stage) with the bundled prices; synthesizes it first. */
    public static DrSummary of(Stage app) {
        return of(app, PriceTable.bundled());
    }

    /**
     * Summarizes every stack of an app (or stage) with the given prices. It synthesizes the app
     * first, so it fails as {@code app.synth()} does when an objective is not met.
     */
    public static DrSummary of(Stage app, PriceTable prices) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(prices, "prices");
        app.synth();
        List<StackSummary> out = new ArrayList<>();
        for (Stack stack : stacks(app)) {
            out.add(StackSummary.of(stack, prices));
        }
        return new DrSummary(out, prices);
    }

    /**
     * Summarizes an app and writes {@value #FILE_NAME} into its output directory (cdk.out). When the
     * app does not synthesize (an objective is not met), it still writes the summary, without
     * standby costs and with each stack's violations, then rethrows the synth failure, so that
     * {@code cdk synth} fails and the file says why.
     */
    public static DrSummary write(Stage app) {
        Objects.requireNonNull(app, "app");
        PriceTable prices = PriceTable.bundled();
        DrSummary summary;
        try {
            summary = of(app, prices);
        } catch (RuntimeException synthFailure) {
            List<StackSummary> out = new ArrayList<>();
            for (Stack stack : stacks(app)) {
                out.add(StackSummary.unpriced(stack));
            }
            new DrSummary(out, prices).writeTo(Path.of(app.getOutdir()));
            throw synthFailure;
        }
        summary.writeTo(Path.of(app.getOutdir()));
        return summary;
    }

    /** Every stack of a stage, nested stages included; nested stacks belong to their parent's template. */
    private static List<Stack> stacks(Stage app) {
        List<Stack> out = new ArrayList<>();
        for (IConstruct c : app.getNode().findAll()) {
            if (Stack.isStack(c) && !NestedStack.isNestedStack(c)) {
                out.add((Stack) c);
            }
        }
        return out;
    }

    public List<StackSummary> stacks() {
        return stacks;
    }

    public PriceTable prices() {
        return prices;
    }

    /** Writes {@value #FILE_NAME} into a directory and returns its path. */
    public Path writeTo(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("DrSummary: cannot write " + file, e);
        }
        return file;
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("asOf", prices.asOf());
        p.put("source", prices.source());
        p.put("note", prices.note());
        root.put("prices", p);
        root.put("stacks", stacks.stream().map(StackSummary::toMap).collect(Collectors.toList()));
        return Json.write(root);
    }

    /**
     * A compact text table, one row per stack, e.g.
     * <pre>
     * STACK        STRATEGY      RTO estimate / objective   RPO estimate / objective   STANDBY/MONTH
     * PilotLight   PILOT_LIGHT   23 min / 30 min  ok        15 min / 15 min  ok        $54.20
     * </pre>
     */
    public String toTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STACK", "STRATEGY", "RTO estimate / objective", "RPO estimate / objective", "STANDBY/MONTH"});
        for (StackSummary s : stacks) {
            RecoveryEstimate rpoBy = s.assessment().rpoEstimate();
            String rpoEstimate = rpoBy != null && !rpoBy.rpoBounded() ? "unbounded" : Format.duration(s.rpoEstimate());
            rows.add(new String[] {
                s.stackName(),
                s.strategy() == null ? "-" : s.strategy().name(),
                cell(Format.duration(s.rtoEstimate()), s.rtoObjective(), s.assessment().rtoMet()),
                cell(rpoEstimate, s.rpoObjective(), s.assessment().rpoMet()),
                s.standbyCost() == null ? "-" : Format.usd(s.standbyCost().monthlyUsd())
                        + (s.standbyCost().unpriced().isEmpty() ? "" : " *")
            });
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                boolean last = i == r.length - 1;
                b.append(last ? r[i] : r[i] + " ".repeat(width[i] - r[i].length() + 3));
            }
            b.append('\n');
        }
        b.append("Standby prices: ").append(prices.source().replaceAll(" \\(.*", "")).append(", as of ")
                .append(prices.asOf()).append("; approximate, for comparing strategies, not billing.");
        if (stacks.stream().anyMatch(s -> s.standbyCost() != null && !s.standbyCost().unpriced().isEmpty())) {
            b.append(" * some resources not priced: see ").append(FILE_NAME).append('.');
        }
        return b.append('\n').toString();
    }

    private static String cell(String estimate, Duration objective, Boolean met) {
        if (objective == null) {
            return estimate;
        }
        return estimate + " / " + Format.duration(objective) + (Boolean.TRUE.equals(met) ? "  ok" : "  MISSED");
    }
}
