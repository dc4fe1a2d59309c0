package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * sam build runs a CodeUri folder's tests in a copy of that folder alone. The standalone build ITs
 * skip them, as they already ran in the reactor build from the same sources; this is what makes
 * that safe: no test source names a file outside its own folder.
 */
final class StandaloneTests {
    private static final Pattern OUTSIDE = Pattern.compile("\"\\.\\./|template\\.yaml|openapi\\.yaml|shopcare\\.project\\.dir"
            + "|user\\.dir|demo-data\\.json|infrastructure/|storefront/");

    private StandaloneTests() {
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
