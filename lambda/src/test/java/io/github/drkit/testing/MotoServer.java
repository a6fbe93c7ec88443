package io.github.drkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.drkit.emulator.EmulatorIam;
import io.github.drkit.emulator.MotoLauncher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A {@code moto_server} process on a free loopback port: a real AWS API server for tests, with what tests
 * need beyond {@link MotoLauncher}: credentials it accepts and a reset between tests.
 *
 * <p>Started by {@link MotoServerExtension}, once per test JVM, and stopped when the JVM's tests end.
 */
public final class MotoServer implements AutoCloseable {
    private final MotoLauncher launcher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MotoServer(MotoLauncher launcher) {
        this.launcher = launcher;
    }

    /** Starts {@code moto_server} and waits until it answers. Fails, never skips, when it is not installed. */
    public static MotoServer start() {
        return new MotoServer(MotoLauncher.start());
    }

    /** The base URL every SDK client in a test uses as its endpoint override. */
    public URI endpoint() {
        return launcher.endpoint();
    }

    /** Credentials the emulator accepts; they never leave the machine. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /**
     * Forgets every resource in every Region, so that each test starts from an empty account, and turns IAM
     * enforcement off in case a test left it on.
     */
    public void reset() {
        EmulatorIam.of(endpoint()).relax();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("moto_server at " + endpoint() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling moto_server", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto_server reset answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    /** Runs code under an IAM role the emulator enforces. */
    public EmulatorIam iam() {
        return EmulatorIam.of(endpoint());
    }

    @Override
    public void close() {
        launcher.close();
    }
}
