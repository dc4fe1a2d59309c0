package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What API Gateway does with one request, in its order: CORS preflight, route selection, the
 * authorizer, the payload limit, then the function with a payload-2.0 event, and the function's
 * answer as it is (CORS headers from the configuration only).
 */
final class GatewayHandler extends Handler.Abstract {
    private final RouteTable routes;
    private final CorsPolicy cors;
    private final AdminAuthorizer authorizer;
    private final Executor invocations;

    GatewayHandler(RouteTable routes, CorsPolicy cors, AdminAuthorizer authorizer, Executor invocations) {
        this.routes = routes;
        this.cors = cors;
        this.authorizer = authorizer;
        this.invocations = invocations;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpFields headers = request.getHeaders();
        String method = request.getMethod();
        String origin = headers.get(HttpHeader.ORIGIN);
        if (cors != null && CorsPolicy.isPreflight(method, origin, headers.get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD))) {
            response.setStatus(204);
            cors.preflightHeaders(origin, headers.get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD),
                    headers.get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS)).forEach(response.getHeaders()::put);
            callback.succeeded();
            return true;
        }
        Map<String, String> corsHeaders = cors == null ? Map.of() : cors.responseHeaders(origin);
        RouteTable.Match match = null;
        GatewayError refusal;
        try {
            match = routes.match(method, segments(request.getHttpURI().getPath()));
            refusal = match == null ? GatewayError.notFound(method)
                    : match.route().authorized() && !authorizer.allows(headers.getValuesList(HttpHeader.AUTHORIZATION))
                    ? GatewayError.unauthorized() : null;
        } catch (IllegalArgumentException e) {
            refusal = GatewayError.malformed("The request path is not validly percent-encoded UTF-8.");
        }
        if (request.getLength() > GatewayError.MAX_BODY_BYTES) {
            return sendAndClose(GatewayError.payloadTooLarge(), corsHeaders, response, callback);
        }
        RouteTable.Match route = match;
        GatewayError early = refusal;
        // The body is read even for a refusal: answering before it is read would leave the
        // connection in a state the client cannot reuse (Jetty would then close it under the client).
        BodyReader.read(request, GatewayError.MAX_BODY_BYTES).whenCompleteAsync((body, failure) -> {
            if (failure instanceof BodyReader.TooLarge) {
                sendAndClose(GatewayError.payloadTooLarge(), corsHeaders, response, callback);
            } else if (failure != null) {
                // The client went away or stalled past the idle timeout: nobody is left to answer.
                callback.failed(failure);
            } else if (early != null) {
                send(early, corsHeaders, response, callback);
            } else {
                invoke(route, request, body, corsHeaders, response, callback);
            }
        }, invocations);
        return true;
    }

    /** Answers without reading the rest of the body, so the connection cannot carry another request. */
    private static boolean sendAndClose(GatewayError error, Map<String, String> corsHeaders, Response response,
                                        Callback callback) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        return send(error, corsHeaders, response, callback);
    }

    private void invoke(RouteTable.Match match, Request request, byte[] body, Map<String, String> corsHeaders,
                        Response response, Callback callback) {
        APIGatewayV2HTTPEvent event;
        try {
            event = ApiEvents.of(request, match, body);
        } catch (IllegalArgumentException e) {
            send(GatewayError.malformed("The query string is not validly percent-encoded UTF-8."), corsHeaders,
                    response, callback);
            return;
        }
        Object answer;
        try {
            answer = match.function().invoke(event);
        } catch (RuntimeException | Error e) {
            // Lambda reports an unhandled exception as a failed invocation; API Gateway then answers 500.
            System.err.println(match.function().name() + " failed on " + match.route().routeKey() + ":");
            e.printStackTrace();
            send(GatewayError.internal(), corsHeaders, response, callback);
            return;
        }
        if (!(answer instanceof APIGatewayV2HTTPResponse reply) || reply.getStatusCode() < 100
                || reply.getStatusCode() > 599) {
            System.err.println(match.function().name() + " returned no valid HTTP response for "
                    + match.route().routeKey());
            send(GatewayError.internal(), corsHeaders, response, callback);
            return;
        }
        byte[] bytes;
        try {
            String text = reply.getBody() == null ? "" : reply.getBody();
            bytes = reply.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            System.err.println(match.function().name() + " returned a body marked base64 that is not base64");
            send(GatewayError.internal(), corsHeaders, response, callback);
            return;
        }
        response.setStatus(reply.getStatusCode());
        HttpFields.Mutable out = response.getHeaders();
        if (reply.getMultiValueHeaders() != null) {
            reply.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
        }
        if (reply.getHeaders() != null) {
            reply.getHeaders().forEach(out::put);
        }
        if (reply.getCookies() != null) {
            reply.getCookies().forEach(cookie -> out.add(HttpHeader.SET_COOKIE, cookie));
        }
        if (cors != null) {
            // With CORS configured, API Gateway ignores the CORS headers a function returns.
            for (String name : new ArrayList<>(out.getFieldNamesCollection())) {
                if (CorsPolicy.isCorsHeader(name)) {
                    out.remove(name);
                }
            }
        }
        applyCors(corsHeaders, out);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static boolean send(GatewayError error, Map<String, String> corsHeaders, Response response,
                                Callback callback) {
        applyCors(corsHeaders, response.getHeaders());
        error.send(response, callback);
        return true;
    }

    private static void applyCors(Map<String, String> corsHeaders, HttpFields.Mutable out) {
        corsHeaders.forEach((name, value) -> {
            String existing = name.equals("Vary") ? out.get(HttpHeader.VARY) : null;
            out.put(name, existing == null || existing.isBlank() ? value : existing + ", " + value);
        });
    }

    /** The decoded segments after the leading slash ({@code /a/b%20c} gives a, "b c"). */
    static List<String> segments(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            segments.add(PercentDecoding.pathSegment(raw));
        }
        return segments;
    }
}
