package io.github.drkit.apps;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The reference DR app: one stack set per strategy, each across the primary and the recovery Region.
 * {@code cdk synth} runs {@link #main}; the tests call {@link #define} on an App of their own.
 */
public final class ReferenceApp {
    private ReferenceApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        define(app);
        app.synth();
    }

    /** Adds every stack of the reference app to {@code app}. */
    public static void define(App app) {
        ReferenceEnvironment env = ReferenceEnvironment.from(app);
        new NotificationsStack(app, "drkit-notifications", StackProps.builder()
                .env(env.recovery())
                .description("drkit reference app: recovery notifications in the recovery Region")
                .build());
        io.github.drkit.apps.strategies.PilotLightStacks.define(app, env);
        io.github.drkit.apps.strategies.WarmStandbyStacks.define(app, env);
        io.github.drkit.apps.strategies.MultiSiteStacks.define(app, env);
        io.github.drkit.apps.strategies.BackupRestoreStacks.define(app, env);
    }
}
