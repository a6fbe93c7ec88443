package io.github.drkit.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each release check shown failing on a build broken on purpose, with the message a developer would read. */
class ReleaseCheckCatchesGapsTest {
    private static final String CENTRAL_METADATA = """
            <url>https://example.org/p</url>
            <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
            <developers><developer><name>The maintainers</name></developer></developers>
            <scm child.scm.connection.inherit.append.path="false" child.scm.developerConnection.inherit.append.path="false"
                 child.scm.url.inherit.append.path="false">
              <connection>scm:git:https://example.org/p.git</connection>
              <developerConnection>scm:git:ssh://git@example.org/p.git</developerConnection>
              <url>https://example.org/p</url>
            </scm>
            """;

    @TempDir
    Path root;

    @Test
    void metadataProblems_whenScmMissing_namesEachScmElement() throws IOException {
        Pom parent = pom("pom.xml", "<project child.project.url.inherit.append.path=\"false\"><artifactId>p</artifactId>"
                + "<name>p</name><description>d</description>"
                + CENTRAL_METADATA.substring(0, CENTRAL_METADATA.indexOf("<scm")) + "</project>");

        List<String> problems = ReleaseCheck.metadataProblems(parent, null);

        assertEquals(List.of(
                "p (" + parent.file() + ") lacks <scm/connection>, which Maven Central requires (declare it in the parent POM)",
                "p (" + parent.file() + ") lacks <scm/developerConnection>, which Maven Central requires (declare it in the parent POM)",
                "p (" + parent.file() + ") lacks <scm/url>, which Maven Central requires (declare it in the parent POM)"), problems);
    }

    @Test
    void metadataProblems_whenModuleHasNoNameOrDescription_saysAModuleDeclaresItsOwn() throws IOException {
        Pom parent = parentPom("<module>m</module>", "");
        Pom module = pom("m/pom.xml", "<project><artifactId>m</artifactId></project>");

        List<String> problems = ReleaseCheck.metadataProblems(module, parent);

        assertEquals(List.of(
                "m (" + module.file() + ") lacks <name>, which Maven Central requires (a module declares its own)",
                "m (" + module.file() + ") lacks <description>, which Maven Central requires (a module declares its own)"), problems);
    }

    @Test
    void metadataProblems_whenParentAppendsTheModulePathToItsUrl_saysWhichAttributeToSet() throws IOException {
        Pom parent = pom("pom.xml", "<project><artifactId>p</artifactId><name>p</name><description>d</description>"
                + CENTRAL_METADATA + "</project>");
        Pom module = pom("m/pom.xml", "<project><artifactId>m</artifactId><name>m</name><description>d</description></project>");

        List<String> problems = ReleaseCheck.metadataProblems(module, parent);

        assertEquals(List.of("m inherits <url> from " + parent.file() + ", which appends the module's path to it: set "
                + "child.project.url.inherit.append.path=\"false\" on /project"), problems);
    }

    @Test
    void problems_whenAModuleIsNeitherExcludedNorBuildsReleaseJars_namesTheMissingJarsAndTheOptIn() throws IOException {
        parentPom("<module>m</module>", "");
        publishedModulePom("m");
        jar("m/target/m-1.0.jar", "a/A.class");

        List<String> problems = ReleaseCheck.of(root).problems();

        String optIn = ": a published module lists maven-source-plugin and maven-javadoc-plugin in its <build><plugins>"
                + " (see the parent POM), or is listed in the release profile's excludeArtifacts";
        assertEquals(List.of(
                "m: no sources jar " + root.resolve("m/target/m-1.0-sources.jar") + optIn,
                "m: no javadoc jar " + root.resolve("m/target/m-1.0-javadoc.jar") + optIn), problems);
    }

    @Test
    void problems_whenTheSourcesJarLacksASourceAndTheJavadocJarAnIndex_namesBoth() throws IOException {
        parentPom("<module>m</module>", "");
        publishedModulePom("m");
        Files.createDirectories(root.resolve("m/src/main/java/a"));
        Files.writeString(root.resolve("m/src/main/java/a/A.java"), "package a; class A {}");
        Files.writeString(root.resolve("m/src/main/java/a/B.java"), "package a; class B {}");
        jar("m/target/m-1.0.jar", "a/A.class", "a/B.class");
        jar("m/target/m-1.0-sources.jar", "a/A.java");
        jar("m/target/m-1.0-javadoc.jar", "a/A.html");

        List<String> problems = ReleaseCheck.of(root).problems();

        assertEquals(List.of(
                "m: the sources jar " + root.resolve("m/target/m-1.0-sources.jar") + " lacks [a/B.java]",
                "m: the javadoc jar " + root.resolve("m/target/m-1.0-javadoc.jar") + " has no index.html"), problems);
    }

    @Test
    void problems_whenTheMainJarIsMissing_namesIt() throws IOException {
        parentPom("<module>m</module>", "");
        publishedModulePom("m");
        jar("m/target/m-1.0-sources.jar", "a/A.java");
        jar("m/target/m-1.0-javadoc.jar", "index.html");

        assertEquals(List.of("m: no main jar " + root.resolve("m/target/m-1.0.jar")), ReleaseCheck.of(root).problems());
    }

    @Test
    void problems_whenAnExcludedModuleDoesNotSaySoAndBuildsReleaseJars_namesBoth() throws IOException {
        parentPom("<module>app</module>", "<excludeArtifact>app</excludeArtifact>");
        Pom app = pom("app/pom.xml", "<project><artifactId>app</artifactId><name>app</name><description>The app.</description>"
                + "<build><plugins><plugin><artifactId>maven-javadoc-plugin</artifactId></plugin></plugins></build></project>");

        assertEquals(List.of(
                "app is excluded from the Central bundle but its <description> (" + app.file() + ") does not say \"Not published\"",
                "app is excluded from the Central bundle but builds release jars with maven-javadoc-plugin"),
                ReleaseCheck.of(root).problems());
    }

    private Pom parentPom(String modules, String excluded) throws IOException {
        return pom("pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\" child.project.url.inherit.append.path=\"false\">"
                + "<artifactId>p</artifactId><version>1.0</version><name>p</name><description>d</description>" + CENTRAL_METADATA
                + "<modules>" + modules + "</modules>"
                + "<profiles><profile><id>release</id><build><plugins><plugin>"
                + "<artifactId>central-publishing-maven-plugin</artifactId>"
                + "<configuration><excludeArtifacts>" + excluded + "</excludeArtifacts></configuration>"
                + "</plugin></plugins></build></profile></profiles></project>");
    }

    private void publishedModulePom(String module) throws IOException {
        pom(module + "/pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><parent><version>1.0</version></parent>"
                + "<artifactId>" + module + "</artifactId><name>" + module + "</name><description>A library.</description></project>");
    }

    private Pom pom(String path, String xml) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml);
        return Pom.read(file);
    }

    private void jar(String path, String... entries) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.getBytes());
                zip.closeEntry();
            }
        }
    }
}
