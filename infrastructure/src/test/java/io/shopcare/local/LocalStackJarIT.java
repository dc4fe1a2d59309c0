package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on the real jar: its ready lines first and nothing before them, one
 * line per request, demo data served, the documented flags, and an exit within seconds of SIGTERM.
 */
class LocalStackJarIT {
    private static final List<String> NOISE = List.of("SLF4J", "JAXB", "log4j", "StatusLogger",
            "Initializing DynamoDB Local", "WARNING", "Exception");

    @Test
    void theJarPrintsItsFourLinesFirstServesTheDemoDataAndExitsWithinTenSecondsOfSigterm() throws Exception {
        int port = LocalDynamoDb.freePort();
        int lambdaPort = LocalDynamoDb.freePort();
        int sesPort = LocalDynamoDb.freePort();
        int webPort = LocalDynamoDb.freePort();
        Process process = jar("--port", Integer.toString(port), "--lambda-port", Integer.toString(lambdaPort),
                "--ses-port", Integer.toString(sesPort), "--web-port", Integer.toString(webPort)).start();
        BlockingQueue<String> lines = readLines(process);
        List<String> output = new ArrayList<>();
        try {
            assertEquals("API ready: http://localhost:" + port, nextLine(lines, output));
            assertEquals("Lambda ready: http://localhost:" + lambdaPort, nextLine(lines, output));
            assertEquals("Inbox: http://localhost:" + sesPort, nextLine(lines, output));
            assertEquals("Storefront: http://localhost:" + webPort, nextLine(lines, output));
            assertTrue(nextLine(lines, output).matches("Admin token: [0-9a-f]{32}"), String.join("\n", output));
            assertTrue(nextLine(lines, output).matches("Started in \\d+ ms with demo data"), String.join("\n", output));
            assertTrue(nextLine(lines, output).matches("Secrets Manager: http://127\\.0\\.0\\.1:\\d+"), String.join("\n", output));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> listing = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/categories/womens-jackets/products?limit=5"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, listing.statusCode());
            List<?> items = (List<?>) Json.parseObject(listing.body()).get("items");
            assertFalse(items.isEmpty(), "demo data should fill the listing");
            assertNotNull(((Map<?, ?>) items.get(0)).get("availability"));
            List<String> listingLines = linesUntil(lines, output, "GET /categories/womens-jackets/products 200 \\d+ ms");
            // The function's JSON log and EMF lines, printed for a person: time, function, level, message, ids.
            assertTrue(listingLines.stream().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} CategoryProducts +INFO +"
                    + "GET /categories/\\{categoryId}/products answered 200 in \\d+ ms .*categoryId=womens-jackets.* req=[0-9a-f-]{8}")),
                    String.join("\n", listingLines));

            // The storefront: its page for any page path, and where the API is.
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + webPort
                    + "/products/alpine-down-jacket")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<main"), page.body());
            HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + webPort
                    + "/config.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(config.body().contains("\"http://localhost:" + port + "\""), config.body());

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/nowhere"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode());
            linesUntil(lines, output, "GET /nowhere 404 \\d+ ms");
            HttpResponse<String> confirm = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/alerts/confirm?token=secret-token-value")).build(), HttpResponse.BodyHandlers.ofString());
            linesUntil(lines, output, "GET /alerts/confirm " + confirm.statusCode() + " \\d+ ms");

            HttpResponse<String> dryRun = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + lambdaPort
                    + "/2015-03-31/functions/WeeklyDigestFunction/invocations")).header("X-Amz-Invocation-Type", "DryRun")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, dryRun.statusCode());
            HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sesPort + "/store"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inbox.statusCode());
        } finally {
            process.destroy(); // SIGTERM
        }
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the stack must exit within 10 s of SIGTERM");
        lines.drainTo(output);
        for (String line : output) {
            for (String noise : NOISE) {
                assertFalse(line.contains(noise), "noise in the output: " + line);
            }
        }
        assertFalse(output.stream().anyMatch(line -> line.contains("secret-token-value")), "query strings are never logged");
        assertFalse(output.stream().anyMatch(line -> line.startsWith("{")), "no raw JSON line:\n" + String.join("\n", output));
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", sesPort).close(),
                "the SES emulator must be stopped with the stack");
    }

    @Test
    void helpPrintsTheFlagsTableAndExitsWithZero() throws Exception {
        Finished help = run("--help");
        assertEquals(0, help.exitCode());
        for (String flag : List.of("--port N", "--lambda-port N", "--ses-port N", "--web-port N", "--admin-token T",
                "--no-demo-data", "--data-dir DIR", "--parameter-overrides K=V ...", "--help")) {
            assertTrue(help.output().contains(flag), flag + " missing from:\n" + help.output());
        }
    }

    @Test
    void anUnknownFlagOrABadValueIsAUsageErrorWithExitCodeTwo() throws Exception {
        for (String[] args : new String[][] {{"--verbose"}, {"--port", "http"}, {"--parameter-overrides", "Stage"}}) {
            Finished finished = run(args);
            assertEquals(2, finished.exitCode(), String.join(" ", args) + ":\n" + finished.output());
            assertTrue(finished.output().contains("Usage: java -jar"), finished.output());
        }
    }

    @Test
    void aParameterOverrideTheTemplateDoesNotAllowStopsTheStartWithExitCodeTwo() throws Exception {
        for (String[] args : new String[][] {{"--parameter-overrides", "Stage=qa"},
                {"--parameter-overrides", "NoSuchParameter=1"}, {"--parameter-overrides", "SendConcurrency=500"}}) {
            Finished finished = run(args);
            assertEquals(2, finished.exitCode(), String.join(" ", args) + ":\n" + finished.output());
            assertTrue(finished.output().contains(args[1].substring(0, args[1].indexOf('='))), finished.output());
        }
    }

    private record Finished(int exitCode, String output) {
    }

    /** Runs the jar to its end (these command lines never start the stack). */
    private static Finished run(String... args) throws Exception {
        Process process = jar(args).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not exit:\n" + output);
        return new Finished(process.exitValue(), output);
    }

    private static ProcessBuilder jar(String... args) {
        // The README's command; C1 only, as every JVM of the test build, changes no behaviour.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", Path.of(System.getProperty("shopcare.local.jar")).toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(LocalStack.findProjectDir().toFile()).redirectErrorStream(true);
    }

    private static BlockingQueue<String> readLines(Process process) {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.offer(line);
                }
            } catch (IOException e) {
                lines.offer("reader failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next line of output, waiting up to 90 s for it (the stack loads demo data before its first line). */
    /** The lines up to and including the first that matches {@code regex} (a function's lines come beside the request's). */
    private static List<String> linesUntil(BlockingQueue<String> lines, List<String> output, String regex)
            throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).matches(regex)) {
            seen.add(nextLine(lines, output));
        }
        return seen;
    }

    private static String nextLine(BlockingQueue<String> lines, List<String> output) throws InterruptedException {
        String line = lines.poll(90, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no further output line; so far:\n" + String.join("\n", output));
        }
        output.add(line);
        return line;
    }
}
