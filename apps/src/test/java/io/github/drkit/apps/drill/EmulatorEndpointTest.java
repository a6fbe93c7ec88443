package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmulatorEndpointTest {
    @Test
    void of_whenLoopback_accepts() {
        assertEquals("http://127.0.0.1:5000", EmulatorEndpoint.of("http://127.0.0.1:5000").toString());
        assertEquals("http://localhost:4566", EmulatorEndpoint.of("http://localhost:4566").toString());
        assertEquals("http://[::1]:5000", EmulatorEndpoint.of("http://[::1]:5000").toString());
        assertEquals("http://127.0.0.2:5000", EmulatorEndpoint.of(" http://127.0.0.2:5000 ").toString());
    }

    @Test
    void of_whenRealAwsEndpoint_refusesAndSaysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatorEndpoint.of("https://cloudformation.us-east-1.amazonaws.com"));
        assertEquals("DrillCommand: AWS_ENDPOINT_URL points at a real AWS endpoint (got 'https://cloudformation.us-east-1.amazonaws.com'); "
                + "the drill only runs against an AWS emulator on this machine. A drill against a live account is a different "
                + "feature with different safeguards: unset AWS_ENDPOINT_URL to let the drill start moto_server, or point it "
                + "at an emulator on a loopback address", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmulatorEndpoint.of("https://route53.amazonaws.com"));
        assertThrows(IllegalArgumentException.class, () -> EmulatorEndpoint.of("https://ec2.cn-north-1.amazonaws.com.cn"));
        assertThrows(IllegalArgumentException.class, () -> EmulatorEndpoint.of("https://s3.dualstack.us-east-1.api.aws"));
    }

    @Test
    void of_whenAnotherMachine_refuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmulatorEndpoint.of("http://emulator.internal:4566"));
        assertEquals("DrillCommand: AWS_ENDPOINT_URL must be an emulator on a loopback address such as 127.0.0.1 or localhost "
                + "(got 'http://emulator.internal:4566'); the drill never sends its calls to another machine", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmulatorEndpoint.of("http://192.0.2.1:4566"));
    }

    @Test
    void of_whenNotAnHttpUrl_refuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmulatorEndpoint.of("localhost:5000"));
        assertEquals("DrillCommand: AWS_ENDPOINT_URL must be an http(s) URL of an AWS emulator (got 'localhost:5000')", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EmulatorEndpoint.of(" ")).getMessage().contains("empty"));
    }
}
