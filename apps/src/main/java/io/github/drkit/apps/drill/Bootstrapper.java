package io.github.drkit.apps.drill;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Does in the emulator what {@code cdk bootstrap} leaves behind that a deploy reads: the bootstrap
 * version parameter that the template's rule checks (the asset bucket is made by {@link AssetPublisher}),
 * once per account and Region.
 */
final class Bootstrapper {
    /** The SSM parameter CDK's bootstrap-version rule reads (default qualifier). */
    static final String BOOTSTRAP_VERSION_PARAMETER = "/cdk-bootstrap/hnb659fds/version";
    /** A bootstrap version recent enough for every rule CDK 2.x synthesizes. */
    static final String BOOTSTRAP_VERSION = "30";

    private final DrillClients clients;
    private final Set<String> bootstrapped = ConcurrentHashMap.newKeySet();

    Bootstrapper(DrillClients clients) {
        this.clients = clients;
    }

    void bootstrap(String account, String region) {
        if (!bootstrapped.add(account + "/" + region)) {
            return;
        }
        clients.ssm(region).putParameter(b -> b.name(BOOTSTRAP_VERSION_PARAMETER).value(BOOTSTRAP_VERSION)
                .type(ParameterType.STRING).overwrite(true));
    }
}
