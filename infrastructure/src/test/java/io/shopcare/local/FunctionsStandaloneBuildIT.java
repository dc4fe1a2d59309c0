package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * and {@link StandaloneBuild} checks that none of them reads a file outside the folder (the one way
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
        StandaloneBuild.copyWithoutBuildOutput(source, copy);

        StandaloneBuild.assertSelfContained(copy);
        assertEquals(0, StandaloneBuild.mvn(copy, "clean", "install", "-DskipTests", "dependency:copy-dependencies",
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
}
