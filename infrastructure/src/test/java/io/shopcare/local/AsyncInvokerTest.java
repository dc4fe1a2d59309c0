package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lambda's asynchronous retry and on-failure semantics, with test functions and millisecond delays. */
class AsyncInvokerTest {
    private static final String QUEUE = "arn:aws:sqs:eu-central-1:000000000000:failures";
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AsyncInvoker async = new AsyncInvoker(Duration.ofMillis(2),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    @AfterEach
    void close() {
        async.close();
    }

    /** A function that fails its first {@code failures} attempts, counting every attempt. */
    private static LocalFunction failing(int failures, AtomicInteger attempts, Template.EventInvokeConfig config) {
        RequestHandler<Object, String> handler = (event, context) -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("attempt " + attempts.get() + " failed");
            }
            return "done";
        };
        return TestFunctions.function(TestFunctions.definition("Flaky", List.of(), config), handler);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aFunctionThatRecoversWithinTheRetriesLeavesNoFailure() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        async.submit(failing(2, attempts, Template.EventInvokeConfig.DEFAULT), "event");
        await(() -> attempts.get() == 3, "the third attempt");
        // The third attempt succeeded: nothing may be recorded, and no fourth attempt follows.
        Thread.sleep(50);
        assertEquals(3, attempts.get());
        assertEquals(List.of(), async.failures());
    }

    @Test
    void aFunctionThatKeepsFailingIsTriedOncePlusTheRetriesThenGoesToItsDestination() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        async.submit(failing(Integer.MAX_VALUE, attempts, new Template.EventInvokeConfig(2, 3600, QUEUE)), "the event");
        await(() -> !async.failures().isEmpty(), "the failure record");
        AsyncInvoker.Failure failure = async.failures().get(0);
        assertEquals(3, attempts.get(), "one attempt and two retries");
        assertEquals(3, failure.attempts());
        assertEquals("RetriesExhausted", failure.condition());
        assertEquals(QUEUE, failure.destination());
        assertEquals("the event", failure.requestPayload());
        assertEquals(IllegalStateException.class.getName(), failure.errorType());
        assertEquals("attempt 3 failed", failure.errorMessage());
        String line = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("on-failure destination " + QUEUE + ": Flaky "), line);
    }

    @Test
    void theRetryCountComesFromTheFunctionsEventInvokeConfig() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        async.submit(failing(Integer.MAX_VALUE, attempts, new Template.EventInvokeConfig(0, 3600, null)), "event");
        await(() -> !async.failures().isEmpty(), "the failure record");
        assertEquals(1, attempts.get(), "MaximumRetryAttempts 0: no retry");
        assertNull(async.failures().get(0).destination());
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("no on-failure destination, event discarded: "));
    }

    @Test
    void anEventTooOldForAnotherRetryIsGivenUp() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        async.submit(failing(Integer.MAX_VALUE, attempts, new Template.EventInvokeConfig(2, 0, QUEUE)), "event");
        await(() -> !async.failures().isEmpty(), "the failure record");
        assertEquals(1, attempts.get());
        assertEquals("EventAgeExceeded", async.failures().get(0).condition());
    }

    @Test
    void theCallerDoesNotWaitForTheFunction() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        RequestHandler<Object, String> slow = (event, context) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
            return "done";
        };
        async.submit(TestFunctions.function(TestFunctions.definition("Slow", List.of(),
                Template.EventInvokeConfig.DEFAULT), slow), "event");
        assertEquals(0, finished.get(), "submit returned while the function is still running");
        release.countDown();
        await(() -> finished.get() == 1, "the function to finish");
    }
}
