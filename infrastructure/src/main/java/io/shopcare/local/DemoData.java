package io.shopcare.local;

import io.shopcare.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * demo-data.json replayed through the merchant routes, so demo data goes through the real
 * handlers and stream consumers. The calls come in phases of one kind (locations, then products,
 * then stock: each needs the one before); the calls of a phase touch different items and are
 * sent concurrently. Concurrent stock writes also reach the projector in larger batches, in
 * which it projects each product once.
 */
final class DemoData {
    /** As many as the local API serves at once. */
    private static final int PARALLEL_CALLS = 8;

    private DemoData() {
    }

    /** One merchant call of the file. */
    record Call(String method, String path, Object body) {
        /** {@code locations}, {@code products}, {@code stock}: what the call writes. */
        String kind() {
            String[] segments = path.split("/");
            return segments.length > 2 ? segments[2] : path;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Call> calls() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo-data.json")) {
            List<Call> calls = new ArrayList<>();
            for (Object call : Json.parseArray(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                Map<String, Object> c = (Map<String, Object>) call;
                calls.add(new Call((String) c.get("method"), (String) c.get("path"), c.get("body")));
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo-data.json", e);
        }
    }

    /** Consecutive calls of one kind, in file order. */
    static List<List<Call>> phases(List<Call> calls) {
        List<List<Call>> phases = new ArrayList<>();
        for (Call call : calls) {
            if (phases.isEmpty() || !phases.get(phases.size() - 1).get(0).kind().equals(call.kind())) {
                phases.add(new ArrayList<>());
            }
            phases.get(phases.size() - 1).add(call);
        }
        return phases;
    }

    /** Sends every call, phase after phase; the first refused call fails the load. */
    static void load(String apiUrl, String adminToken) {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_CALLS, runnable -> {
            Thread thread = new Thread(runnable, "demo-data");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (List<Call> phase : phases(calls())) {
                List<Future<?>> sent = new ArrayList<>();
                for (Call call : phase) {
                    sent.add(senders.submit(() -> send(http, apiUrl, adminToken, call)));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loading demo data was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    private static Void send(HttpClient http, String apiUrl, String adminToken, Call call) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + call.path()))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken)
                .method(call.method(), HttpRequest.BodyPublishers.ofString(Json.write(call.body())))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("demo data " + call.method() + " " + call.path() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return null;
    }
}
