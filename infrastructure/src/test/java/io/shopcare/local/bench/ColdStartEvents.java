package io.shopcare.local.bench;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.Template;
import io.shopcare.local.acceptance.ConfirmedAlerts;
import io.shopcare.local.acceptance.Fixtures;
import io.shopcare.local.bench.coldstart.TrivialEventHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each measured function is given: an events/ sample where one fits (the stack holds the
 * samples' catalogue: {@link #seedSampleCatalogue}), a fresh sign-up address per run, and for the
 * two functions fed by the alerts table's stream, a record the stack itself produced and left
 * unconsumed (a mail request after a real sign-up; a wave hand-off after a real restock of a SKU
 * with three confirmed alerts).
 */
final class ColdStartEvents {
    private static final Duration RECORD_WAIT = Duration.ofSeconds(60);
    private static final String SAMPLE_WAREHOUSE = "sample-warehouse";
    private final LocalStack stack;
    private final Path events;
    private final Recorders recorders;
    private final Template template;
    private final HttpClient http = HttpClient.newHttpClient();
    private int signUps;
    private int waves;

    ColdStartEvents(LocalStack stack, Path projectDir, Recorders recorders, Template template) {
        this.stack = stack;
        this.events = projectDir.resolve("events");
        this.recorders = recorders;
        this.template = template;
    }

    /** The local stack's stand-ins for the two stream functions whose records the bench hands out. */
    static final class Recorders {
        private final RecordingStreamHandler confirmations = new RecordingStreamHandler();
        private final RecordingStreamHandler waves = new RecordingStreamHandler();

        RecordingStreamHandler confirmations() {
            return confirmations;
        }

        RecordingStreamHandler waves() {
            return waves;
        }
    }

    /** The next event of a run; each call may make a new one. */
    @FunctionalInterface
    interface EventSource {
        byte[] next() throws Exception;
    }

    /** One measured function: its template logical id (whose environment it gets), handler class and events. */
    record Case(String label, String function, String handlerClass, int timeoutSeconds, EventSource events) {
        Case withHandler(String label, String otherHandlerClass) {
            return new Case(label, function, otherHandlerClass, timeoutSeconds, events);
        }

        /** Null when the answer is a success: a 2xx status, or no failed stream records. */
        String problemWith(String answer) {
            if (answer == null) {
                return "no answer";
            }
            Object parsed = Json.parse(answer);
            if (parsed instanceof Map<?, ?> map) {
                if (map.get("statusCode") instanceof Number status && status.intValue() / 100 != 2) {
                    return "status " + status;
                }
                if (map.get("batchItemFailures") instanceof List<?> failures && !failures.isEmpty()) {
                    return failures.size() + " failed record(s)";
                }
            }
            return null;
        }
    }

    /** Puts the samples' location, product (sample-jacket, SKUs SJ-S and SJ-M) and stock through the Invoke API. */
    void seedSampleCatalogue() throws IOException, InterruptedException {
        invoke("PutLocationFunction", "put-location.json");
        invoke("PutProductFunction", "put-product.json");
        invoke("StockAdminFunction", "put-stock.json");
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    /** The measured functions in report order; {@code only} (logical ids) narrows them when not empty. */
    List<Case> cases(List<String> only) {
        List<Case> cases = new ArrayList<>();
        cases.add(sample("ProductDetailFunction", "get-product.json"));
        cases.add(sample("CategoryProductsFunction", "get-category-products.json"));
        cases.add(sample("SkuStoresFunction", "get-sku-stores.json"));
        cases.add(sample("PutProductFunction", "put-product.json"));
        cases.add(sample("StockAdminFunction", "put-stock.json"));
        cases.add(of("AlertSignupFunction", this::newSignUp));
        cases.add(sample("AvailabilityProjectorFunction", "inventory-stream-product-change.json"));
        cases.add(sample("RestockDetectorFunction", "inventory-stream-product-change.json"));
        cases.add(of("RestockWaveFunction", this::newWave));
        cases.add(of("ConfirmationMailFunction", this::newMailRequest));
        List<Case> chosen = new ArrayList<>(cases.stream().filter(c -> only.isEmpty() || only.contains(c.function())).toList());
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no function of " + only + " is measured by this bench");
        }
        // Reference: what the runtime's own deserialization of an HTTP event costs before our code.
        chosen.add(sample("ProductDetailFunction", "get-product.json")
                .withHandler("(trivial HTTP event handler)", TrivialEventHandler.class.getName()));
        return chosen;
    }

    private Case sample(String function, String file) {
        byte[] event = read(file);
        return of(function, () -> event);
    }

    private Case of(String function, EventSource source) {
        Template.Function definition = template.functions().stream().filter(f -> f.logicalId().equals(function))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no function " + function));
        return new Case(function, function, definition.handlerClass(), definition.timeoutSeconds(), source);
    }

    /** The sign-up sample with an address of its own: a mailbox takes five sign-ups a day. */
    private byte[] newSignUp() {
        Map<String, Object> event = Json.parseObject(new String(read("post-alert-signup.json"), StandardCharsets.UTF_8));
        event.put("body", Json.write(Map.of("email", "coldstart-" + (signUps++) + "@example.com", "locale", "en")));
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** A real sign-up through the API; the mail request its write put on the stream. */
    private byte[] newMailRequest() throws Exception {
        String email = "coldstart-mail-" + (signUps++) + "@example.com";
        call("POST", stack.apiUrl() + "/skus/SJ-M/alerts", Json.write(Map.of("email", email)));
        return streamEvent(recorders.confirmations().next(RECORD_WAIT,
                r -> email.equals(attribute(r, "email"))));
    }

    /** A sold-out SKU with three confirmed alerts, restocked: the hand-off of the wave the detector started. */
    private byte[] newWave() throws Exception {
        int n = waves++;
        String sku = "CS-WAVE" + n + "-M";
        admin("PUT", "/admin/products/coldstart-wave-" + n,
                Fixtures.product("Cold start wave " + n, "coldstart", 1, "Alpine", sku));
        admin("PUT", "/admin/stock/" + sku + "/" + SAMPLE_WAREHOUSE, "{\"onHand\": 0}");
        stack.awaitIdle(Duration.ofSeconds(60));
        ConfirmedAlerts.seed(stack.dynamoDb(), stack.tableName("AlertsTable"), sku, "coldstart-wave" + n + "-", 3);
        admin("PUT", "/admin/stock/" + sku + "/" + SAMPLE_WAREHOUSE, "{\"onHand\": 5}");
        return streamEvent(recorders.waves().next(RECORD_WAIT, r -> sku.equals(attribute(r, "sku"))));
    }

    private static String attribute(DynamodbEvent.DynamodbStreamRecord record, String name) {
        var image = record.getDynamodb().getNewImage();
        return image == null || image.get(name) == null ? null : image.get(name).getS();
    }

    /** One record as Lambda delivers it: the runtime library's own serializer writes the event. */
    private static byte[] streamEvent(DynamodbEvent.DynamodbStreamRecord record) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        PojoSerializer<DynamodbEvent> serializer = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
                DynamodbEvent.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return out.toByteArray();
    }

    private void invoke(String function, String sample) throws IOException, InterruptedException {
        String answer = call("POST", stack.lambdaUrl() + "/2015-03-31/functions/" + function + "/invocations",
                new String(read(sample), StandardCharsets.UTF_8));
        Object status = Json.parseObject(answer).get("statusCode");
        if (!(status instanceof Number n) || n.intValue() != 200) {
            throw new IllegalStateException(function + " answered " + answer + " to " + sample);
        }
    }

    private void admin(String method, String path, String body) {
        call(method, stack.apiUrl() + path, body);
    }

    private String call(String method, String url, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Content-Type", "application/json")
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] read(String sample) {
        try {
            return Files.readAllBytes(events.resolve(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
