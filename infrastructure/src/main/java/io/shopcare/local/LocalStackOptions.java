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
 * {@code parameterOverrides} are template parameter values (as {@code sam deploy
 * --parameter-overrides}); {@code webPort} is the demo storefront's.
 * {@code keepDeliveredBatches} keeps every stream batch handed to a function, for tests that replay
 * them; off in the jar (a long-running stack would keep them forever).
 */
public record LocalStackOptions(Path projectDir, int port, int sesPort, String adminToken, boolean demoData,
                                Path dataDir, Map<String, Function<Map<String, String>, RequestHandler<?, ?>>> handlers,
                                int lambdaPort, int webPort, Map<String, String> parameterOverrides,
                                boolean keepDeliveredBatches) {

    public LocalStackOptions {
        handlers = Map.copyOf(handlers);
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** The jar's options without the Lambda port, web port and overrides: free ports, none, batches not kept. */
    public LocalStackOptions(Path projectDir, int port, int sesPort, String adminToken, boolean demoData, Path dataDir,
                             Map<String, Function<Map<String, String>, RequestHandler<?, ?>>> handlers) {
        this(projectDir, port, sesPort, adminToken, demoData, dataDir, handlers, 0, 0, Map.of(), false);
    }

    /** Free ports, no demo data, delivered batches kept, the project found from the working directory. */
    public static LocalStackOptions forTests() {
        return new LocalStackOptions(LocalStack.findProjectDir(), 0, 0, null, false, null, Map.of(), 0, 0, Map.of(), true);
    }

    public LocalStackOptions withDemoData(boolean demo) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demo, dataDir, handlers, lambdaPort, webPort,
                parameterOverrides, keepDeliveredBatches);
    }

    public LocalStackOptions withDataDir(Path dir) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demoData, dir, handlers, lambdaPort, webPort,
                parameterOverrides, keepDeliveredBatches);
    }

    public LocalStackOptions withKeepDeliveredBatches(boolean keep) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demoData, dataDir, handlers, lambdaPort,
                webPort, parameterOverrides, keep);
    }

    public LocalStackOptions withHandler(String functionLogicalId,
                                         Function<Map<String, String>, RequestHandler<?, ?>> handler) {
        Map<String, Function<Map<String, String>, RequestHandler<?, ?>>> all = new HashMap<>(handlers);
        all.put(functionLogicalId, handler);
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demoData, dataDir, all, lambdaPort, webPort,
                parameterOverrides, keepDeliveredBatches);
    }

    public LocalStackOptions withAdminToken(String token) {
        return new LocalStackOptions(projectDir, port, sesPort, token, demoData, dataDir, handlers, lambdaPort, webPort,
                parameterOverrides, keepDeliveredBatches);
    }

    public LocalStackOptions withParameterOverrides(Map<String, String> overrides) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demoData, dataDir, handlers, lambdaPort,
                webPort, overrides, keepDeliveredBatches);
    }
}
