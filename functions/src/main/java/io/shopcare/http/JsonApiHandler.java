package io.shopcare.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.json.Json;
import io.shopcare.lambda.SnapStartHooks;
import io.shopcare.lambda.Telemetry;
import io.shopcare.outcome.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crac.Resource;

/**
 * Base of every HTTP handler: runs each request as an invocation ({@link Telemetry}), maps domain
 * {@link Refusal}s and the edge's own {@link ApiException}s to the contract's error shape, and any
 * other failure to a 500 that reveals nothing (no stack trace, class or table name); that one is logged.
 *
 * <p>Two entry points, one behaviour. Lambda calls the stream one (its runtime prefers the
 * {@code (InputStream, OutputStream, Context)} overload of {@code handleRequest}): the event is read
 * with our one JSON library, so the runtime's own Jackson-based deserializer, a large share of a
 * cold start, never loads. The event-object one serves callers that hold event objects.
 */
public abstract class JsonApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        RequestStreamHandler {
    private static final Logger LOG = Logger.getLogger(JsonApiHandler.class.getName());
    private final SnapStartHooks snapStart = SnapStartHooks.register(SnapStartHooks.invoking(this, this::primingEvent),
            this::afterRestore);

    /** This handler's SnapStart hooks (tests and the cold-start bench call them as Lambda would). */
    public final Resource snapStartHooks() {
        return snapStart;
    }

    /**
     * What SnapStart priming sends through this handler's own path before the snapshot; it must
     * change nothing. By default a request refused at the edge (no route, no id: 400), which warms
     * the JSON, request, refusal and logging paths; a handler whose refusal comes only after
     * reading data that cannot exist (a 404) names that request instead, to warm its client too.
     */
    protected String primingEvent() {
        return primingRequest("GET", "/snapstart-priming", Map.of(), null);
    }

    /** What restored copies must not share; nothing by default. */
    protected void afterRestore() {
    }

    /** A payload-2.0 event for {@link #primingEvent}. */
    protected static String primingRequest(String method, String path, Map<String, String> pathParameters, String body) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + path);
        event.put("rawPath", path);
        event.put("headers", Map.of("content-type", "application/json"));
        event.put("pathParameters", pathParameters);
        event.put("requestContext", Map.of("http", Map.of("method", method, "path", path)));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return Json.write(event);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return answer(event.getRouteKey(), () -> ApiRequest.of(event), context).toLambda();
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.parseObject(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        Object routeKey = event.get("routeKey");
        ApiResponse response = answer(routeKey instanceof String key ? key : null, () -> ApiRequest.fromPayload(event),
                context);
        output.write(Json.write(response.toPayload()).getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse answer(String routeKey, Supplier<ApiRequest> request, Context context) {
        return Telemetry.invoke(context, () -> respond(routeKey, request),
                response -> routeKey + " answered " + response.status());
    }

    private ApiResponse respond(String routeKey, Supplier<ApiRequest> request) {
        try {
            return handle(request.get());
        } catch (Refusal e) {
            return ApiResponse.error(e);
        } catch (ApiException e) {
            return ApiResponse.error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unhandled failure on " + routeKey, e);
            return ApiResponse.error(new ApiException(500, "INTERNAL_ERROR",
                    "Something went wrong on our side; it has been logged."));
        }
    }

    protected abstract ApiResponse handle(ApiRequest request);
}
