package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the template's HttpApi routes as API Gateway (payload 2.0) would: matches the route,
 * checks the authorizer (locally: the admin bearer token) and hands the function a real
 * {@link APIGatewayV2HTTPEvent}.
 */
final class HttpGateway implements AutoCloseable {
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "http-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Route> routes;
    private final Route defaultRoute;
    private final byte[] adminToken;

    private record Route(Template.HttpRoute route, LocalFunction function, String[] segments) {
        /** Path parameters when the path matches, else null. */
        Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    parameters.put(segments[i].substring(1, segments[i].length() - 1),
                            URLDecoder.decode(path[i].replace("+", "%2B"), StandardCharsets.UTF_8));
                } else if (!segments[i].equals(path[i])) {
                    return null;
                }
            }
            return parameters;
        }

        long parameterCount() {
            return java.util.Arrays.stream(segments).filter(s -> s.startsWith("{")).count();
        }
    }

    HttpGateway(int port, List<LocalFunction> functions, List<Template.Function> definitions, String adminToken)
            throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<Route> all = new ArrayList<>();
        Route fallback = null;
        for (int i = 0; i < functions.size(); i++) {
            for (Template.HttpRoute route : definitions.get(i).routes()) {
                if (route.isDefault()) {
                    fallback = new Route(route, functions.get(i), new String[0]);
                } else {
                    all.add(new Route(route, functions.get(i), route.path().substring(1).split("/")));
                }
            }
        }
        this.defaultRoute = fallback;
        // API Gateway prefers the most specific route: fewer parameters first.
        all.sort(Comparator.comparingLong(Route::parameterCount));
        this.routes = List.copyOf(all);
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::serve);
        server.setExecutor(workers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase();
            String rawPath = exchange.getRequestURI().getRawPath();
            String[] path = rawPath.substring(1).split("/", -1);
            for (Route route : routes) {
                Map<String, String> parameters = route.match(path);
                if (parameters == null || !route.route().method().equals(method)) {
                    continue;
                }
                if (route.route().authorized() && !authorized(exchange)) {
                    send(exchange, 401, "{\"error\":{\"code\":\"UNAUTHORIZED\","
                            + "\"message\":\"Admin routes need Authorization: Bearer <admin token>.\"}}");
                    return;
                }
                byte[] body = readBody(exchange);
                if (body == null) {
                    send(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
                    return;
                }
                APIGatewayV2HTTPEvent event = event(exchange, route, parameters, body);
                APIGatewayV2HTTPResponse response;
                try {
                    response = (APIGatewayV2HTTPResponse) route.function().invoke(event);
                } catch (RuntimeException e) {
                    // An unhandled exception in Lambda becomes API Gateway's 500.
                    e.printStackTrace();
                    send(exchange, 500, "{\"message\":\"Internal Server Error\"}");
                    return;
                }
                reply(exchange, response);
                return;
            }
            if (defaultRoute != null) {
                byte[] body = readBody(exchange);
                reply(exchange, (APIGatewayV2HTTPResponse) defaultRoute.function().invoke(
                        event(exchange, defaultRoute, Map.of(), body == null ? new byte[0] : body)));
                return;
            }
            send(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(adminToken, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, Route route, Map<String, String> parameters,
                                               byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
        String routeKey = route.route().routeKey();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(parameters.isEmpty() ? null : parameters)
                .withBody(body.length == 0 ? null
                        : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withDomainName("localhost")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod().toUpperCase())
                                .withPath(exchange.getRequestURI().getRawPath())
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    private static void reply(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("content-type", "application/json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
