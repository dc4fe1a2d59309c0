package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A bench command, not a test: the gateway's own cost per request (a function that answers at
 * once, so no DynamoDB in the figure), alone and with 32 clients stalled mid-body, and the
 * Lambda Invoke API's round trip. Prints p50/p90 in milliseconds.
 * Run with the test class path: {@code java -cp ... io.shopcare.local.GatewayBenchmark}.
 */
public final class GatewayBenchmark {
    private static final int WARMUP = 500;
    private static final int SAMPLES = 2000;

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ok = (event, context) ->
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("content-type", "application/json"))
                        .withBody("{\"ok\":true}").build();
        Template.Function definition = TestFunctions.definition("Ok", List.of(
                new Template.HttpRoute("GET", "/items/{id}", false)), Template.EventInvokeConfig.DEFAULT);
        LocalFunction function = TestFunctions.function(definition, ok);
        HttpGateway gateway = new HttpGateway(0, LoopbackServer.IDLE_TIMEOUT, new PrintStream(OutputStream.nullOutputStream()));
        AsyncInvoker async = new AsyncInvoker(java.time.Duration.ofSeconds(1), System.out);
        LambdaInvokeServer invoke = new LambdaInvokeServer(0, Map.of("Ok", function), async);
        try {
            gateway.serve(new RouteTable(List.of(function), List.of(definition)), null, new AdminAuthorizer("t"));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/items/1")).build();
            HttpRequest invocation = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + invoke.port()
                    + "/2015-03-31/functions/Ok/invocations")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

            double[] alone = measure(http, get);
            List<Socket> stalled = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Socket socket = new Socket("127.0.0.1", gateway.port());
                socket.getOutputStream().write(("POST /items/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"a\"")
                        .getBytes(StandardCharsets.ISO_8859_1));
                stalled.add(socket);
            }
            double[] withStallers = measure(http, get);
            for (Socket socket : stalled) {
                socket.close();
            }
            double[] lambda = measure(http, invocation);

            System.out.printf("Gateway benchmark (%d samples after %d warm-up, one client thread, trivial function)%n",
                    SAMPLES, WARMUP);
            System.out.printf("GET through the API gateway:             p50 %6.2f ms  p90 %6.2f ms%n", alone[0], alone[1]);
            System.out.printf("  same, 32 clients stalled mid-body:     p50 %6.2f ms  p90 %6.2f ms%n", withStallers[0],
                    withStallers[1]);
            System.out.printf("POST Invoke (RequestResponse, {}):       p50 %6.2f ms  p90 %6.2f ms%n", lambda[0], lambda[1]);
        } finally {
            gateway.close();
            invoke.close();
            async.close();
        }
    }

    private static double[] measure(HttpClient http, HttpRequest request) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            send(http, request);
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            send(http, request);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[SAMPLES / 2], millis[SAMPLES * 9 / 10]};
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
    }
}
