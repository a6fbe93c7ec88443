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
 * The drkit-lambda jars that ship inside the drkit-constructs jar: the recovery runtime (the failover
 * function) and the archive catalog's runtime. At synth time each is written once to
 * {@code <java.io.tmpdir>/<name>-<sha256>/<name>.jar}: the folder is named by the content, so repeated synths
 * reuse the same file and the same asset hash, and a new runtime gets a new folder.
 */
public final class RuntimeCode {
    /** Where the constructs build puts the recovery runtime's jar. */
    public static final String RESOURCE = "/io/github/drkit/failover/drkit-lambda.jar";
    /** Where the constructs build puts the archive catalog's jar (the runtime with the S3 and DynamoDB clients). */
    public static final String ARCHIVE_RESOURCE = "/io/github/drkit/failover/drkit-lambda-archive.jar";
    /** The handler in the runtime jar. */
    public static final String HANDLER = "io.github.drkit.lambda.FailoverHandler::handleRequest";
    /** The restore testing validation handler in the same runtime jar. */
    public static final String VALIDATION_HANDLER = "io.github.drkit.lambda.RestoreValidationHandler::handleRequest";

    private RuntimeCode() {
    }

    /**
     * The embedded runtime as Lambda code. The jar is read, hashed and written once per JVM, however many
     * functions an app holds; each call returns a new {@link Code}, since an asset binds to one stack.
     */
    public static Code embedded() {
        return Code.fromAsset(ExtractedJar.PATH.toString());
    }

    /** The embedded archive catalog runtime as Lambda code, extracted once per JVM like {@link #embedded()}. */
    public static Code archiveEmbedded() {
        return Code.fromAsset(ExtractedArchiveJar.PATH.toString());
    }

    /** Extracted on first use only: a synth that passes its own code never reads the embedded jar. */
    private static final class ExtractedJar {
        static final Path PATH = extract(Paths.get(System.getProperty("java.io.tmpdir")));
    }

    private static final class ExtractedArchiveJar {
        static final Path PATH = extract(Paths.get(System.getProperty("java.io.tmpdir")), ARCHIVE_RESOURCE, "drkit-lambda-archive");
    }

    /** Writes the embedded recovery runtime under {@code dir} unless it is already there, and returns the jar's path. */
    static Path extract(Path dir) {
        return extract(dir, RESOURCE, "drkit-lambda");
    }

    private static Path extract(Path dir, String resource, String name) {
        byte[] jar = read(resource);
        String hash = sha256(jar);
        Path folder = dir.resolve(name + "-" + hash.substring(0, 16));
        Path target = folder.resolve(name + ".jar");
        try {
            if (Files.isRegularFile(target) && Files.size(target) == jar.length && sha256(Files.readAllBytes(target)).equals(hash)) {
                return target;
            }
            Files.createDirectories(folder);
            // Write beside the target and move: a concurrent synth never sees half a jar.
            Path tmp = Files.createTempFile(folder, name, ".part");
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

    private static byte[] read(String resource) {
        try (InputStream in = RuntimeCode.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("drkit: the runtime jar " + resource
                        + " is not on the classpath; build drkit-lambda before drkit-constructs (mvn -pl lambda,constructs package) or pass code");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("drkit: cannot read " + resource + ": " + e.getMessage(), e);
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
