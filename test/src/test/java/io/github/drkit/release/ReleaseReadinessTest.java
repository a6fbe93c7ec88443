package io.github.drkit.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The build as Maven Central would receive it. drkit-tests is the reactor's last module, so by its test phase every
 * published module has been packaged: its main, sources and javadoc jars are in its target directory.
 */
class ReleaseReadinessTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The published drkit-constructs jar carries both runtime jars; it must stay within 30 MB. */
    private static final long MAX_CONSTRUCTS_JAR_BYTES = 30_000_000;

    @Test
    void build_whenPackaged_hasEveryPublishedJarAndCentralsMetadata() {
        assertEquals(List.of(), ReleaseCheck.of(ROOT).problems());
    }

    @Test
    void modules_whenClassified_publishTheLibrariesAndNotTheAppOrTests() {
        ReleaseCheck build = ReleaseCheck.of(ROOT);
        Set<String> published = new TreeSet<>();
        for (String module : build.modules()) {
            published.add(build.module(module).text("/project/artifactId"));
        }
        published.removeAll(build.excludedArtifacts());

        assertEquals(Set.of("drkit-plan", "drkit-lambda", "drkit-constructs"), published);
        assertEquals(Set.of("drkit-emulator", "drkit-apps", "drkit-tests"), build.excludedArtifacts());
    }

    @Test
    void constructsJar_whenPackaged_embedsBothRuntimeJarsWithin30Mb() throws IOException {
        Path jar = ReleaseCheck.mainJar(ROOT.resolve("constructs"), ReleaseCheck.of(ROOT).module("constructs"));
        long size = Files.size(jar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.getEntry("io/github/drkit/failover/drkit-lambda.jar") != null, jar + " lacks the runtime jar");
            assertTrue(zip.getEntry("io/github/drkit/failover/drkit-lambda-archive.jar") != null, jar + " lacks the archive jar");
        }
        assertTrue(size <= MAX_CONSTRUCTS_JAR_BYTES, jar + " is " + size + " bytes, over " + MAX_CONSTRUCTS_JAR_BYTES);
    }

    @Test
    void license_isApache2AsThePomsDeclare() throws IOException {
        String license = Files.readString(ROOT.resolve("LICENSE"));
        Pom parent = ReleaseCheck.of(ROOT).parent();

        assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004"), "LICENSE is not Apache 2.0");
        assertEquals(List.of("Apache-2.0"), parent.texts("/project/licenses/license/name"));
        assertEquals("https://www.apache.org/licenses/LICENSE-2.0.txt", parent.text("/project/licenses/license/url"));
    }
}
