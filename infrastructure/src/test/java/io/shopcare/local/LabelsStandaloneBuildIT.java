package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The label function's CodeUri, labels/, built as `sam build` builds it: a copy of the folder
 * alone, `mvn clean install` (tests included), then `mvn dependency:copy-dependencies
 * -DincludeScope=runtime -Dmdep.prependGroupId=true`. Its shared code is the shopcare-functions jar,
 * which `sam build` has installed by then (it builds functions/ first); here that is this build's
 * own functions jar, put into a private overlay of the local Maven repository, so the shared one
 * gets no io.shopcare artifacts from this test and the copy cannot pick up a stale one. Then it
 * checks the artifact Lambda would get (the handler, the PDF and barcode libraries, no SES, its
 * size) and answers a first request in a fresh JVM on exactly that class path.
 */
class LabelsStandaloneBuildIT {
    /**
     * The functions closure without SES v2 and the template engine (about 9.6 MB), plus PDFBox with
     * fontbox (3.8 MB) and ZXing core (0.6 MB): 14.1 MB measured, bound at 15 MiB.
     */
    private static final long MAX_ARTIFACT_BYTES = 15L * 1024 * 1024;
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Test
    void theLabelsFolderBuildsAloneAsSamBuildDoesAndItsArtifactAnswersAFirstRequest(@TempDir Path scratch)
            throws Exception {
        Path project = LocalStack.findProjectDir();
        Path repository = overlayRepository(scratch.resolve("m2"));
        Path copy = scratch.resolve("labels");
        StandaloneBuild.copyWithoutBuildOutput(project.resolve("labels"), copy);

        String local = "-Dmaven.repo.local=" + repository;
        StandaloneBuild.assertSelfContained(copy);
        // One Maven start, without the module's tests (they ran in this build; see StandaloneBuild).
        assertEquals(0, StandaloneBuild.mvn(copy, local, "clean", "install", "-DskipTests", "dependency:copy-dependencies",
                "-DincludeScope=runtime", "-Dmdep.prependGroupId=true"), "sam build's Maven goals in a copy of labels/ alone");

        Path jar = copy.resolve("target/shopcare-labels-" + VERSION + ".jar");
        try (JarFile contents = new JarFile(jar.toFile())) {
            for (String entry : List.of("io/shopcare/returns/label/aws/ReturnLabelHandler.class",
                    "io/shopcare/returns/label/LabelPdf.class", "labels/cs.properties", "labels/uk.properties")) {
                assertTrue(contents.getEntry(entry) != null, entry + " missing from the artifact");
            }
        }
        List<Path> classPath = new ArrayList<>(List.of(jar));
        List<String> dependencies = new ArrayList<>();
        long bytes = Files.size(jar);
        try (Stream<Path> files = Files.list(copy.resolve("target/dependency"))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                dependencies.add(file.getFileName().toString());
                classPath.add(file);
                bytes += Files.size(file);
            }
        }
        for (String required : List.of("io.shopcare.shopcare-functions", "org.apache.pdfbox.pdfbox-3", "org.apache.pdfbox.fontbox",
                "com.google.zxing.core", "software.amazon.awssdk.dynamodb", "software.amazon.awssdk.url-connection-client")) {
            assertTrue(dependencies.stream().anyMatch(d -> d.startsWith(required)), required + " missing: " + dependencies);
        }
        for (String excluded : List.of("sesv2", "jmustache", "apache-client", "apache5-client", "netty-nio-client",
                "DynamoDBLocal", "junit", "archunit", "bcprov", "jbig2")) {
            assertFalse(dependencies.stream().anyMatch(d -> d.contains(excluded)), excluded + " is in the label artifact");
        }
        System.out.println("labels artifact: " + bytes + " bytes in " + (dependencies.size() + 1) + " jars");
        assertTrue(bytes <= MAX_ARTIFACT_BYTES, "the artifact has " + bytes + " bytes, over " + MAX_ARTIFACT_BYTES);

        // A fresh JVM on the artifact's class path (Lambda's JVM options) renders and answers a label.
        classPath.add(copy.resolve("target/test-classes"));
        Map<String, Object> coldStart = firstAnswer(classPath, scratch.resolve("cold-start.log"));
        System.out.println("labels cold start: " + coldStart);
        assertTrue(((Number) coldStart.get("pdfBytes")).intValue() > 1000, coldStart.toString());
    }

    /**
     * A local repository whose entries are links to the real one's, except io/shopcare, which is
     * private and holds this build's functions jar (its POM from functions/, which has no parent).
     */
    private static Path overlayRepository(Path overlay) throws IOException, URISyntaxException {
        Path real = Path.of(System.getProperty("shopcare.maven.repo",
                System.getProperty("user.home") + "/.m2/repository"));
        Files.createDirectories(overlay);
        try (Stream<Path> entries = Files.list(real)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().equals("io")) {
                    Files.createSymbolicLink(overlay.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        Path io = Files.createDirectories(overlay.resolve("io"));
        if (Files.isDirectory(real.resolve("io"))) {
            try (Stream<Path> entries = Files.list(real.resolve("io"))) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    if (!entry.getFileName().toString().equals("shopcare")) {
                        Files.createSymbolicLink(io.resolve(entry.getFileName().toString()), entry);
                    }
                }
            }
        }
        Path functions = Files.createDirectories(io.resolve("shopcare/shopcare-functions/" + VERSION));
        Path built = Path.of(io.shopcare.json.Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = functions.resolve("shopcare-functions-" + VERSION + ".jar");
        if (Files.isDirectory(built)) {
            jar(built, target);
        } else {
            Files.copy(built, target);
        }
        Files.copy(LocalStack.findProjectDir().resolve("functions/pom.xml"),
                functions.resolve("shopcare-functions-" + VERSION + ".pom"));
        return overlay;
    }

    /** A jar of a classes folder (when this test runs on the reactor's classes rather than its jar). */
    private static void jar(Path classes, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    private static Map<String, Object> firstAnswer(List<Path> classPath, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                "io.shopcare.returns.label.aws.LabelColdStart");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the first label took over 2 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(l -> l.startsWith("LABEL-COLD-START ")).findFirst()
                .map(l -> Json.parseObject(l.substring("LABEL-COLD-START ".length())))
                .orElseThrow(() -> new AssertionError("no result line in:\n" + output));
    }
}
