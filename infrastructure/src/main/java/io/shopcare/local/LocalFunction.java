package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One function of the template: its handler built once, on its first invocation as a Lambda
 * container's cold start would, through the project's convention of a public constructor taking the
 * environment (a stack start builds none of the ~40 handlers a test mostly never calls; the
 * constructor's presence is checked at once; a test's replacement handler is built at start). With a policy, the handler is built and invoked in
 * the function's role, so its SDK calls meet local IAM.
 */
final class LocalFunction {
    private final Template.Function definition;
    private final Function<Map<String, String>, RequestHandler<?, ?>> replacement;
    private volatile RequestHandler<Object, Object> handler;
    private final Map<String, String> environment;
    private final FunctionRole role;

    LocalFunction(Template.Function definition, String region) {
        this(definition, region, null);
    }

    LocalFunction(Template.Function definition, String region,
                  Function<Map<String, String>, RequestHandler<?, ?>> replacement) {
        this(definition, region, replacement, null);
    }

    /**
     * With {@code replacement} non-null, the handler is built by it instead of the template's class;
     * with {@code policy} non-null, calls made while building and invoking it are checked against it.
     */
    LocalFunction(Template.Function definition, String region,
                  Function<Map<String, String>, RequestHandler<?, ?>> replacement, IamPolicy policy) {
        this.definition = definition;
        this.role = policy == null ? null : new FunctionRole(definition.logicalId(), policy);
        Map<String, String> environment = new HashMap<>(definition.environment());
        // What the Lambda runtime sets for every function.
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", definition.logicalId());
        this.environment = Map.copyOf(environment);
        this.replacement = replacement;
        if (replacement == null) {
            constructor();
        } else {
            // A test's own handler is built at once, as the test expects to see its environment.
            handler();
        }
    }

    /** The handler, built on first use. */
    private RequestHandler<Object, Object> handler() {
        RequestHandler<Object, Object> built = handler;
        if (built == null) {
            synchronized (this) {
                built = handler;
                if (built == null) {
                    built = inRole(() -> build(replacement));
                    handler = built;
                }
            }
        }
        return built;
    }

    private java.lang.reflect.Constructor<?> constructor() {
        try {
            return Class.forName(definition.handlerClass()).getConstructor(Map.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the handler of " + definition.logicalId(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> build(Function<Map<String, String>, RequestHandler<?, ?>> replacement) {
        if (replacement != null) {
            return (RequestHandler<Object, Object>) replacement.apply(environment);
        }
        try {
            return (RequestHandler<Object, Object>) constructor().newInstance(environment);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the handler of " + definition.logicalId(), e);
        }
    }

    private <T> T inRole(Supplier<T> work) {
        return role == null ? work.get() : role.run(work);
    }

    /** The function's role (null when its calls are not checked). */
    FunctionRole role() {
        return role;
    }

    Map<String, String> environment() {
        return environment;
    }

    String name() {
        return definition.logicalId();
    }

    Template.Function definition() {
        return definition;
    }

    /**
     * The class the Lambda runtime would deserialize a payload into: the handler's
     * {@code RequestHandler<I, O>} I, or, for a handler whose type is erased (a test's lambda),
     * the event class its template events deliver.
     */
    Type inputType() {
        Type declared = LambdaPayloads.handlerTypeArgument(handler().getClass(), 0);
        if (declared != null) {
            return declared;
        }
        if (!definition.routes().isEmpty()) {
            return APIGatewayV2HTTPEvent.class;
        }
        if (!definition.streams().isEmpty()) {
            return DynamodbEvent.class;
        }
        if (!definition.schedules().isEmpty()) {
            return ScheduledEvent.class;
        }
        return definition.topics().isEmpty() ? Object.class : SNSEvent.class;
    }

    /** The handler's declared answer type ({@code O}), or Object when erased. */
    Type outputType() {
        Type declared = LambdaPayloads.handlerTypeArgument(handler().getClass(), 1);
        return declared == null ? Object.class : declared;
    }

    /**
     * Invokes the handler as Lambda would: a handler that takes the raw event (a
     * {@link RequestStreamHandler}, which the Lambda runtime prefers) gets the event's JSON as the
     * runtime library writes it, and its JSON answer is read back into the declared answer type.
     */
    Object invoke(Object event) {
        return inRole(() -> invokeInRole(event));
    }

    private Object invokeInRole(Object event) {
        Context context = new LocalContext(definition);
        RequestHandler<Object, Object> handler = handler();
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                stream.handleRequest(new ByteArrayInputStream(LambdaPayloads.write(inputType(), event)), answer, context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return LambdaPayloads.read(outputType(), answer.toByteArray());
        }
        return handler.handleRequest(event, context);
    }

    private record LocalContext(Template.Function function, String requestId, long deadline) implements Context {
        LocalContext(Template.Function function) {
            this(function, UUID.randomUUID().toString(), System.currentTimeMillis() + function.timeoutSeconds() * 1000L);
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + function.logicalId();
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return function.logicalId();
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:local:000000000000:function:" + function.logicalId();
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println("[" + function.logicalId() + "] " + message);
                }

                @Override
                public void log(byte[] message) {
                    log(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
