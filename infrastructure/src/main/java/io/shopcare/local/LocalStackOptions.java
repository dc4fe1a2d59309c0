package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How to start the local stack; port 0 picks a free port. {@code handlers} replaces the handler
 * of a function (by logical id) with one a test builds from the function's environment, e.g.
 * to inject a crash; the function keeps its template wiring (events, filters, retries).
 * {@code keepDeliveredBatches} keeps every stream batch handed to a function, for tests that replay
 * them; off in the jar (a long-running stack would keep them forever).
 */
public record LocalStackOptions(Path projectDir, int port, int sesPort, String adminToken, boolean demoData,
                                Path dataDir, Map<String, Function<Map<String, String>, RequestHandler<?, ?>>> handlers,
                                boolean keepDeliveredBatches) {

    public LocalStackOptions {
        handlers = Map.copyOf(handlers);
    }

    /** The jar's options: delivered batches are not kept. */
    public LocalStackOptions(Path projectDir, int port, int sesPort, String adminToken, boolean demoData, Path dataDir,
                             Map<String, Function<Map<String, String>, RequestHandler<?, ?>>> handlers) {
        this(projectDir, port, sesPort, adminToken, demoData, dataDir, handlers, false);
    }

    /** Free ports, no demo data, delivered batches kept, the project found from the working directory. */
    public static LocalStackOptions forTests() {
        return new LocalStackOptions(LocalStack.findProjectDir(), 0, 0, null, false, null, Map.of(), true);
    }

    public LocalStackOptions withDemoData(boolean demo) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demo, dataDir, handlers,
                keepDeliveredBatches);
    }

    public LocalStackOptions withDataDir(Path dir) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demoData, dir, handlers,
                keepDeliveredBatches);
    }

    public LocalStackOptions withKeepDeliveredBatches(boolean keep) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demoData, dataDir, handlers, keep);
    }

    public LocalStackOptions withHandler(String functionLogicalId,
                                         Function<Map<String, String>, RequestHandler<?, ?>> handler) {
        Map<String, Function<Map<String, String>, RequestHandler<?, ?>>> all = new HashMap<>(handlers);
        all.put(functionLogicalId, handler);
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demoData, dataDir, all,
                keepDeliveredBatches);
    }
}
