package io.github.drkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The emulator launcher: started on a free loopback port, answering, and gone after close. */
class MotoLauncherTest {
    @Test
    void start_whenInstalled_answersOnLoopbackAndStopsOnClose() throws Exception {
        MotoLauncher moto = MotoLauncher.start();
        long pid = moto.pid();
        try {
            assertEquals("127.0.0.1", moto.endpoint().getHost());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/data.json"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        } finally {
            moto.close();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        assertFalse(process.isPresent() && process.get().isAlive(), "moto_server " + pid + " still runs after close");
        assertTrue(moto.log().toFile().exists(), "the emulator's log is kept for the report");
    }
}
