package io.shopcare.local.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.shopcare.local.bench.coldstart.FirstAnswer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a fresh JVM per run on the functions artifact's runtime class path, as Lambda has it:
 * functions/target/classes, the artifact's runtime jars (what {@code sam build} copies), and the
 * Lambda runtime's serialization library; plus a folder with only the bench's launcher classes.
 * Nothing of the local stack's class path reaches it.
 */
final class FreshJvm {
    private static final long RUN_TIMEOUT_SECONDS = 120;
    private final Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String classPath;
    private final Path scratch;

    private FreshJvm(String classPath, Path scratch) {
        this.classPath = classPath;
        this.scratch = scratch;
    }

    /** What one run gave: wall time from process start to the answer line, the answer, in-process splits, CPU time. */
    record Run(double millis, String answer, double builtMillis, double answeredMillis, double cpuMillis) {
    }

    /** The class path of a functions folder (it must be compiled: the reactor build does it). */
    static FreshJvm forFunctions(Path functions, Path scratch) throws IOException, InterruptedException {
        Path classes = functions.resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " is missing: build through the reactor first");
        }
        List<String> entries = new ArrayList<>();
        entries.add(copyLauncher(scratch.resolve("launcher")).toString());
        entries.add(classes.toString());
        entries.addAll(runtimeJars(functions, scratch.resolve("functions-classpath.txt")));
        entries.add(locationOf(LambdaEventSerializers.class).toString());
        return new FreshJvm(String.join(File.pathSeparator, entries), scratch);
    }

    /**
     * One run: {@code handlerClass} built and invoked once with {@code event}, its environment
     * exactly {@code environment} (JAVA_TOOL_OPTIONS included, as Lambda passes it).
     */
    Run run(String handlerClass, String function, int timeoutSeconds, byte[] event, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path eventFile = Files.createTempFile(scratch, "event", ".json");
        Files.write(eventFile, event);
        ProcessBuilder builder = new ProcessBuilder(javaCommand.toString(), "-cp", classPath, FirstAnswer.class.getName(),
                handlerClass, function, eventFile.toString(), Integer.toString(timeoutSeconds));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectError(scratch.resolve("stderr.txt").toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String answer = null;
            double answeredAt = 0;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(FirstAnswer.ANSWER) && answer == null) {
                    answeredAt = (System.nanoTime() - start) / 1e6;
                    answer = line.substring(FirstAnswer.ANSWER.length());
                } else if (line.startsWith(FirstAnswer.TIMING)) {
                    String[] splits = line.substring(FirstAnswer.TIMING.length()).split(" ");
                    finish(process, handlerClass);
                    return new Run(answeredAt, answer, Double.parseDouble(splits[0]), Double.parseDouble(splits[1]),
                            Double.parseDouble(splits[2]));
                }
            }
            finish(process, handlerClass);
            throw new IllegalStateException(handlerClass + " gave no answer; stderr: "
                    + Files.readString(scratch.resolve("stderr.txt")));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(eventFile);
        }
    }

    /**
     * The classes the first answer loaded: a run with {@code -Xlog:class+load}, counting the
     * classes logged before the launcher's mark class (not timed).
     */
    int classesLoaded(String handlerClass, String function, int timeoutSeconds, byte[] event,
                      Map<String, String> environment) throws IOException, InterruptedException {
        Path log = scratch.resolve("classes.log");
        Files.deleteIfExists(log);
        Map<String, String> logging = new HashMap<>(environment);
        logging.merge("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log, (options, flag) -> options + " " + flag);
        run(handlerClass, function, timeoutSeconds, event, logging);
        int count = 0;
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains(FirstAnswer.class.getName() + "$Answered")) {
                    return count;
                }
                count++;
            }
        }
        throw new IllegalStateException("the class log of " + handlerClass + " has no answer mark");
    }

    private static void finish(Process process, String handlerClass) throws InterruptedException {
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(handlerClass + " did not exit within " + RUN_TIMEOUT_SECONDS + " s");
        }
    }

    /** The artifact's runtime jars, resolved by Maven in the functions folder alone (as sam build does). */
    private static List<String> runtimeJars(Path functions, Path output) throws IOException, InterruptedException {
        Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-ntp", "dependency:build-classpath",
                "-DincludeScope=runtime", "-Dmdep.outputFile=" + output)
                .directory(functions.toFile()).inheritIO().start();
        if (!mvn.waitFor(5, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
            mvn.destroyForcibly();
            throw new IllegalStateException("mvn dependency:build-classpath failed in " + functions);
        }
        return Arrays.asList(Files.readString(output).trim().split(File.pathSeparator));
    }

    /** The launcher's classes alone, so no test resource of this module can reach the child's SDK. */
    private static Path copyLauncher(Path target) throws IOException {
        String packagePath = FirstAnswer.class.getPackageName().replace('.', '/');
        Path source = locationOf(FirstAnswer.class).resolve(packagePath);
        Path destination = target.resolve(packagePath);
        Files.createDirectories(destination);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, destination.resolve(file.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
