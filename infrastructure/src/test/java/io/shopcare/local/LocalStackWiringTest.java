package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.shopcare.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack's outward wiring: the Lambda Invoke API (java.net.http for exact statuses and
 * headers, the real AWS CLI v1 as users call it), asynchronous retries through it, CORS from
 * the template on the API port, and every port bound to 127.0.0.1 only.
 */
class LocalStackWiringTest {
    private static final Path PROJECT = LocalStack.findProjectDir();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Events the replaced RestockFollowUpFunction received. */
    private static final List<Object> FOLLOW_UP_EVENTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FEEDBACK_ATTEMPTS = new AtomicInteger();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        RequestHandler<ScheduledEvent, Integer> followUp = (event, context) -> {
            FOLLOW_UP_EVENTS.add(event);
            return 7;
        };
        RequestHandler<SNSEvent, Integer> feedback = (event, context) -> {
            FEEDBACK_ATTEMPTS.incrementAndGet();
            throw new IllegalStateException("feedback store unavailable");
        };
        stack = LocalStack.start(LocalStackOptions.forTests()
                .withHandler("RestockFollowUpFunction", environment -> followUp)
                .withHandler("EmailFeedbackFunction", environment -> feedback));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> invoke(String functionName, String invocationType, String payload)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.lambdaUrl() + "/2015-03-31/functions/"
                        + functionName + "/invocations"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (invocationType != null) {
            request.header("X-Amz-Invocation-Type", invocationType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sample(String name) throws IOException {
        return Files.readString(PROJECT.resolve("events").resolve(name));
    }

    // ------------------------------------------------------------------ the Invoke API, exactly

    @Test
    void aScheduledFunctionGivenNothingGetsAScheduledEventFiredNow() throws Exception {
        for (String payload : List.of("{}", "", " { } ")) {
            FOLLOW_UP_EVENTS.clear();
            Instant before = Instant.now();
            HttpResponse<String> response = invoke("RestockFollowUpFunction", null, payload);
            Instant after = Instant.now();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("7", response.body());
            assertEquals("$LATEST", response.headers().firstValue("X-Amz-Executed-Version").orElse(null));
            assertTrue(response.headers().firstValue("X-Amz-Function-Error").isEmpty());
            ScheduledEvent event = assertInstanceOf(ScheduledEvent.class, FOLLOW_UP_EVENTS.get(0));
            assertEquals("Scheduled Event", event.getDetailType());
            assertEquals("aws.events", event.getSource());
            Instant fired = Instant.ofEpochMilli(event.getTime().getMillis());
            assertFalse(fired.isBefore(before.minusSeconds(1)) || fired.isAfter(after.plusSeconds(1)),
                    "the event's time is the moment of the call: " + fired);
        }
    }

    @Test
    void aFunctionIsFoundByNameByArnAndWithAQualifier() throws Exception {
        for (String name : List.of("RestockFollowUpFunction", "RestockFollowUpFunction:live",
                "arn:aws:lambda:eu-central-1:000000000000:function:RestockFollowUpFunction",
                "arn%3Aaws%3Alambda%3Aeu-central-1%3A000000000000%3Afunction%3ARestockFollowUpFunction%3A%24LATEST")) {
            assertEquals(200, invoke(name, "RequestResponse", "{}").statusCode(), name);
        }
    }

    @Test
    void theSampleStockChangeIsWhatThePreorderFillFunctionTakes() throws Exception {
        HttpResponse<String> response = invoke("PreorderFillFunction", "RequestResponse",
                sample("inventory-stream-stock-change.json"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("X-Amz-Function-Error").isEmpty(), response.body());
        assertEquals(Map.of("batchItemFailures", List.of()), Json.parseObject(response.body()));
    }

    @Test
    void aHandlerExceptionIsAnUnhandledFunctionErrorWithStatusTwoHundred() throws Exception {
        HttpResponse<String> response = invoke("EmailFeedbackFunction", "RequestResponse", sample("ses-bounce-notification.json"));
        assertEquals(200, response.statusCode());
        assertEquals("Unhandled", response.headers().firstValue("X-Amz-Function-Error").orElse(null));
        Map<String, Object> error = Json.parseObject(response.body());
        assertEquals(IllegalStateException.class.getName(), error.get("errorType"));
        assertEquals("feedback store unavailable", error.get("errorMessage"));
    }

    @Test
    void anUnknownFunctionIsAResourceNotFoundBotocoreUnderstands() throws Exception {
        HttpResponse<String> response = invoke("NoSuchFunction", null, "{}");
        assertEquals(404, response.statusCode());
        assertEquals("ResourceNotFoundException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals(Map.of("Type", "User", "Message",
                "Function not found: arn:aws:lambda:eu-central-1:000000000000:function:NoSuchFunction"),
                Json.parseObject(response.body()));
    }

    @Test
    void dryRunChecksWithoutRunningAndBadInputIsRefused() throws Exception {
        int before = FOLLOW_UP_EVENTS.size();
        assertEquals(204, invoke("RestockFollowUpFunction", "DryRun", "{}").statusCode());
        assertEquals(before, FOLLOW_UP_EVENTS.size(), "DryRun runs nothing");
        HttpResponse<String> notJson = invoke("RestockFollowUpFunction", null, "{not json");
        assertEquals(400, notJson.statusCode());
        assertEquals("InvalidRequestContentException", notJson.headers().firstValue("x-amzn-ErrorType").orElse(null));
        HttpResponse<String> badType = invoke("RestockFollowUpFunction", "Sometimes", "{}");
        assertEquals(400, badType.statusCode());
        assertEquals("InvalidParameterValueException", badType.headers().firstValue("x-amzn-ErrorType").orElse(null));
    }

    @Test
    void anEventInvocationIsAcceptedAtOnceThenRetriedAndHandedToTheFailureDestination() throws Exception {
        int attemptsBefore = FEEDBACK_ATTEMPTS.get();
        HttpResponse<String> response = invoke("EmailFeedbackFunction", "Event", sample("ses-bounce-notification.json"));
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (stack.failedInvocations().stream().noneMatch(f -> f.functionName().equals("EmailFeedbackFunction"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        AsyncInvoker.Failure failure = stack.failedInvocations().stream()
                .filter(f -> f.functionName().equals("EmailFeedbackFunction")).findFirst()
                .orElseThrow(() -> new AssertionError("no failed asynchronous invocation recorded"));
        assertEquals(3, failure.attempts(), "one attempt and Lambda's default two retries");
        assertEquals("RetriesExhausted", failure.condition());
        assertEquals(Template.load(PROJECT.resolve("template.yaml"), LocalStack.REGION).functions().stream()
                        .filter(f -> f.logicalId().equals("EmailFeedbackFunction")).findFirst().orElseThrow()
                        .eventInvokeConfig().onFailure(), failure.destination(),
                "the destination of the function's EventInvokeConfig (none: discarded)");
        assertEquals(sample("ses-bounce-notification.json"), failure.requestPayload());
        assertEquals(attemptsBefore + 3, FEEDBACK_ATTEMPTS.get());
    }

    // ------------------------------------------------------------------ the Invoke API through the AWS CLI v1

    private static CliResult cli(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "lambda", "invoke", "--endpoint-url", stack.lambdaUrl(),
                "--cli-read-timeout", "120"));
        Collections.addAll(command, arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().put("AWS_DEFAULT_REGION", "eu-central-1");
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.redirectOutput(dir.resolve("cli.out").toFile()).redirectError(dir.resolve("cli.err").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the AWS CLI did not finish");
        return new CliResult(process.exitValue(), Files.readString(dir.resolve("cli.out")),
                Files.readString(dir.resolve("cli.err")));
    }

    private record CliResult(int exitCode, String stdout, String stderr) {
    }

    @Test
    void theAwsCliInvokesAScheduledFunctionWithAnEmptyObject(@TempDir Path dir) throws Exception {
        Path payload = dir.resolve("empty.json");
        Files.writeString(payload, "{}");
        Path out = dir.resolve("out.json");
        CliResult result = cli(dir, "--function-name", "WeeklyDigestFunction", "--payload", "file://" + payload, out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(200, ((Number) Json.parseObject(result.stdout()).get("StatusCode")).intValue(), result.stdout());
        assertFalse(Json.parseObject(result.stdout()).containsKey("FunctionError"), result.stdout());
        assertTrue(Files.readString(out).matches("\\d+"), "the digest answers how many it sent: " + Files.readString(out));
    }

    @Test
    void theAwsCliInvokesAStreamFunctionWithASampleEvent(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        CliResult result = cli(dir, "--function-name", "AvailabilityProjectorFunction", "--payload",
                "file://events/inventory-stream-product-change.json", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("{\"batchItemFailures\":[]}", Files.readString(out));
    }

    @Test
    void theAwsCliInvokesAnHttpFunctionWithASampleEvent(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        CliResult result = cli(dir, "--function-name", "ProductDetailFunction", "--payload", "file://events/get-product.json",
                out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        Map<String, Object> answer = Json.parseObject(Files.readString(out));
        assertEquals(404, ((Number) answer.get("statusCode")).intValue(), "no demo data: the product is unknown");
        assertTrue(String.valueOf(answer.get("body")).contains("\"NOT_FOUND\""), String.valueOf(answer.get("body")));
    }

    @Test
    void theAwsCliReportsAnUnknownFunction(@TempDir Path dir) throws Exception {
        CliResult result = cli(dir, "--function-name", "NoSuchFunction", "--payload", "{}", dir.resolve("out.json").toString());
        assertNotEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("ResourceNotFound"), result.stderr());
    }

    @Test
    void theAwsCliQueuesAnEventInvocation(@TempDir Path dir) throws Exception {
        CliResult result = cli(dir, "--function-name", "RestockFollowUpFunction", "--invocation-type", "Event",
                "--payload", "{}", dir.resolve("out.json").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(202, ((Number) Json.parseObject(result.stdout()).get("StatusCode")).intValue(), result.stdout());
    }

    // ------------------------------------------------------------------ the API port's wiring

    @Test
    void theApiAnswersABrowserPreflightWithTheTemplatesCors() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/skus/X/alerts"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("600", preflight.headers().firstValue("Access-Control-Max-Age").orElse(null));
    }

    // ------------------------------------------------------------------ loopback only

    @Test
    void everyPortListensOnTheLoopbackAddressOnly() throws Exception {
        Map<String, InetSocketAddress> bound = stack.boundAddresses();
        assertEquals(List.of("api", "dynamodb", "lambda", "web"), bound.keySet().stream().sorted().toList());
        List<Integer> ports = new ArrayList<>();
        for (Map.Entry<String, InetSocketAddress> entry : bound.entrySet()) {
            assertTrue(entry.getValue().getAddress().isLoopbackAddress(), entry.getKey() + " is bound to " + entry.getValue());
            ports.add(entry.getValue().getPort());
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), entry.getValue().getPort())) {
                assertTrue(loopback.isConnected(), entry.getKey() + " answers on 127.0.0.1");
            }
        }
        ports.add(URI.create(stack.sesUrl()).getPort());
        List<InetAddress> external = nonLoopbackAddresses();
        for (InetAddress address : external) {
            for (int port : ports) {
                assertThrows(ConnectException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, port), 5_000);
                    }
                }, "port " + port + " must refuse connections on " + address);
            }
        }
    }

    /** The machine's own addresses that are not loopback (none on an isolated machine: then only the binding is checked). */
    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }
}
