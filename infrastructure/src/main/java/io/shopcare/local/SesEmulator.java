package io.shopcare.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The aws-ses-v2-local emulator (installed from npm by the Maven build), run as a child process. */
final class SesEmulator implements AutoCloseable {
    private final Process process;
    private final int port;

    private SesEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SesEmulator start(Path projectDir, int port) {
        Path cli = projectDir.resolve("infrastructure/ses-emulator/node_modules/aws-ses-v2-local/dist/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("The SES emulator is not installed (" + cli + "); run the Maven build first: "
                    + "mvn -B -ntp -DskipTests install");
        }
        Path exitWithParent = projectDir.resolve("infrastructure/ses-emulator/exit-with-parent.js");
        try {
            // node runs the server itself (no npx wrapper), so this process is the one to stop; it
            // also stops by itself when this JVM dies (its stdin pipe closes), kill -9 included.
            Process process = new ProcessBuilder(List.of("node", "--require", exitWithParent.toString(), cli.toString(),
                    "--port", Integer.toString(port), "--host", "127.0.0.1")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            SesEmulator emulator = new SesEmulator(process, port);
            emulator.awaitReady();
            return emulator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node for the SES emulator", e);
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the SES emulator exited at start (is port " + port + " free?)");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/store"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("the SES emulator did not answer on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
