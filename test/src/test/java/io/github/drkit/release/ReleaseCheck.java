package io.github.drkit.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What Maven Central refuses, checked on the build as it stands: every module of the parent POM is either published,
 * with the metadata Central requires and its main, sources and javadoc jars, or excluded from the Central bundle and
 * saying so. Each method returns the problems found, one sentence each, naming the module, the file and what to do.
 */
final class ReleaseCheck {
    /** The release profile's list of modules kept out of the Central bundle. */
    static final String EXCLUDED = "/project/profiles/profile[id='release']/build/plugins"
            + "/plugin[artifactId='central-publishing-maven-plugin']/configuration/excludeArtifacts/excludeArtifact";

    /** Central's required POM elements (central.sonatype.org, "Requirements"); name is never inherited. */
    private static final List<Requirement> CENTRAL = List.of(
            new Requirement("name", false),
            new Requirement("description", false),
            new Requirement("url", true),
            new Requirement("licenses/license/name", true),
            new Requirement("licenses/license/url", true),
            new Requirement("developers/developer/name", true),
            new Requirement("scm/connection", true),
            new Requirement("scm/developerConnection", true),
            new Requirement("scm/url", true));

    private final Path root;
    private final Pom parent;

    private ReleaseCheck(Path root, Pom parent) {
        this.root = root;
        this.parent = parent;
    }

    /** The build whose parent POM is {@code root/pom.xml}. */
    static ReleaseCheck of(Path root) {
        return new ReleaseCheck(root, Pom.read(root.resolve("pom.xml")));
    }

    Pom parent() {
        return parent;
    }

    List<String> modules() {
        return parent.texts("/project/modules/module");
    }

    Set<String> excludedArtifacts() {
        return new TreeSet<>(parent.texts(EXCLUDED));
    }

    Pom module(String module) {
        return Pom.read(root.resolve(module).resolve("pom.xml"));
    }

    /** Every problem in the build: the parent's own metadata, then each module's. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(metadataProblems(parent, null));
        for (String module : modules()) {
            Pom pom = module(module);
            if (excludedArtifacts().contains(pom.text("/project/artifactId"))) {
                problems.addAll(unpublishedProblems(pom));
            } else {
                problems.addAll(metadataProblems(pom, parent));
                problems.addAll(artifactProblems(root.resolve(module), pom));
            }
        }
        return problems;
    }

    /**
     * The Central elements {@code pom} lacks once {@code parent} (null for the parent itself) is applied; an inherited
     * url must not have the module's path appended (the parent sets child.*.inherit.append.path="false").
     */
    static List<String> metadataProblems(Pom pom, Pom parent) {
        String id = artifactId(pom);
        List<String> problems = new ArrayList<>();
        for (Requirement required : CENTRAL) {
            String path = "/project/" + required.element();
            if (pom.has(path)) {
                continue;
            }
            if (required.inherited() && parent != null && parent.has(path)) {
                String[] append = appendAttribute(required.element());
                if (append != null && !"false".equals(parent.attribute(append[0], append[1]))) {
                    problems.add(id + " inherits <" + required.element() + "> from " + parent.file() + ", which appends the"
                            + " module's path to it: set " + append[1] + "=\"false\" on " + append[0]);
                }
                continue;
            }
            problems.add(id + " (" + pom.file() + ") lacks <" + required.element() + ">, which Maven Central requires"
                    + (required.inherited() ? " (declare it in the parent POM)" : " (a module declares its own)"));
        }
        return problems;
    }

    /** The published module's main, sources and javadoc jars in its target directory, each with what it must hold. */
    static List<String> artifactProblems(Path moduleDir, Pom pom) {
        String id = artifactId(pom);
        String finalName = finalName(pom);
        Path target = moduleDir.resolve("target");
        List<String> problems = new ArrayList<>();
        String optIn = ": a published module lists maven-source-plugin and maven-javadoc-plugin in its <build><plugins>"
                + " (see the parent POM), or is listed in the release profile's excludeArtifacts";

        Set<String> classes = entries(target.resolve(finalName + ".jar"));
        if (classes == null) {
            problems.add(id + ": no main jar " + target.resolve(finalName + ".jar"));
        } else if (classes.stream().noneMatch(e -> e.endsWith(".class"))) {
            problems.add(id + ": the main jar " + target.resolve(finalName + ".jar") + " holds no class");
        }

        Path sourcesJar = target.resolve(finalName + "-sources.jar");
        Set<String> sources = entries(sourcesJar);
        if (sources == null) {
            problems.add(id + ": no sources jar " + sourcesJar + optIn);
        } else {
            List<String> missing = javaSources(moduleDir).stream().filter(s -> !sources.contains(s)).limit(5).toList();
            if (!missing.isEmpty()) {
                problems.add(id + ": the sources jar " + sourcesJar + " lacks " + missing);
            }
        }

        Path javadocJar = target.resolve(finalName + "-javadoc.jar");
        Set<String> javadoc = entries(javadocJar);
        if (javadoc == null) {
            problems.add(id + ": no javadoc jar " + javadocJar + optIn);
        } else if (!javadoc.contains("index.html")) {
            problems.add(id + ": the javadoc jar " + javadocJar + " has no index.html");
        }
        return problems;
    }

    /** A module kept out of the bundle says so in its description and builds no release jars. */
    static List<String> unpublishedProblems(Pom pom) {
        String id = artifactId(pom);
        List<String> problems = new ArrayList<>();
        if (!pom.text("/project/description").contains("Not published")) {
            problems.add(id + " is excluded from the Central bundle but its <description> (" + pom.file()
                    + ") does not say \"Not published\"");
        }
        for (String plugin : List.of("maven-source-plugin", "maven-javadoc-plugin")) {
            if (pom.has("/project/build/plugins/plugin[artifactId='" + plugin + "']/artifactId")) {
                problems.add(id + " is excluded from the Central bundle but builds release jars with " + plugin);
            }
        }
        return problems;
    }

    /** The main jar's file name without .jar: the module's finalName, else artifactId-version. */
    static String finalName(Pom pom) {
        String finalName = pom.text("/project/build/finalName");
        if (!finalName.isEmpty()) {
            return finalName;
        }
        String version = pom.text("/project/version");
        return artifactId(pom) + "-" + (version.isEmpty() ? pom.text("/project/parent/version") : version);
    }

    static Path mainJar(Path moduleDir, Pom pom) {
        return moduleDir.resolve("target").resolve(finalName(pom) + ".jar");
    }

    private static String artifactId(Pom pom) {
        return pom.text("/project/artifactId");
    }

    /** The element and attribute that stop Maven appending the module's path to an inherited url, or null. */
    private static String[] appendAttribute(String element) {
        return switch (element) {
            case "url" -> new String[] {"/project", "child.project.url.inherit.append.path"};
            case "scm/connection", "scm/developerConnection", "scm/url" ->
                    new String[] {"/project/scm", "child." + element.replace('/', '.') + ".inherit.append.path"};
            default -> null;
        };
    }

    /** The entry names of a jar, or null when there is no such file. */
    private static Set<String> entries(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** The module's main Java sources, as paths inside a sources jar. */
    private static List<String> javaSources(Path moduleDir) {
        Path sources = moduleDir.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> sources.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sources, e);
        }
    }

    private record Requirement(String element, boolean inherited) {
    }
}
