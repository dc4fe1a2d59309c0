package io.shopcare.local.bench;

import io.shopcare.alerts.Subscription;
import io.shopcare.alerts.aws.DynamoSubscriptionStore;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.AlertsTable;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.local.acceptance.ConfirmedAlerts;
import io.shopcare.local.acceptance.Fixtures;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import io.shopcare.mail.RenderedEmail;
import io.shopcare.mail.aws.SesMailer;
import io.shopcare.restock.WaveStore;
import io.shopcare.restock.aws.DynamoWaves;
import io.shopcare.restock.aws.RestockStores;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Notifying 10,000 confirmed alerts on the local stack (restock → detector → wave worker →
 * claims → SES emulator) against the floor: the same 10,000 e-mails sent straight to the same
 * SES emulator with the same number of sender threads, measured before and after the wave in
 * the same run. Also the DynamoDB write units the wave consumed per alert notified.
 */
public final class RestockWaveBenchmark {
    private static final int ALERTS = 10_000;
    /** Enough work for the JIT to compile every path (the function's own class loader included) before the clock runs. */
    private static final int WARM_UP_ALERTS = 3_000;
    private static final String LOCATION = "bench-warehouse";

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int senders;

    private RestockWaveBenchmark(LocalStack stack) {
        this.stack = stack;
        this.senders = Integer.parseInt(stack.environment("RestockWaveFunction").get("SEND_CONCURRENCY"));
    }

