package io.github.drkit.emulator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code moto_server}, the AWS API emulator, on a free loopback port and stops it after: for the DR
 * drill and for the tests that run the runtime against a real AWS API.
 *
 * <p>The emulator runs with {@code VALIDATE_LAMBDA_S3=false}: CloudFormation templates name Lambda code
 * in the CDK asset bucket, and a drill would otherwise have to upload every asset before a function
 * can be created.
 */
public final class MotoLauncher implements AutoCloseable {
    /** How users install the emulator when it is missing. */
    public static final String INSTALL_HINT = "pip install 'moto[server]'";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoLauncher(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts the emulator and waits until it answers; fails with the install hint when it is missing. */
    public static MotoLauncher start() {
        return start(Map.of());
    }

    /**
     * Starts the emulator with these extra environment variables, e.g. {@code INITIAL_NO_AUTH_ACTION_COUNT}; see
     * {@link EmulatorIam} to turn IAM enforcement on and off while it runs instead.
     */
    public static MotoLauncher start(Map<String, String> environment) {
        String executable = findOnPath("moto_server");
        int port = freeLoopbackPort();
        try {
            Path log = Files.createTempFile("drkit-drill-moto-", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(executable, "-H", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("VALIDATE_LAMBDA_S3", "false");
            builder.environment().putAll(environment);
            MotoLauncher launcher = new MotoLauncher(builder.start(), URI.create("http://127.0.0.1:" + port), log);
            launcher.awaitReady();
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto_server", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The emulator's own log, kept for the report when a call fails inside it. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue()
                        + "; its log: " + readLog());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // poll again until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s; its log: " + readLog());
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The executable's path; fails with the install hint when it is not on PATH. */
    public static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException(name + " was not found on PATH; install the AWS API emulator with: " + INSTALL_HINT);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
