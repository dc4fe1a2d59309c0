package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sam build` copies only the CodeUri folder (functions/) to a scratch directory and runs there
 * what aws-lambda-builders' Maven workflow runs: `mvn clean install` (tests included), then
 * `mvn dependency:copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true`. This runs
 * exactly those two goals on a copy of the folder alone (-B -q only quieten the log), then checks
 * the artifact Lambda would get: the handlers, a lean closure, and its size. The two goals run in one
 * Maven start, and without the module's tests: they ran in this very build from the same sources,
 * and {@link StandaloneTests} checks that none of them reads a file outside the folder (the one way
 * they could pass in the reactor and fail in sam build's copy).
 */
class FunctionsStandaloneBuildIT {
    /**
     * The artifact (our jar plus runtime jars) must stay small for cold start and upload. 12 MiB held
     * until the orders capability (+0.3 MB of classes and templates) took it to 12.2 MiB; the planned
     * cut is per-function packaging (sesv2, 3.1 MB, only where mail is sent), so the bound is 13 MiB.
     */
    private static final long MAX_ARTIFACT_BYTES = 13L * 1024 * 1024;

    @Test
    void theFunctionsFolderBuildsAloneAsSamBuildDoesWithALeanRuntimeClosure(@TempDir Path scratch) throws Exception {
        Path source = LocalStack.findProjectDir().resolve("functions");
        Path copy = scratch.resolve("functions");
        copyWithoutBuildOutput(source, copy);

        StandaloneTests.assertSelfContained(copy);
        assertEquals(0, mvn(copy, "clean", "install", "-DskipTests", "dependency:copy-dependencies",
                "-DincludeScope=runtime", "-Dmdep.prependGroupId=true"), "sam build's Maven goals in a copy of functions/ alone");

        Path jar = copy.resolve("target/shopcare-functions-0.1.0-SNAPSHOT.jar");
        try (JarFile contents = new JarFile(jar.toFile())) {
            for (String handler : List.of("io/shopcare/catalog/aws/PutLocationHandler.class",
                    "io/shopcare/availability/aws/InventoryStreamHandler.class",
                    "io/shopcare/alerts/aws/ConfirmationMailHandler.class", "emails/en.properties")) {
                assertTrue(contents.getEntry(handler) != null, handler + " missing from the artifact");
            }
        }
        List<String> dependencies = new ArrayList<>();
        long bytes = Files.size(jar);
        try (Stream<Path> files = Files.list(copy.resolve("target/dependency"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                dependencies.add(file.getFileName().toString());
                bytes += Files.size(file);
            }
        }
        assertTrue(dependencies.stream().anyMatch(d -> d.contains("url-connection-client")), dependencies.toString());
        // The SnapStart hooks' API; and joda-time, unused by our code but loaded by the Lambda runtime's
        // own event deserializer (its DateTimeModule) for every event class it reads: the schedule
        // and SNS handlers take ScheduledEvent and SNSEvent objects, so it must ship.
        for (String required : List.of("org.crac", "joda-time")) {
            assertTrue(dependencies.stream().anyMatch(d -> d.startsWith(required)), required + " missing: " + dependencies);
        }
        // The PDF and barcode libraries ship only in the label function's artifact (labels/).
        for (String excluded : List.of("apache-client", "apache5-client", "netty-nio-client", "DynamoDBLocal", "junit",
                "pdfbox", "fontbox", "zxing")) {
            assertFalse(dependencies.stream().anyMatch(d -> d.contains(excluded)), excluded + " is in the Lambda artifact");
        }
        assertTrue(bytes <= MAX_ARTIFACT_BYTES, "the artifact has " + bytes + " bytes, over " + MAX_ARTIFACT_BYTES);
    }

    private static void copyWithoutBuildOutput(Path source, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int mvn(Path dir, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
        // The copy has no .mvn/jvm.config: the same short-lived-JVM options as this build's Maven.
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " took over 5 minutes");
        }
        return process.exitValue();
    }
}
