package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.alerts.aws.EmailLinks;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.config.Environment;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.aws.SesMailer;
import io.shopcare.restock.WaveRunner;
import io.shopcare.restock.WaveStore;
import io.shopcare.restock.aws.RestockFollowUpHandler;
import io.shopcare.restock.aws.RestockStores;
import io.shopcare.restock.aws.RestockWaveHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restock waves under faults, on the local stack: the template's RestockWaveFunction keeps its
 * stream source (filter, retries, partial batch failures) but its handler is one this test
 * builds, so a crash can be injected at an exact point and a long list can be made to hand off.
 */
class RestockWaveFaultsTest {
    private static final String WAREHOUSE = "faults-warehouse";
    private static final AtomicReference<RequestHandler<DynamodbEvent, StreamsEventResponse>> WAVE_HANDLER =
            new AtomicReference<>();
    private static final List<ExecutorService> POOLS = new ArrayList<>();
    /** The follow-up schedule runs as if two hours had passed: follow-ups are due an hour after their wave. */
    private static final Duration FOLLOW_UP_CLOCK_AHEAD = Duration.ofHours(2);
    private static volatile Map<String, String> waveEnvironment;
    private static LocalStack stack;
    private static StackClient client;
    private static SesInbox inbox;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests().withHandler("RestockWaveFunction", environment -> {
            waveEnvironment = environment;
            RequestHandler<DynamodbEvent, StreamsEventResponse> current = (event, context) ->
                    WAVE_HANDLER.get().handleRequest(event, context);
            return current;
        }).withHandler("RestockFollowUpFunction", environment -> new RestockFollowUpHandler(environment,
                Clock.offset(Clock.systemUTC(), FOLLOW_UP_CLOCK_AHEAD))));
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        inbox = new SesInbox(stack.sesUrl());
        healthyAgain();
        ok(client.admin("PUT", "/admin/locations/" + WAREHOUSE, Fixtures.location("WAREHOUSE", "Faults warehouse", true)));
    }

    @AfterEach
    void healthyAfterEachTest() {
        healthyAgain();
    }

    private static void healthyAgain() {
        WAVE_HANDLER.set(new RestockWaveHandler(runner(store(), mailer(), 8, 32)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        POOLS.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void aWaveThatUsedItsBudgetIsFollowedUpAnHourLaterOnlyWhileTheSkuIsStillBuyable() {
        String waiting = Fixtures.soldOutProduct(client, stack, WAREHOUSE, "followup");
        List<String> waitingAddresses = ConfirmedAlerts.seed(stack.dynamoDb(), stack.tableName("AlertsTable"), waiting,
                "followup", 14);
        String gone = Fixtures.soldOutProduct(client, stack, WAREHOUSE, "followupgone");
        List<String> goneAddresses = ConfirmedAlerts.seed(stack.dynamoDb(), stack.tableName("AlertsTable"), gone,
                "followupgone", 12);
        Fixtures.setStock(client, stack, waiting, WAREHOUSE, 1); // a wave of max(10, 3 × 1) = 10
        Fixtures.setStock(client, stack, gone, WAREHOUSE, 1);
        stack.awaitIdle(Duration.ofSeconds(60));
        Fixtures.setStock(client, stack, gone, WAREHOUSE, 0); // sold out again before its follow-up
        for (int i = 0; i < 14; i++) {
            assertEquals(i < 10 ? 1 : 0, inbox.emailsTo(waitingAddresses.get(i)).size(), "first wave, alert " + i);
        }

        stack.runSchedule("RestockFollowUpFunction", java.time.Instant.now().plus(FOLLOW_UP_CLOCK_AHEAD));
        stack.awaitIdle(Duration.ofSeconds(60));
        for (int i = 0; i < 14; i++) {
            assertEquals(1, inbox.emailsTo(waitingAddresses.get(i)).size(), "after the follow-up wave, alert " + i);
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(i < 10 ? 1 : 0, inbox.emailsTo(goneAddresses.get(i)).size(), "sold out again: no follow-up, alert " + i);
        }
        stack.runSchedule("RestockFollowUpFunction", java.time.Instant.now().plus(FOLLOW_UP_CLOCK_AHEAD));
        stack.awaitIdle(Duration.ofSeconds(60));
        assertEquals(0, inbox.emailsTo(goneAddresses.get(10)).size(), "the discarded follow-up stays discarded");
    }

    @Test
    void aCrashAfterSomeSendsStillGivesEachAlertOfTheWaveExactlyOneEmail() {
        String sku = Fixtures.soldOutProduct(client, stack, WAREHOUSE, "crash");
        List<String> addresses = ConfirmedAlerts.seed(stack.dynamoDb(), stack.tableName("AlertsTable"), sku, "crash", 40);
        // One sender, chunks of 8: the crash comes after the 11th e-mail, three into the second chunk.
        Crash crash = new Crash(11, Integer.MAX_VALUE);
        WAVE_HANDLER.set(crashOnceThenHealthy(crash));

        Fixtures.setStock(client, stack, sku, WAREHOUSE, 5); // a wave of max(10, 3 × 5) = 15
        stack.awaitIdle(Duration.ofSeconds(60));

        assertTrue(crash.tripped.get(), "the crash happened");
        assertTrue(crash.crashedInvocations.get() >= 1);
        for (int i = 0; i < addresses.size(); i++) {
            assertEquals(i < 15 ? 1 : 0, inbox.emailsTo(addresses.get(i)).size(), "alert " + i);
        }
    }

    @Test
    void aSendInFlightAtTheCrashIsNeverRepeated() {
        String sku = Fixtures.soldOutProduct(client, stack, WAREHOUSE, "inflight");
        List<String> addresses = ConfirmedAlerts.seed(stack.dynamoDb(), stack.tableName("AlertsTable"), sku, "inflight", 20);
        // The crash comes after the 6th claim and before its e-mail: that alert may have been sent,
        // so it is not sent again (at most once); it still counts against the wave.
        Crash crash = new Crash(Integer.MAX_VALUE, 6);
        WAVE_HANDLER.set(crashOnceThenHealthy(crash));

        Fixtures.setStock(client, stack, sku, WAREHOUSE, 4); // a wave of max(10, 12) = 12
        stack.awaitIdle(Duration.ofSeconds(60));

        assertTrue(crash.tripped.get(), "the crash happened");
        for (int i = 0; i < addresses.size(); i++) {
            int expected = i == 5 || i >= 12 ? 0 : 1;
            assertEquals(expected, inbox.emailsTo(addresses.get(i)).size(), "alert " + i);
        }
    }

    @Test
    void aLongListIsHandedOnBeforeTheTimeoutAndEachAlertGetsOneEmail() {
        String sku = Fixtures.soldOutProduct(client, stack, WAREHOUSE, "handoff");
        List<String> addresses = ConfirmedAlerts.seed(stack.dynamoDb(), stack.tableName("AlertsTable"), sku, "handoff", 40);
        // Chunks of 4, and each invocation's clock runs out after two of them: 30 e-mails need 4 invocations.
        RestockWaveHandler handler = new RestockWaveHandler(runner(store(), mailer(), 4, 4));
        AtomicInteger invocations = new AtomicInteger();
        WAVE_HANDLER.set((event, context) -> {
            invocations.incrementAndGet();
            return handler.handleRequest(event, runningOutAfter(2, context));
        });

        Fixtures.setStock(client, stack, sku, WAREHOUSE, 10); // a wave of 30
        stack.awaitIdle(Duration.ofSeconds(60));

        assertTrue(invocations.get() >= 4, "handed on at least three times: " + invocations.get());
        for (int i = 0; i < addresses.size(); i++) {
            assertEquals(i < 30 ? 1 : 0, inbox.emailsTo(addresses.get(i)).size(), "alert " + i);
        }

        // Every hand-off record delivered again (stream redelivery): stale steps change nothing.
        for (DynamodbEvent batch : stack.deliveredBatches("RestockWaveFunction")) {
            stack.invoke("RestockWaveFunction", batch);
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        assertEquals(30, addresses.stream().mapToInt(a -> inbox.emailsTo(a).size()).sum(), "nobody twice");
    }

    // ------------------------------------------------------------------ fault injection

    /** The injected fault: nothing this worker does after the trip reaches DynamoDB or SES. */
    private static final class Crash {
        final AtomicBoolean tripped = new AtomicBoolean();
        final AtomicInteger crashedInvocations = new AtomicInteger();
        private final AtomicInteger sends = new AtomicInteger();
        private final AtomicInteger claims = new AtomicInteger();
        private final int tripAfterSends;
        private final int tripAfterClaims;

        Crash(int tripAfterSends, int tripAfterClaims) {
            this.tripAfterSends = tripAfterSends;
            this.tripAfterClaims = tripAfterClaims;
        }

        private void check() {
            if (tripped.get()) {
                throw new IllegalStateException("injected crash: this worker is gone");
            }
        }

        WaveStore store(WaveStore real) {
            return (WaveStore) Proxy.newProxyInstance(WaveStore.class.getClassLoader(), new Class<?>[] {WaveStore.class},
                    (proxy, method, args) -> {
                        check();
                        try {
                            Object result = method.invoke(real, args);
                            if (method.getName().equals("claim") && claims.incrementAndGet() == tripAfterClaims) {
                                tripped.set(true);
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        Mailer mailer(Mailer real) {
            return email -> {
                check();
                String messageId = real.send(email);
                if (sends.incrementAndGet() == tripAfterSends) {
                    tripped.set(true);
                }
                return messageId;
            };
        }
    }

    /** The crashing worker until the crash; after it, Lambda's retry runs in a healthy container. */
    private static RequestHandler<DynamodbEvent, StreamsEventResponse> crashOnceThenHealthy(Crash crash) {
        RestockWaveHandler crashing = new RestockWaveHandler(runner(crash.store(store()), crash.mailer(mailer()), 1, 8));
        RestockWaveHandler healthy = new RestockWaveHandler(runner(store(), mailer(), 8, 32));
        return (event, context) -> {
            if (crash.tripped.get()) {
                return healthy.handleRequest(event, context);
            }
            StreamsEventResponse response = crashing.handleRequest(event, context);
            if (crash.tripped.get()) {
                crash.crashedInvocations.incrementAndGet();
            }
            return response;
        };
    }

    /** A context whose remaining time is ample for {@code checks} looks, then below the runner's safety margin. */
    private static Context runningOutAfter(int checks, Context real) {
        AtomicInteger looks = new AtomicInteger();
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRemainingTimeInMillis")) {
                        return looks.incrementAndGet() <= checks ? 60_000 : 1_000;
                    }
                    return method.invoke(real, args);
                });
    }

    private static WaveStore store() {
        return RestockStores.of(stack.dynamoDb(), environment().require("ALERTS_TABLE")).waves();
    }

    private static Mailer mailer() {
        return SesMailer.fromEnvironment(environment());
    }

    private static Environment environment() {
        return new Environment(waveEnvironment);
    }

    /** The production runner's parts, with the test's store, mailer, sender threads and chunk size. */
    private static WaveRunner runner(WaveStore store, Mailer mailer, int senders, int chunkSize) {
        ExecutorService claimers = Executors.newFixedThreadPool(senders);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        synchronized (POOLS) {
            POOLS.add(claimers);
            POOLS.add(pool);
        }
        return new WaveRunner(store, new DynamoCatalogRepository(stack.dynamoDb(), environment().require("INVENTORY_TABLE"),
                Clock.systemUTC()), mailer, new EmailRenderer(), EmailLinks.fromEnvironment(environment()), Clock.systemUTC(),
                new WaveRunner.Workers(claimers, pool, senders), chunkSize, Duration.ofSeconds(15));
    }
}
