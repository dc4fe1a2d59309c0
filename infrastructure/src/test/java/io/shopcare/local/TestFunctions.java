package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/** Functions for tests of the runner's parts without a stack: a handler of the test's with a template-like definition. */
final class TestFunctions {
    private TestFunctions() {
    }

    static Template.Function definition(String logicalId, List<Template.HttpRoute> routes,
                                        Template.EventInvokeConfig eventInvokeConfig) {
        return new Template.Function(logicalId, "test.Handler::handleRequest", 10, Map.of(), routes, List.of(),
                List.of(), List.of(), eventInvokeConfig);
    }

    static LocalFunction function(Template.Function definition, RequestHandler<?, ?> handler) {
        return new LocalFunction(definition, "eu-central-1", environment -> handler);
    }

    static LocalFunction function(String logicalId, List<Template.HttpRoute> routes, RequestHandler<?, ?> handler) {
        return function(definition(logicalId, routes, Template.EventInvokeConfig.DEFAULT), handler);
    }
}
