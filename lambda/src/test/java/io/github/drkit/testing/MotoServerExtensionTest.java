package io.github.drkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.emulator.MotoLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

@ExtendWith(MotoServerExtension.class)
class MotoServerExtensionTest {

    private static SnsClient sns(MotoServer moto) {
        return SnsClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Test
    void endpoint_whenStarted_isLoopback(MotoServer moto) {
        assertEquals("127.0.0.1", moto.endpoint().getHost());
    }

    @Test
    void reset_whenResourcesExist_forgetsThem(MotoServer moto) {
        try (SnsClient sns = sns(moto)) {
            sns.createTopic(b -> b.name("drkit-reset-probe"));
            assertEquals(1, sns.listTopics().topics().size());

            moto.reset();

            assertTrue(sns.listTopics().topics().isEmpty());
        }
    }

    @Test
    void findOnPath_whenMissing_failsWithInstallHint() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MotoLauncher.findOnPath("drkit-no-such-emulator"));
        assertTrue(e.getMessage().contains("pip install 'moto[server]'"), e.getMessage());
        assertTrue(e.getMessage().contains("drkit-no-such-emulator"), e.getMessage());
    }
}
