package io.shopcare.local.bench;

import io.shopcare.local.LocalStack;
import io.shopcare.local.acceptance.ConfirmedAlerts;
import io.shopcare.local.acceptance.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Part of the bench command: does a sign-up's answer time tell whether the address was already
 * subscribed? Signs up addresses that are new and addresses whose alert is ACTIVE, interleaved
 * (so drift hits both alike), and prints the medians and their ratio. Each address signs up once,
 * so no sign-up limit is reached.
 */
final class SignUpTimingBenchmark {
    private static final int PAIRS = 300;
    private static final int WARMUP = 50;

    private SignUpTimingBenchmark() {
    }

    static void run(LocalStack stack) throws Exception {
        Fixtures.catalogForBenchmark(stack, "timing");
        String sku = Fixtures.soldOutSkuForBenchmark(stack, "timing");
        List<String> active = ConfirmedAlerts.seed(stack.dynamoDb(), stack.tableName("AlertsTable"), sku, "active-",
                PAIRS + WARMUP);
        stack.awaitIdle(Duration.ofSeconds(60));
        HttpClient http = HttpClient.newHttpClient();
        double[] newAddresses = new double[PAIRS];
        double[] activeAddresses = new double[PAIRS];
        for (int i = 0; i < PAIRS + WARMUP; i++) {
            // Alternating which goes first, and each alone on an idle stack: a new address's
            // confirmation e-mail is sent from the stream in the same JVM here (another Lambda in
            // AWS) and would otherwise land on whichever sign-up came next.
            double fresh;
            double known;
            if (i % 2 == 0) {
                fresh = signUpAlone(http, stack, sku, "new-" + i + "@example.com");
                known = signUpAlone(http, stack, sku, active.get(i));
            } else {
                known = signUpAlone(http, stack, sku, active.get(i));
                fresh = signUpAlone(http, stack, sku, "new-" + i + "@example.com");
            }
            if (i >= WARMUP) {
                newAddresses[i - WARMUP] = fresh;
                activeAddresses[i - WARMUP] = known;
            }
        }
        double newMedian = median(newAddresses);
        double activeMedian = median(activeAddresses);
        System.out.printf("sign-up, new address:      p50 %6.2f ms%n", newMedian);
        System.out.printf("sign-up, ACTIVE address:   p50 %6.2f ms  (%.2fx the new address; %d pairs, alternating, each on an idle stack)%n",
                activeMedian, activeMedian / newMedian, PAIRS);
    }

    private static double signUpAlone(HttpClient http, LocalStack stack, String sku, String address) throws Exception {
        double millis = signUp(http, stack, sku, address);
        stack.awaitIdle(Duration.ofSeconds(30));
        return millis;
    }

    private static double signUp(HttpClient http, LocalStack stack, String sku, String address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/skus/" + sku + "/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + address + "\"}")).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 202) {
            throw new IllegalStateException("sign-up answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
