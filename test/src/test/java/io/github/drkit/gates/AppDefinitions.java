package io.github.drkit.gates;

import java.util.Map;
import java.util.function.Consumer;

import io.github.drkit.apps.ReferenceApp;
import io.github.drkit.apps.crossaccount.CrossAccountApp;
import software.amazon.awscdk.App;

/** Every app in drkit-apps, by name. A new app is added here, and the gates then judge it. */
final class AppDefinitions {
    private AppDefinitions() {
    }

    static Map<String, Consumer<App>> all() {
        return Map.of("reference", ReferenceApp::define,
                // Two accounts: the workload account's fleet and role, the recovery account's DNS and failover function.
                "cross-account", app -> CrossAccountApp.define(app, "111111111111", "222222222222", "us-west-2"));
    }
}
