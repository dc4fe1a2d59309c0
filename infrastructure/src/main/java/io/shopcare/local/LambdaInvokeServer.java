package io.shopcare.local;

import io.shopcare.json.Json;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Lambda Invoke API as {@code sam local start-lambda} serves it, so the AWS CLI and SDKs can
 * invoke the template's functions: {@code POST /2015-03-31/functions/{name}/invocations} with
 * the invocation types RequestResponse, Event and DryRun, payloads (de)serialized as the Java
 * runtime does it, and Lambda's error answers.
 */
final class LambdaInvokeServer implements AutoCloseable {
    /** Lambda's limit for a synchronous request payload. */
    static final long MAX_PAYLOAD_BYTES = 6L * 1024 * 1024;
    private static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations/?");
    private final LoopbackServer server;

    LambdaInvokeServer(int port, Map<String, LocalFunction> functions, AsyncInvoker async) {
        this.server = new LoopbackServer("lambda", port, 16 * 1024);
        server.jetty().setHandler(new InvokeHandler(Map.copyOf(functions), async, server.jetty().getThreadPool()));
        server.start();
    }

    int port() {
        return server.port();
    }

    InetSocketAddress boundAddress() {
        return server.boundAddress();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The function's logical id from a name, {@code Name:qualifier}, or a (partial) function ARN. */
    static String functionName(String identifier) {
        String name = identifier;
        int function = name.indexOf(":function:");
        if (function >= 0) {
            name = name.substring(function + ":function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    private static final class InvokeHandler extends Handler.Abstract {
        private final Map<String, LocalFunction> functions;
        private final AsyncInvoker async;
        private final Executor invocations;

        InvokeHandler(Map<String, LocalFunction> functions, AsyncInvoker async, Executor invocations) {
            this.functions = functions;
            this.async = async;
            this.invocations = invocations;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
            Matcher path = INVOKE_PATH.matcher(String.valueOf(request.getHttpURI().getPath()));
            if (!"POST".equals(request.getMethod()) || !path.matches()) {
                return error(404, "UnknownOperationException", "Unknown operation " + request.getMethod() + " "
                        + request.getHttpURI().getPath(), response, callback);
            }
            String identifier;
            try {
                identifier = PercentDecoding.pathSegment(path.group(1));
            } catch (IllegalArgumentException e) {
                return error(400, "InvalidParameterValueException", "The function name is not valid percent-encoding.",
                        response, callback);
            }
            LocalFunction function = functions.get(functionName(identifier));
            if (function == null) {
                return error(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:" + LocalStack.REGION
                        + ":000000000000:function:" + functionName(identifier), response, callback);
            }
            String type = request.getHeaders().get("X-Amz-Invocation-Type");
            String invocationType = type == null ? "RequestResponse" : type;
            if (!invocationType.equals("RequestResponse") && !invocationType.equals("Event")
                    && !invocationType.equals("DryRun")) {
                return error(400, "InvalidParameterValueException", "X-Amz-Invocation-Type must be RequestResponse, "
                        + "Event or DryRun", response, callback);
            }
            if (request.getLength() > MAX_PAYLOAD_BYTES) {
                return tooLarge(response, callback);
            }
            BodyReader.read(request, MAX_PAYLOAD_BYTES).whenCompleteAsync((payload, failure) -> {
                if (failure instanceof BodyReader.TooLarge) {
                    tooLarge(response, callback);
                } else if (failure != null) {
                    callback.failed(failure);
                } else {
                    invoke(function, invocationType, payload, response, callback);
                }
            }, invocations);
            return true;
        }

        private void invoke(LocalFunction function, String invocationType, byte[] payload, Response response,
                            Callback callback) {
            if (payload.length > 0) {
                try {
                    Json.parse(new String(payload, StandardCharsets.UTF_8));
                } catch (Json.MalformedJsonException e) {
                    error(400, "InvalidRequestContentException", "Could not parse request body into json",
                            response, callback);
                    return;
                }
            }
            switch (invocationType) {
                case "DryRun" -> {
                    response.setStatus(204);
                    callback.succeeded();
                }
                case "Event" -> {
                    async.submit(function, new String(payload, StandardCharsets.UTF_8),
                            () -> function.invoke(event(function, payload)));
                    response.setStatus(202);
                    callback.succeeded();
                }
                default -> {
                    Object answer;
                    try {
                        answer = function.invoke(event(function, payload));
                    } catch (RuntimeException | Error e) {
                        functionError(function, e, response, callback);
                        return;
                    }
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.getHeaders().put("X-Amz-Executed-Version", "$LATEST");
                    response.write(true, ByteBuffer.wrap(LambdaPayloads.write(function.outputType(), answer)), callback);
                }
            }
        }

        /** A handler that threw: Lambda still answers 200, and says so in a header. */
        private static void functionError(LocalFunction function, Throwable e, Response response, Callback callback) {
            System.err.println(function.name() + " failed (Invoke API): " + e);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("errorMessage", String.valueOf(e.getMessage()));
            body.put("errorType", e.getClass().getName());
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put("X-Amz-Executed-Version", "$LATEST");
            response.getHeaders().put("X-Amz-Function-Error", "Unhandled");
            response.write(true, ByteBuffer.wrap(Json.write(body).getBytes(StandardCharsets.UTF_8)), callback);
        }

        private static boolean tooLarge(Response response, Callback callback) {
            return error(413, "RequestEntityTooLargeException", "Request must be smaller than " + MAX_PAYLOAD_BYTES
                    + " bytes for the InvokeFunction operation", response, callback);
        }

        /** A service error as botocore reads it: the code in x-amzn-ErrorType, the message in the body. */
        private static boolean error(int status, String type, String message, Response response, Callback callback) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Type", "User");
            body.put("Message", message);
            response.setStatus(status);
            response.getHeaders().put("x-amzn-ErrorType", type);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(Json.write(body).getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    /**
     * The handler's input for a payload: a scheduled function given nothing or {@code {}} gets a
     * real ScheduledEvent fired now, as {@code sam local invoke} users expect; otherwise the
     * payload deserialized into the handler's input type.
     */
    static Object event(LocalFunction function, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        boolean empty = text.isEmpty() || text.replaceAll("\\s", "").equals("{}");
        if (empty && !function.definition().schedules().isEmpty()) {
            return Scheduler.event(function, Instant.now());
        }
        return LambdaPayloads.read(function.inputType(), empty ? "{}".getBytes(StandardCharsets.UTF_8) : payload);
    }
}
