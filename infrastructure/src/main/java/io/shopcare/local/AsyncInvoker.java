package io.shopcare.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's asynchronous invocation (schedules, SNS, Invoke with {@code Event}): the caller does
 * not wait; a failed attempt is retried up to the function's {@code MaximumRetryAttempts} after a
 * delay that doubles (Lambda waits one, then two minutes; locally the same pattern from a short
 * first delay); an event older than {@code MaximumEventAgeInSeconds} is not retried; what still
 * fails goes to the {@code OnFailure} destination, which locally is a list kept on the stack and
 * one printed line.
 */
final class AsyncInvoker implements AutoCloseable {
    /** What Lambda sends to an on-failure destination, reduced to what a developer looks at. */
    record Failure(String functionName, String destination, String condition, int attempts, Object requestPayload,
                   String errorType, String errorMessage, Instant at) {
    }

    private final Duration firstRetryDelay;
    private final PrintStream out;
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("async-retry"));
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("async-invoke"));

    AsyncInvoker(Duration firstRetryDelay, PrintStream out) {
        this.firstRetryDelay = firstRetryDelay;
        this.out = out;
    }

    /** Queues an invocation of the function with this event and returns at once. */
    void submit(LocalFunction function, Object event) {
        submit(function, event, () -> function.invoke(event));
    }

    /**
     * Queues an invocation; {@code attempt} runs once per try (an Invoke payload is deserialized
     * inside it, so a payload the handler cannot take fails and is retried as in Lambda).
     */
    void submit(LocalFunction function, Object requestPayload, Callable<Object> attempt) {
        Invocation invocation = new Invocation(function, requestPayload, attempt, Instant.now());
        run(() -> invocation.attempt(1));
    }

    /** Events that failed every attempt, oldest first. */
    List<Failure> failures() {
        return List.copyOf(failures);
    }

    private void run(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            // The stack is stopping; Lambda would deliver later, a stopped stack cannot.
        }
    }

    private final class Invocation {
        private final LocalFunction function;
        private final Object requestPayload;
        private final Callable<Object> attempt;
        private final Instant received;

        Invocation(LocalFunction function, Object requestPayload, Callable<Object> attempt, Instant received) {
            this.function = function;
            this.requestPayload = requestPayload;
            this.attempt = attempt;
            this.received = received;
        }

        void attempt(int number) {
            try {
                attempt.call();
            } catch (Exception | Error e) {
                failed(number, e);
            }
        }

        private void failed(int number, Throwable error) {
            Template.EventInvokeConfig config = function.definition().eventInvokeConfig();
            System.err.println(function.name() + " failed (asynchronous attempt " + number + " of "
                    + (config.maximumRetryAttempts() + 1) + "): " + error);
            if (number > config.maximumRetryAttempts()) {
                giveUp("RetriesExhausted", number, error);
                return;
            }
            Duration delay = firstRetryDelay.multipliedBy(1L << (number - 1));
            if (Duration.between(received, Instant.now().plus(delay)).getSeconds() >= config.maximumEventAgeSeconds()) {
                giveUp("EventAgeExceeded", number, error);
                return;
            }
            try {
                timer.schedule(() -> run(() -> attempt(number + 1)), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // The stack is stopping.
            }
        }

        private void giveUp(String condition, int attempts, Throwable error) {
            String destination = function.definition().eventInvokeConfig().onFailure();
            Failure failure = new Failure(function.name(), destination, condition, attempts, requestPayload,
                    error.getClass().getName(), String.valueOf(error.getMessage()), Instant.now());
            out.println((destination == null ? "no on-failure destination, event discarded"
                    : "on-failure destination " + destination) + ": " + function.name()
                    + " asynchronous invocation failed " + attempts + " time(s) (" + condition + "): " + error);
            failures.add(failure);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
