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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's run command: the real jar starts with demo data, answers, and exits on SIGTERM. */
class LocalStackJarIT {

    @Test
    void theJarServesTheDemoListingAndExitsWithinTenSecondsOfSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("shopcare.local.jar"));
        int port = LocalDynamoDb.freePort();
        int sesPort = LocalDynamoDb.freePort();
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", Integer.toString(port), "--ses-port", Integer.toString(sesPort)))
                .directory(LocalStack.findProjectDir().toFile()).redirectErrorStream(true).start();
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
        try {
            String api = awaitLine(lines, "API ready: ");
            assertEquals("http://localhost:" + port, api);
            assertEquals("http://localhost:" + sesPort, awaitLine(lines, "Inbox: "));
            assertTrue(awaitLine(lines, "Admin token: ").matches("[0-9a-f]{32}"));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> listing = http.send(HttpRequest.newBuilder(
                    URI.create(api + "/categories/womens-jackets/products")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, listing.statusCode());
            List<?> items = (List<?>) Json.parseObject(listing.body()).get("items");
            assertFalse(items.isEmpty(), "demo data should fill the listing");
            assertNotNull(((Map<?, ?>) items.get(0)).get("availability"));
            HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sesPort + "/store"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inbox.statusCode());
        } finally {
            process.destroy(); // SIGTERM
        }
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the stack must exit within 10 s of SIGTERM");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", sesPort).close(),
                "the SES emulator must be stopped with the stack");
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
            if (line != null) {
                seen.append(line).append('\n');
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "'; output:\n" + seen);
    }
}
