package io.github.drkit.apps.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.apps.ReferenceEnvironment;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

/** The containers strategy chooses its own Regions, whatever Regions the other strategies use. */
class ContainerStacksTest {
    private static String region(App app, String id) {
        return ((Stack) app.getNode().findChild(id)).getRegion();
    }

    @Test
    void define_whenNoContext_runsInUsWest2AndRecoversIntoUsEast1() {
        App app = new App(AppProps.builder().context(Map.of("hostedZoneId", "Z0000000000000", "zoneName", "example.com")).build());

        ContainerStacks.define(app, ReferenceEnvironment.from(app));

        assertEquals("us-west-2", region(app, "drkit-containers-primary"));
        assertEquals("us-east-1", region(app, "drkit-containers-recovery"));
    }

    @Test
    void define_whenContextNamesContainersRegions_usesThemNotTheSharedOnes() {
        App app = new App(AppProps.builder().context(Map.of("hostedZoneId", "Z0000000000000", "zoneName", "example.com",
                "primaryRegion", "eu-west-1", "recoveryRegion", "eu-central-1",
                "containersPrimaryRegion", "ap-southeast-2", "containersRecoveryRegion", "ap-northeast-1")).build());

        ContainerStacks.define(app, ReferenceEnvironment.from(app));

        assertEquals("ap-southeast-2", region(app, "drkit-containers-primary"));
        assertEquals("ap-northeast-1", region(app, "drkit-containers-recovery"));
    }

    @Test
    void define_whenContainersRegionsAreTheSame_failsNamingBoth() {
        App app = new App(AppProps.builder().context(Map.of("containersPrimaryRegion", "us-east-1",
                "containersRecoveryRegion", "us-east-1")).build());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContainerStacks.define(app, ReferenceEnvironment.from(app)));

        assertEquals("ContainerStacks: containersRecoveryRegion must differ from containersPrimaryRegion (both us-east-1)", e.getMessage());
    }
}
