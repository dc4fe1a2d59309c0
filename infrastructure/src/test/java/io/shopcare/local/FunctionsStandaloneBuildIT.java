package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sam build` copies only the CodeUri folder (functions/) and runs Maven there: a copy of the
 * folder must build alone, and its runtime closure must not carry the HTTP clients we exclude.
 */
class FunctionsStandaloneBuildIT {

    @Test
    void theFunctionsFolderBuildsAloneWithALeanRuntimeClosure(@TempDir Path scratch) throws Exception {
        Path source = LocalStack.findProjectDir().resolve("functions");
        Path copy = scratch.resolve("functions");
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
        assertEquals(0, mvn(copy, "-Dmaven.test.skip=true", "package"));
        Path jar = copy.resolve("target/shopcare-functions-0.1.0-SNAPSHOT.jar");
        try (JarFile contents = new JarFile(jar.toFile())) {
            for (String handler : List.of("io/shopcare/catalog/PutLocationHandler.class",
                    "io/shopcare/availability/InventoryStreamHandler.class", "io/shopcare/stock/StockAdminHandler.class")) {
                assertTrue(contents.getEntry(handler) != null, handler + " missing from the artifact");
            }
        }
        Path list = scratch.resolve("runtime.txt");
        assertEquals(0, mvn(copy, "dependency:list", "-DincludeScope=runtime", "-DoutputFile=" + list));
        String runtime = Files.readString(list);
        assertTrue(runtime.contains("url-connection-client"), runtime);
        for (String excluded : List.of(":apache-client:", ":apache5-client:", ":netty-nio-client:")) {
            assertFalse(runtime.contains(excluded), excluded + " is in the Lambda artifact's closure");
        }
    }

    private static int mvn(Path dir, String... goals) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
        command.addAll(List.of(goals));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " took over 4 minutes");
        }
        return process.exitValue();
    }
}
