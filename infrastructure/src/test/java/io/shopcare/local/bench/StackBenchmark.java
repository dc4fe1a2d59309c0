package io.shopcare.local.bench;

import io.shopcare.availability.aws.DynamoReadModel;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A bench command, not a test: starts the local stack with demo data and prints start time,
 * p50/p90 of the read routes as ratios to a raw GetItem against the same DynamoDB Local (the
 * floor any route pays), and the read capacity each route's single request consumes.
 * Then the restock wave ({@link RestockWaveBenchmark}) and order placement
 * ({@link OrderPlacementBenchmark}), each on a fresh stack; argument {@code wave}, {@code signup} or
 * {@code orders}: only that part.
 * Run from the reactor, nothing installed: {@code mvn -B -q -pl infrastructure -am -DskipTests -Pbench verify
 * [-Dbench=orders]}; or {@code mvn -B -q -pl infrastructure exec:exec@bench [-Dbench=wave]} after
 * {@code mvn -B -DskipTests install}.
 */
public final class StackBenchmark {
    private static final int WARMUP = 300;
    private static final int SAMPLES = 1000;

    private StackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LocalStack.keepConnectionsAliveAsContainersWould();
        if (args.length > 0 && args[0].equals("wave")) {
            RestockWaveBenchmark.runOnFreshStack();
            return;
        }
        if (args.length > 0 && args[0].equals("orders")) {
            OrderPlacementBenchmark.runOnFreshStack();
            return;
        }
        if (args.length > 0 && args[0].equals("signup")) {
            try (LocalStack stack = LocalStack.start(LocalStackOptions.forTests())) {
                SignUpTimingBenchmark.run(stack);
            }
            return;
        }
        long bare = System.nanoTime();
        try (LocalStack empty = LocalStack.start(LocalStackOptions.forTests())) {
            bare = System.nanoTime() - bare;
        }
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.start(LocalStackOptions.forTests().withDemoData(true))) {
            long withDemo = System.nanoTime() - started;
            HttpClient http = HttpClient.newHttpClient();
            Map<String, AttributeValue> detailKey = Map.of("pk", AttributeValue.fromS("PRODUCT#alpine-down-jacket"),
                    "sk", AttributeValue.fromS("DETAIL"));
            Runnable getItem = () -> stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("ReadModelTable"))
                    .key(detailKey));
            double[] baseline = measure(getItem);
            double[] product = measure(get(http, stack.apiUrl() + "/products/alpine-down-jacket"));
            double[] category = measure(get(http, stack.apiUrl() + "/categories/womens-jackets/products"));
            double[] stores = measure(get(http, stack.apiUrl() + "/skus/ADJ-RED-S/stores"));

            DoubleAdder units = new DoubleAdder();
            DynamoReadModel readModel = new DynamoReadModel(stack.dynamoDb(), stack.tableName("ReadModelTable"), units::add);
            double productRcu = capacity(units, () -> readModel.productDetail("alpine-down-jacket"));
            double categoryRcu = capacity(units, () -> readModel.categoryEntries("womens-jackets"));
            double storesRcu = capacity(units, () -> readModel.skuStores("ADJ-RED-S"));

            System.out.printf("Shopcare local stack benchmark (%d samples after %d warm-up, one client thread)%n",
                    SAMPLES, WARMUP);
            System.out.printf("start, no demo data:      %6d ms%n", bare / 1_000_000);
            System.out.printf("start with demo data:     %6d ms  (%.2fx the bare start; 162 merchant calls + projection)%n",
                    withDemo / 1_000_000, (double) withDemo / bare);
            System.out.printf("baseline raw GetItem:     p50 %6.2f ms  p90 %6.2f ms%n", baseline[0], baseline[1]);
            row("GET /products/{id}", product, baseline, productRcu);
            row("GET /categories/{id}/products", category, baseline, categoryRcu);
            row("GET /skus/{sku}/stores", stores, baseline, storesRcu);
            SignUpTimingBenchmark.run(stack);
        }
        RestockWaveBenchmark.runOnFreshStack();
        OrderPlacementBenchmark.runOnFreshStack();
    }

    private static void row(String route, double[] sample, double[] baseline, double rcu) {
        System.out.printf("%-30s p50 %6.2f ms (%.1fx baseline)  p90 %6.2f ms  read units per request %.1f%n",
                route, sample[0], sample[0] / baseline[0], sample[1], rcu);
    }

    private static Runnable get(HttpClient http, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        return () -> {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** p50 and p90 in milliseconds. */
    private static double[] measure(Runnable call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[SAMPLES / 2], millis[SAMPLES * 9 / 10]};
    }

    private static double capacity(DoubleAdder units, Runnable read) {
        units.reset();
        read.run();
        return units.sum();
    }
}
