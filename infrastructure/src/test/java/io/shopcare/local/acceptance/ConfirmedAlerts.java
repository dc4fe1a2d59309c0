package io.shopcare.local.acceptance;

import io.shopcare.alerts.Subscription;
import io.shopcare.alerts.aws.DynamoSubscriptionStore;
import io.shopcare.mail.EmailAddress;
import io.shopcare.mail.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Confirmed alerts written through the subscription store's import (as if confirmed elsewhere), for
 * tests and the benchmark that need many of them without a confirmation e-mail each.
 */
public final class ConfirmedAlerts {
    private ConfirmedAlerts() {
    }

    /** Addresses {@code prefix0@example.com} … in sign-up order, one millisecond apart, oldest first. */
    public static List<String> seed(DynamoDbClient dynamoDb, String alertsTable, String sku, String prefix, int count) {
        DynamoSubscriptionStore store = new DynamoSubscriptionStore(dynamoDb, alertsTable);
        Instant first = Instant.now().minus(Duration.ofDays(1));
        List<String> addresses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String address = prefix + i + "@example.com";
                addresses.add(address);
                Instant signedUp = first.plusMillis(i);
                writes.add(pool.submit(() -> {
                    EmailAddress email = EmailAddress.parse(address).orElseThrow();
                    String subscriberId = store.subscriberId(email.key(), java.util.UUID.randomUUID().toString());
                    store.saveConfirmed(new Subscription(Subscription.Ref.alert(sku, subscriberId), email.value(),
                            Language.EN, Subscription.Status.ACTIVE, signedUp, List.of()));
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("seeding alerts failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return addresses;
    }
}
