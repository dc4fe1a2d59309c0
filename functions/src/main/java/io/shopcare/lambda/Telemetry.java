package io.shopcare.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.observability.EmbeddedMetrics;
import io.shopcare.observability.JsonLogFormatter;
import io.shopcare.observability.LogContext;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How every handler runs an invocation: logs are JSON lines (java.util.logging through
 * {@link JsonLogFormatter}) that carry the request id, the function and the business ids the
 * invocation touched; one summary line ends each invocation; the business metrics it counted
 * leave as CloudWatch EMF lines.
 */
public final class Telemetry {
    private static final Logger LOG = Logger.getLogger("shopcare.invocation");

    static {
        install();
    }

    private Telemetry() {
    }

    /** Runs the invocation's work inside its log context; {@code outcome} says in a few words how it ended. */
    public static <T> T invoke(Context context, Supplier<T> work, Function<T, String> outcome) {
        String function = context != null ? context.getFunctionName()
                : System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");
        LogContext invocation = LogContext.begin(context != null ? context.getAwsRequestId() : "-", function);
        long start = System.nanoTime();
        String result = "failed";
        try {
            T answer = work.get();
            result = outcome.apply(answer);
            return answer;
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.log(Level.INFO, "{0} in {1} ms", new Object[] {result, millis});
            EmbeddedMetrics.lines(invocation, System.currentTimeMillis()).forEach(System.out::println);
            LogContext.end();
        }
    }

    /**
     * Root logging goes to standard output as JSON, at the level Lambda's logging configuration
     * asks for ({@code AWS_LAMBDA_LOG_LEVEL}, from the template's ApplicationLogLevel), INFO by default.
     */
    private static synchronized void install() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof StandardOutput) {
                return;
            }
            root.removeHandler(handler);
        }
        root.addHandler(new StandardOutput());
        root.setLevel(level(System.getenv("AWS_LAMBDA_LOG_LEVEL")));
    }

    static Level level(String configured) {
        if (configured == null) {
            return Level.INFO;
        }
        return switch (configured.toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR", "FATAL" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }

    /** Writes each record as one line to whatever System.out is at the time (Lambda's, or the local stack's). */
    private static final class StandardOutput extends Handler {
        private final JsonLogFormatter formatter = new JsonLogFormatter();

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                System.out.print(formatter.format(record));
            }
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
