package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the standalone build ITs share: a CodeUri folder copied alone (as sam build copies it), Maven
 * run there, and the check that makes skipping the folder's tests there safe. sam build runs them
 * in the copy; they already ran in this reactor build from the same sources, and no test source
 * names a file outside its own folder, so they cannot behave differently in the copy.
 */
final class StandaloneBuild {
    private static final Pattern OUTSIDE = Pattern.compile("\"\\.\\./|template\\.yaml|openapi\\.yaml|shopcare\\.project\\.dir"
            + "|user\\.dir|demo-data\\.json|infrastructure/|storefront/");

    private StandaloneBuild() {
    }

    /** The folder without its build output, as sam build copies a CodeUri. */
    static void copyWithoutBuildOutput(Path source, Path copy) throws IOException {
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

    /** Runs Maven (batch, quiet) in {@code dir}; its exit code. */
    static int mvn(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
        // The copy has no .mvn/jvm.config: the same short-lived-JVM options as this build's Maven.
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " took over 5 minutes");
        }
        return process.exitValue();
    }

    static void assertSelfContained(Path module) {
        try (Stream<Path> files = Files.walk(module.resolve("src/test"))) {
            List<String> outside = files.filter(Files::isRegularFile).flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream().filter(line -> OUTSIDE.matcher(line).find())
                            .map(line -> module.relativize(file) + ": " + line.strip());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), outside, "tests of " + module.getFileName() + " that would read outside the folder"
                    + " (sam build runs them in a copy of the folder alone)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
