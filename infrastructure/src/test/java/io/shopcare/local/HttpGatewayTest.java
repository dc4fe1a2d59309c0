package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.http.NotFoundHandler;
import io.shopcare.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API port without the rest of the stack: test functions behind the real gateway, the CORS
 * configuration of the real template. Malformed requests are written byte by byte.
 */
class HttpGatewayTest {
    private static final String TOKEN = "test-admin-token";
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final AtomicInteger INVOCATIONS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static HttpGateway gateway;

    @BeforeAll
    static void start() {
        List<LocalFunction> functions = new ArrayList<>();
        List<Template.Function> definitions = new ArrayList<>();
        add(functions, definitions, "Echo", echo(), route("GET", "/products/{productId}"));
        add(functions, definitions, "Special", echo(), route("GET", "/products/special"));
        add(functions, definitions, "Files", echo(), new Template.HttpRoute("ANY", "/files/{path+}", false));
        add(functions, definitions, "Admin", echo(), new Template.HttpRoute("PUT", "/admin/things/{thingId}", true));
        add(functions, definitions, "Upload", echo(), route("POST", "/uploads"));
        add(functions, definitions, "Boom", (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) (e, c) -> {
            INVOCATIONS.incrementAndGet();
            throw new IllegalStateException("InventoryTable exploded");
        }, route("GET", "/boom"));
        add(functions, definitions, "Leaky", (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) (e, c) -> {
            INVOCATIONS.incrementAndGet();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Access-Control-Allow-Origin", "https://evil.example", "content-type", "text/plain"))
                    .withBody("leaky").build();
        }, route("GET", "/leaky"));
        NotFoundHandler notFound = new NotFoundHandler(Map.of());
        add(functions, definitions, "NotFound", (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) (e, c) -> {
            INVOCATIONS.incrementAndGet();
            return notFound.handleRequest(e, c);
        }, new Template.HttpRoute("ANY", Template.HttpRoute.DEFAULT_PATH, false));

        gateway = new HttpGateway(0, LoopbackServer.IDLE_TIMEOUT, new PrintStream(LOG, true, StandardCharsets.UTF_8));
        Template template = Template.load(LocalStack.findProjectDir().resolve("template.yaml"), "eu-central-1");
        gateway.serve(new RouteTable(functions, definitions), CorsPolicy.from(template.httpApiCors()),
                new AdminAuthorizer(TOKEN));
        gateway.logRequests(true);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static Template.HttpRoute route(String method, String path) {
        return new Template.HttpRoute(method, path, false);
    }

    private static void add(List<LocalFunction> functions, List<Template.Function> definitions, String id,
                            RequestHandler<?, ?> handler, Template.HttpRoute route) {
        Template.Function definition = TestFunctions.definition(id, List.of(route), Template.EventInvokeConfig.DEFAULT);
        definitions.add(definition);
        functions.add(TestFunctions.function(definition, handler));
    }

    /** Answers with what it was given, so tests can see the event the gateway built. */
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> echo() {
        return (event, context) -> {
            INVOCATIONS.incrementAndGet();
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("routeKey", event.getRouteKey());
            seen.put("pathParameters", event.getPathParameters());
            seen.put("query", event.getQueryStringParameters());
            seen.put("cookies", event.getCookies());
            seen.put("cookieHeader", event.getHeaders().get("cookie"));
            seen.put("bodyLength", event.getBody() == null ? 0
                    : event.getIsBase64Encoded() ? java.util.Base64.getDecoder().decode(event.getBody()).length
                    : event.getBody().getBytes(StandardCharsets.UTF_8).length);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json")).withBody(Json.write(seen)).build();
        };
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery));
    }

    private static Map<String, Object> json(String body) {
        return Json.parseObject(body);
    }

    @SuppressWarnings("unchecked")
    private static void assertContractError(int status, String code, int actualStatus, String contentType, String body) {
        assertEquals(status, actualStatus, body);
        assertTrue(contentType != null && contentType.startsWith("application/json"), "content type " + contentType);
        Map<String, Object> parsed = json(body);
        assertEquals(List.of("error"), List.copyOf(parsed.keySet()), body);
        Map<String, Object> error = (Map<String, Object>) parsed.get("error");
        assertEquals(code, error.get("code"), body);
        assertFalse(String.valueOf(error.get("message")).isBlank(), body);
        String lower = body.toLowerCase();
        for (String leak : List.of("exception", "jetty", "java.", "<html", "inventorytable", "\tat ")) {
            assertFalse(lower.contains(leak), "leaks '" + leak + "': " + body);
        }
    }

    private static void assertContractError(int status, String code, RawHttp.Answer answer) {
        assertContractError(status, code, answer.status(), answer.header("content-type"), answer.body());
    }

    private static void assertContractError(int status, String code, HttpResponse<String> response) {
        assertContractError(status, code, response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                response.body());
    }

    // ------------------------------------------------------------------ routing

    @Test
    void theMostSpecificRouteWinsAndPathParametersArriveDecoded() throws Exception {
        assertEquals("GET /products/special", json(send(request("/products/special")).body()).get("routeKey"));
        Map<String, Object> byParameter = json(send(request("/products/a%20b%2Fc+d")).body());
        assertEquals("GET /products/{productId}", byParameter.get("routeKey"));
        assertEquals(Map.of("productId", "a b/c+d"), byParameter.get("pathParameters"));
        Map<String, Object> greedy = json(send(request("/files/x/y%C3%A9/z").method("DELETE",
                HttpRequest.BodyPublishers.noBody())).body());
        assertEquals(Map.of("path", "x/yé/z"), greedy.get("pathParameters"));
    }

    @Test
    void unmatchedPathsAndMethodsGoToTheDefaultRoute() throws Exception {
        for (HttpRequest.Builder unmatched : List.of(request("/no/such/route"), request("/"),
                request("/products/"), request("/products/a/b"),
                request("/products/abc").method("DELETE", HttpRequest.BodyPublishers.noBody()))) {
            HttpResponse<String> response = send(unmatched);
            assertContractError(404, "NOT_FOUND", response);
        }
    }

    @Test
    void withoutADefaultRouteTheGatewayAnswersTheContractsNotFoundItself() throws Exception {
        Template.Function only = TestFunctions.definition("Only", List.of(route("GET", "/only")),
                Template.EventInvokeConfig.DEFAULT);
        HttpGateway bare = new HttpGateway(0, LoopbackServer.IDLE_TIMEOUT, new PrintStream(OutputStream.nullOutputStream()));
        try {
            bare.serve(new RouteTable(List.of(TestFunctions.function(only, echo())), List.of(only)), null,
                    new AdminAuthorizer(TOKEN));
            assertContractError(404, "NOT_FOUND", RawHttp.exchange(bare.port(), "POST /only HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 0\r\n\r\n"));
            assertEquals(200, RawHttp.exchange(bare.port(), "GET /only HTTP/1.1\r\nHost: x\r\n\r\n").status());
        } finally {
            bare.close();
        }
    }

    @Test
    void queryParametersAndCookiesArriveAsPayloadTwoPointZeroHasThem() throws Exception {
        Map<String, Object> seen = json(send(request("/products/p?size=M&size=L&q=rain+coat%21")
                .header("Cookie", "a=1; b=2")).body());
        assertEquals(Map.of("size", "M,L", "q", "rain coat!"), seen.get("query"));
        assertEquals(List.of("a=1", "b=2"), seen.get("cookies"));
        assertNull(seen.get("cookieHeader"), "cookies are not repeated among the headers");
    }

    // ------------------------------------------------------------------ malformed input, written by hand

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /products/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /products/%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /products/abc%2 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /products/p?limit=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /products/abc HTTP/1.1\r\nHost: x\r\nThisLineHasNoColon\r\n\r\n",
            "POST /uploads HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n",
            "POST /uploads HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            "POST /uploads HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "GET /products/abc HTTP/1.1\r\n\r\n",
            "GET /products/abc HTTP/7.0\r\nHost: x\r\n\r\n",
            "GET /products/a b HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /\r\n\r\n",
            "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003garbage\r\n\r\n",
    })
    void malformedRequestsGetTheContractsFourHundred(String request) throws Exception {
        assertContractError(400, "MALFORMED_REQUEST", RawHttp.exchange(gateway.port(), request));
    }

    @Test
    void aPooledClientGetsAnAnswerToEveryRequestAfterAMalformedOne() throws Exception {
        RawHttp.Answer refused = RawHttp.exchange(gateway.port(), "POST /orders/X%00/cancellations HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertContractError(400, "MALFORMED_REQUEST", refused);
        assertEquals("close", refused.header("connection"), "Jetty closes the connection after it, and says so");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            // An encoded NUL in the path: Jetty refuses it before the gateway's handler, body unread.
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/orders/X%00/cancellations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertContractError(400, "MALFORMED_REQUEST", answer.statusCode(),
                    answer.headers().firstValue("content-type").orElse(null), answer.body());
        }
    }

    @Test
    void oversizedHeadersAndUrisAreMalformedRequests() throws Exception {
        assertContractError(400, "MALFORMED_REQUEST", RawHttp.exchange(gateway.port(),
                "GET /products/abc HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20 * 1024) + "\r\n\r\n"));
        assertContractError(400, "MALFORMED_REQUEST", RawHttp.exchange(gateway.port(),
                "GET /products/" + "a".repeat(20 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @Test
    void aBodyOverTenMebibytesIsRefusedWithFourThirteen() throws Exception {
        long tooLarge = GatewayError.MAX_BODY_BYTES + 1;
        assertContractError(413, "PAYLOAD_TOO_LARGE", RawHttp.exchange(gateway.port(),
                "POST /uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + tooLarge
                        + "\r\n\r\n{\"a\":"));
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsCutOffWithFourThirteen() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (long sent = 0; sent <= GatewayError.MAX_BODY_BYTES; sent += chunk.length) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                } catch (IOException e) {
                    // The gateway stopped reading once the limit was passed: expected.
                }
            });
            writer.start();
            assertContractError(413, "PAYLOAD_TOO_LARGE", RawHttp.read(socket.getInputStream()));
            writer.join(30_000);
        }
    }

    @Test
    void aBodyOfExactlyTenMebibytesReachesTheFunction() throws Exception {
        byte[] body = new byte[(int) GatewayError.MAX_BODY_BYTES];
        HttpResponse<String> response = send(request("/uploads").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(200, response.statusCode());
        assertEquals(body.length, ((Number) json(response.body()).get("bodyLength")).intValue());
    }

    @Test
    void anExceptionInAFunctionIsAFiveHundredThatRevealsNothing() throws Exception {
        assertContractError(500, "INTERNAL_ERROR", send(request("/boom")));
    }

    // ------------------------------------------------------------------ the admin authorizer

    @Test
    void adminRoutesTakeTheBearerTokenInAnyCaseOfTheScheme() throws Exception {
        for (String scheme : List.of("Bearer", "bearer", "BEARER")) {
            HttpResponse<String> response = send(request("/admin/things/1").header("Authorization", scheme + " " + TOKEN)
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")));
            assertEquals(200, response.statusCode(), scheme);
        }
    }

    @Test
    void adminRoutesRefuseMissingWrongOrDoubledCredentials() throws Exception {
        int before = INVOCATIONS.get();
        HttpResponse<String> missing = send(request("/admin/things/1").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertContractError(401, "UNAUTHORIZED", missing);
        assertEquals("Bearer", missing.headers().firstValue("WWW-Authenticate").orElse(null));
        for (String header : List.of("Bearer wrong-token", "Bearer " + TOKEN + "x", "Basic " + TOKEN, "Bearer",
                "Bearer ", TOKEN)) {
            assertContractError(401, "UNAUTHORIZED", send(request("/admin/things/1").header("Authorization", header)
                    .PUT(HttpRequest.BodyPublishers.ofString("{}"))));
        }
        assertContractError(401, "UNAUTHORIZED", RawHttp.exchange(gateway.port(),
                "PUT /admin/things/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\nAuthorization: Bearer "
                        + TOKEN + "\r\nContent-Length: 2\r\n\r\n{}"));
        assertEquals(before, INVOCATIONS.get(), "no function may run for a refused request");
    }

    @Test
    void aRefusalWhoseBodyArrivesLateLeavesTheConnectionUsableForTheNextRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write("PUT /admin/things/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(200);
            out.write("{}GET /products/special HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertContractError(401, "UNAUTHORIZED", RawHttp.read(socket.getInputStream()));
            RawHttp.Answer next = RawHttp.read(socket.getInputStream());
            assertEquals(200, next.status(), next.body());
            assertEquals("GET /products/special", json(next.body()).get("routeKey"));
        }
    }

    // ------------------------------------------------------------------ CORS as the template declares it

    @Test
    void aPreflightIsAnsweredByTheGatewayWithTheTemplatesCorsConfiguration() throws Exception {
        int before = INVOCATIONS.get();
        HttpResponse<String> preflight = send(request("/admin/things/1").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type,authorization"));
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("GET,POST,PATCH,PUT", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        assertEquals("content-type,authorization,idempotency-key,accept-language",
                preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        assertEquals("600", preflight.headers().firstValue("Access-Control-Max-Age").orElse(null));
        assertEquals("", preflight.body());
        assertEquals(before, INVOCATIONS.get(), "a preflight runs no function and needs no token");
    }

    @Test
    void aPreflightForAMethodOrHeaderTheTemplateDoesNotAllowGetsNoCorsHeaders() throws Exception {
        for (String[] asked : new String[][] {{"DELETE", "content-type"}, {"PUT", "x-secret"}}) {
            HttpResponse<String> preflight = send(request("/products/p").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", asked[0])
                    .header("Access-Control-Request-Headers", asked[1]));
            assertEquals(204, preflight.statusCode());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), asked[0] + " " + asked[1]);
        }
    }

    @Test
    void anOptionsRequestThatIsNoPreflightGoesToTheRoutes() throws Exception {
        assertContractError(404, "NOT_FOUND", send(request("/products/p").method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:8080")));
    }

    @Test
    void answersToAnAllowedOriginCarryTheConfiguredHeadersAndNeverTheFunctionsOwn() throws Exception {
        HttpResponse<String> leaky = send(request("/leaky").header("Origin", "http://localhost:8080"));
        assertEquals(200, leaky.statusCode());
        assertEquals(List.of("*"), leaky.headers().allValues("Access-Control-Allow-Origin"));
        assertTrue(leaky.headers().firstValue("Vary").isEmpty(), "a wildcard origin does not vary by origin");
        HttpResponse<String> withoutOrigin = send(request("/leaky"));
        assertTrue(withoutOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                "without an Origin no CORS headers, and the function's own are dropped");
        HttpResponse<String> refused = send(request("/admin/things/1").header("Origin", "http://localhost:8080")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, refused.statusCode());
        assertEquals("*", refused.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                "a browser must be able to read the gateway's own errors");
    }

    // ------------------------------------------------------------------ slow clients

    @ParameterizedTest
    @ValueSource(ints = {8, 32})
    void clientsStalledInTheirBodyDoNotDelayOtherRequests(int stallers) throws Exception {
        List<Socket> stalled = openStalledUploads(gateway.port(), stallers);
        try {
            RawHttp.Answer answer = RawHttp.exchange(gateway.port(), "GET /products/while-stalled HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(200, answer.status());
            assertEquals(Map.of("productId", "while-stalled"), json(answer.body()).get("pathParameters"));
            for (Socket socket : stalled) {
                assertTrue(RawHttp.stillOpen(socket), "the staller must still be connected while the GET is answered");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void stalledConnectionsAreCutAfterTheIdleTimeout() throws Exception {
        // A gateway of its own with a short idle timeout: the shared one keeps the stack's 30 s.
        Template.Function upload = TestFunctions.definition("Upload", List.of(route("POST", "/uploads")),
                Template.EventInvokeConfig.DEFAULT);
        HttpGateway impatient = new HttpGateway(0, Duration.ofSeconds(1), new PrintStream(OutputStream.nullOutputStream()));
        impatient.serve(new RouteTable(List.of(TestFunctions.function(upload, echo())), List.of(upload)), null,
                new AdminAuthorizer(TOKEN));
        List<Socket> stalled = openStalledUploads(impatient.port(), 4);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<Socket> open = new ArrayList<>(stalled);
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                open.removeIf(socket -> {
                    try {
                        return !RawHttp.stillOpen(socket);
                    } catch (IOException e) {
                        return true;
                    }
                });
                Thread.sleep(200);
            }
            assertEquals(List.of(), open, "every stalled connection is closed by the gateway");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
            impatient.close();
        }
    }

    private static List<Socket> openStalledUploads(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(("POST /uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"partial\": \"").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        return sockets;
    }

    // ------------------------------------------------------------------ the request log

    @Test
    void eachRequestIsOneLineWithoutItsQueryString() throws Exception {
        send(request("/products/logged?token=very-secret-token"));
        send(request("/no/such/route"));
        String log = waitForLog("GET /no/such/route 404 ");
        assertTrue(log.lines().anyMatch(l -> l.matches("GET /products/logged 200 \\d+ ms")), log);
        assertFalse(log.contains("very-secret-token"), "query strings carry tokens: never logged");
        for (String line : log.lines().toList()) {
            assertTrue(line.matches("[A-Z-]+ /\\S* \\d{3} \\d+ ms"), "not a request line: " + line);
        }
    }

    private static String waitForLog(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String log = LOG.toString(StandardCharsets.UTF_8);
            if (log.contains(expected)) {
                return log;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no log line '" + expected + "' in:\n" + LOG.toString(StandardCharsets.UTF_8));
    }
}
