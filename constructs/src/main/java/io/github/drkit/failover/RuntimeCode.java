package io.github.drkit.failover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The drkit-lambda runtime that ships inside the drkit-constructs jar. At synth time it is written
 * once to {@code <java.io.tmpdir>/drkit-lambda-<sha256>/drkit-lambda.jar}: the folder is named by the
 * content, so repeated synths reuse the same file and the same asset hash, and a new runtime gets a
 * new folder.
 */
public final class RuntimeCode {
    /** Where the constructs build puts the shaded runtime jar. */
    public static final String RESOURCE = "/io/github/drkit/failover/drkit-lambda.jar";
    /** The handler in the runtime jar. */
    public static final String HANDLER = "io.github.drkit.lambda.FailoverHandler::handleRequest";

    private RuntimeCode() {
    }

    /**
     * The embedded runtime as Lambda code. The jar is read, hashed and written once per JVM, however many
     * functions an app holds; each call returns a new {@link Code}, since an asset binds to one stack.
     */
    public static Code embedded() {
        return Code.fromAsset(ExtractedJar.PATH.toString());
    }

    /** Extracted on first use only: a synth that passes its own code never reads the embedded jar. */
    private static final class ExtractedJar {
        static final Path PATH = extract(Paths.get(System.getProperty("java.io.tmpdir")));
    }

    /** Writes the embedded runtime under {@code dir} unless it is already there, and returns the jar's path. */
    static Path extract(Path dir) {
        byte[] jar = read();
        String hash = sha256(jar);
        Path folder = dir.resolve("drkit-lambda-" + hash.substring(0, 16));
        Path target = folder.resolve("drkit-lambda.jar");
        try {
            if (Files.isRegularFile(target) && Files.size(target) == jar.length && sha256(Files.readAllBytes(target)).equals(hash)) {
                return target;
            }
            Files.createDirectories(folder);
            // Write beside the target and move: a concurrent synth never sees half a jar.
            Path tmp = Files.createTempFile(folder, "drkit-lambda", ".part");
            Files.write(tmp, jar);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("drkit: cannot write the runtime jar to " + target + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read() {
        try (InputStream in = RuntimeCode.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("drkit: the runtime jar " + RESOURCE
                        + " is not on the classpath; build drkit-lambda before drkit-constructs (mvn -pl lambda,constructs package) or pass code");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("drkit: cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
