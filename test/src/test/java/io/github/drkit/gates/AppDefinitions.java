package io.github.drkit.gates;

import java.util.Map;
import java.util.function.Consumer;

import io.github.drkit.apps.ReferenceApp;
import software.amazon.awscdk.App;

/** Every app in drkit-apps, by name. A new app is added here, and the gates then judge it. */
final class AppDefinitions {
    private AppDefinitions() {
    }

    static Map<String, Consumer<App>> all() {
        return Map.of("reference", ReferenceApp::define);
    }
}