    public static void main(String[] args) throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStackOptions.forTests())) {
            new RestockWaveBenchmark(stack).run();
        }
    }

    static void runOnFreshStack() throws Exception {
        main(new String[0]);
    }

    /**
     * Warm-up of every path, then the two floors before and after the wave (so neither side gains
     * from running later, when more is compiled), each on its own 10,000 alerts.
     */
    private void run() throws Exception {
        admin("PUT", "/admin/locations/" + LOCATION, Fixtures.location("WAREHOUSE", "Bench warehouse", true));
        String warmUpSku = soldOutProduct("warmup");
        String warmUpFloorSku = soldOutProduct("warmfloor");
        String sku = soldOutProduct("wave");
        String floorBeforeSku = soldOutProduct("floorbefore");
        String floorAfterSku = soldOutProduct("floorafter");
        String alerts = stack.tableName("AlertsTable");
        ConfirmedAlerts.seed(stack.dynamoDb(), alerts, warmUpSku, "warm", WARM_UP_ALERTS);
        List<String> warmUpFloor = ConfirmedAlerts.seed(stack.dynamoDb(), alerts, warmUpFloorSku, "warmfloor",
                WARM_UP_ALERTS);
        List<String> addresses = ConfirmedAlerts.seed(stack.dynamoDb(), alerts, sku, "bench", ALERTS);
        List<String> floorBefore = ConfirmedAlerts.seed(stack.dynamoDb(), alerts, floorBeforeSku, "floorb", ALERTS);
        List<String> floorAfter = ConfirmedAlerts.seed(stack.dynamoDb(), alerts, floorAfterSku, "floora", ALERTS);
        stack.awaitIdle(Duration.ofMinutes(5));

        sendStraight(addresses.subList(0, WARM_UP_ALERTS).stream().map(a -> "warm-" + a).toList());
        claimStraight(warmUpFloorSku, warmUpFloor);
        notify(warmUpSku, WARM_UP_ALERTS);
        stack.awaitIdle(Duration.ofMinutes(1));
        clearInbox();

        awaitQuietCompiler();
        long sendsBefore = sendStraight(addresses.stream().map(a -> "straight-" + a).toList());
        checkInbox("straight-", ALERTS);
        clearInbox();
        awaitQuietCompiler();
        long claimsBefore = claimStraight(floorBeforeSku, floorBefore);
        stack.awaitIdle(Duration.ofMinutes(1));
        awaitQuietCompiler();

        WriteUnits.start();
        long wave = notify(sku, ALERTS);
        Map<String, Double> units = WriteUnits.stop();
        long conditionFailures = WriteUnits.conditionFailures();
        checkInbox("bench", ALERTS);
        clearInbox();

        awaitQuietCompiler();
        long claimsAfter = claimStraight(floorAfterSku, floorAfter);
        stack.awaitIdle(Duration.ofMinutes(1));
        awaitQuietCompiler();
        long sendsAfter = sendStraight(addresses.stream().map(a -> "again-" + a).toList());
        checkInbox("again-", ALERTS);
        clearInbox();

        double sends = (sendsBefore + sendsAfter) / 2.0;
        double claims = (claimsBefore + claimsAfter) / 2.0;
        double floor = Math.max(sends, claims);
        double alertUnits = units.getOrDefault(alerts, 0.0);
        double allUnits = units.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("%nRestock wave: %,d confirmed alerts on one SKU, %d sender threads (SendConcurrency), "
                + "after a %,d-alert warm-up of each path%n", ALERTS, senders, WARM_UP_ALERTS);
        System.out.printf("sends alone, %,d e-mails to the SES emulator:   %6d ms before, %6d ms after the wave%n",
                ALERTS, sendsBefore / 1_000_000, sendsAfter / 1_000_000);
        System.out.printf("claims alone, %,d conditional UpdateItems:     %6d ms before, %6d ms after the wave%n",
                ALERTS, claimsBefore / 1_000_000, claimsAfter / 1_000_000);
        System.out.printf("wave, stock PUT to last e-mail:                  %6d ms  = %.2fx max(claims, sends) "
                + "(target <= 1.3); %.2fx the sends, %.2fx the claims%n",
                wave / 1_000_000, wave / floor, wave / sends, wave / claims);
        System.out.printf("write units per alert notified:  %.2f in the alerts table (target <= 3); %.2f in all tables%n",
                alertUnits / ALERTS, allUnits / ALERTS);
        System.out.printf("write units by table: %s; failed conditional writes: %d%n", units, conditionFailures);
    }

    /**
     * Waits (at most a minute) until the JIT has compiled nothing for a second: on two cores its
     * compiler threads would otherwise take CPU from whichever phase happens to run first.
     */
    private static void awaitQuietCompiler() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long compiled = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = jit.getTotalCompilationTime();
            if (now - compiled < 20) {
                return;
            }
            compiled = now;
        }
        System.out.println("(the JIT was still compiling after a minute; measuring anyway)");
    }

    /**
     * Restocks the SKU with enough units for one wave to reach every alert; the time from the stock
     * PUT until the wave's own {@code finishedAt}. Polled four times a second only: a tight poll
     * of the wave's partition would itself load DynamoDB Local while the wave runs.
     */
    private long notify(String sku, int alerts) throws InterruptedException {
        int units = (alerts + 2) / 3; // a wave is max(10, 3 × units)
        Instant start = Instant.now();
        admin("PUT", "/admin/stock/" + sku + "/" + LOCATION, "{\"onHand\": " + units + "}");
        Instant finished;
        while ((finished = waveFinished(sku)) == null) {
            Thread.sleep(250);
        }
        stack.awaitIdle(Duration.ofMinutes(1));
        return Duration.between(start, finished).toNanos();
    }

    /** When the SKU's waves were all DONE (the last one's finishedAt), or null while one is not. */
    private Instant waveFinished(String sku) {
        List<Map<String, AttributeValue>> waves = stack.dynamoDb().query(q -> q.tableName(stack.tableName("AlertsTable"))
                .keyConditionExpression("pk = :pk AND begins_with(sk, :wave)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AlertsTable.skuPk(sku)),
                        ":wave", AttributeValue.fromS(AlertsTable.waveSk(""))))).items();
        if (waves.isEmpty() || !waves.stream().allMatch(w -> "DONE".equals(w.get("phase").s()))) {
            return null;
        }
        return waves.stream().map(w -> Instant.parse(w.get("finishedAt").s())).max(Instant::compareTo).orElseThrow();
    }

    /** The same kind of e-mail, sent straight through the same mailer with the same number of threads. */
    private long sendStraight(List<String> addresses) throws Exception {
        Mailer mailer = SesMailer.fromEnvironment(new Environment(stack.environment("RestockWaveFunction")));
        // The model the wave renders for this SKU (SkuDetails' keys), rendered once: sending only.
        Map<String, Object> model = new HashMap<>(Map.of("sku", "BENCH-WAVE-M", "product", "Bench wave",
                "variant", "M · black", "price", "€129.00", "productUrl", stack.apiUrl() + "/products/bench-wave",
                "unsubscribeUrl", stack.apiUrl() + "/alerts/unsubscribe?token=x"));
        RenderedEmail content = new EmailRenderer().render("back-in-stock", Language.EN, model);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            long start = System.nanoTime();
            List<Future<String>> sends = new ArrayList<>();
            for (String address : addresses) {
                sends.add(pool.submit(() -> mailer.send(new OutgoingEmail(address, content,
                        stack.apiUrl() + "/alerts/unsubscribe?token=x"))));
            }
            for (Future<String> send : sends) {
                send.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    /** The wave's own claim of each alert, without the sends: what DynamoDB Local alone needs per alert. */
    private long claimStraight(String sku, List<String> addresses) throws Exception {
        DynamoWaves store = RestockStores.of(stack.dynamoDb(), stack.tableName("AlertsTable")).waves();
        List<String> subscribers = activeSubscribers(sku);
        if (subscribers.size() != addresses.size()) {
            throw new IllegalStateException(subscribers.size() + " active alerts for " + addresses.size() + " addresses");
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            long start = System.nanoTime();
            List<Future<?>> claims = new ArrayList<>();
            for (String subscriber : subscribers) {
                claims.add(pool.submit(() -> {
                    if (store.claim(sku, subscriber, "floor", Instant.now()).outcome() != WaveStore.ClaimOutcome.CLAIMED) {
                        throw new IllegalStateException("not claimed: " + subscriber);
                    }
                }));
            }
            for (Future<?> claim : claims) {
                claim.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    /** The subscriber ids of the SKU's ACTIVE alerts, read before the clock starts. */
    private List<String> activeSubscribers(String sku) {
        DynamoSubscriptionStore subscriptions = new DynamoSubscriptionStore(stack.dynamoDb(), stack.tableName("AlertsTable"));
        List<String> ids = new ArrayList<>();
        String after = null;
        List<Subscription.Queued> page;
        do {
            page = subscriptions.activeAlerts(sku, after, 1000);
            page.forEach(q -> ids.add(q.subscriberId()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).position();
        } while (page.size() == 1000);
        return ids;
    }

    @SuppressWarnings("unchecked")
    private void checkInbox(String prefix, int expected) {
        Map<String, Integer> perAddress = new HashMap<>();
        for (Object mail : (List<Object>) Json.parseObject(call("GET", stack.sesUrl() + "/store", null)).get("emails")) {
            for (Object to : (List<Object>) ((Map<String, Object>) ((Map<String, Object>) mail).get("destination")).get("to")) {
                if (String.valueOf(to).startsWith(prefix)) {
                    perAddress.merge(String.valueOf(to), 1, Integer::sum);
                }
            }
        }
        if (perAddress.size() != expected || perAddress.values().stream().anyMatch(n -> n != 1)) {
            throw new IllegalStateException("expected one e-mail to each of " + expected + " addresses, found "
                    + perAddress.size() + " addresses");
        }
    }

    private void clearInbox() {
        call("POST", stack.sesUrl() + "/clear-store", "");
    }

    private String soldOutProduct(String name) {
        String sku = "BENCH-" + name.toUpperCase() + "-M";
        admin("PUT", "/admin/products/bench-" + name, Fixtures.product("Bench " + name, "bench", 1, "Alpine", sku));
        admin("PUT", "/admin/stock/" + sku + "/" + LOCATION, "{\"onHand\": 0}");
        stack.awaitIdle(Duration.ofSeconds(60));
        return sku;
    }

    private void admin(String method, String path, String body) {
        call(method, stack.apiUrl() + path, body);
    }

    private String call(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Content-Type", "application/json");
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
