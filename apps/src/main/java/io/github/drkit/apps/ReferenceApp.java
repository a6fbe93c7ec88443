package io.github.drkit.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.drkit.apps.strategies.BackupRestoreStacks;
import io.github.drkit.apps.strategies.ContainerStacks;
import io.github.drkit.apps.strategies.MultiSiteStacks;
import io.github.drkit.apps.strategies.PilotLightStacks;
import io.github.drkit.apps.strategies.WarmStandbyStacks;
import io.github.drkit.objectives.DrSummary;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The reference DR app: one stack set per strategy, each across the primary and the recovery Region.
 * {@code cdk synth} runs {@link #main}; the tests call {@link #define} on an App of their own.
 */
public final class ReferenceApp {
    /** The DR summary as a table, beside drkit-summary.json; the main job prints it. */
    public static final String SUMMARY_TABLE = "drkit-summary.txt";

    private ReferenceApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        define(app);
        // Synthesizes the app and writes cdk.out/drkit-summary.json; when a stack misses its objectives
        // the summary still says why, and synth fails.
        DrSummary summary = DrSummary.write(app);
        writeTable(Path.of(app.getOutdir()).resolve(SUMMARY_TABLE), summary.toTable());
    }

    /** Adds every stack of the reference app to {@code app}. */
    public static void define(App app) {
        ReferenceEnvironment env = ReferenceEnvironment.from(app);
        new NotificationsStack(app, "drkit-notifications", StackProps.builder()
                .env(env.recovery())
                .description("drkit reference app: recovery notifications in the recovery Region")
                .build());
        BackupRestoreStacks.define(app, env);
        PilotLightStacks.define(app, env);
        WarmStandbyStacks.define(app, env);
        MultiSiteStacks.define(app, env);
        ContainerStacks.define(app, env);
    }

    private static void writeTable(Path file, String table) {
        try {
            Files.writeString(file, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
