package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.shopcare.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stacks of a test JVM, one after another, share one SES emulator and each finds it empty. */
class SesEmulatorReuseTest {
    private static final Path PROJECT = LocalStack.findProjectDir();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theReusedEmulatorIsOneProcessEmptiedForEachStack() throws Exception {
        SesEmulator first = SesEmulator.reused(PROJECT);
        send(first.url(), "someone@example.com");
        assertEquals(1, stored(first.url()).size());

        SesEmulator second = SesEmulator.reused(PROJECT);
        assertSame(first, second);
        assertEquals(List.of(), stored(second.url()), "the next stack's inbox starts empty");
    }

    @Test
    void aStackThatReusesTheEmulatorLeavesItRunningWhenItCloses() throws Exception {
        String url;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.forTests())) {
            url = stack.sesUrl();
            assertEquals(SesEmulator.reused(PROJECT).url(), url);
            send(url, "before-close@example.com");
        }
        assertEquals(1, stored(url).size(), "still answering after the stack closed");
    }

    private static void send(String sesUrl, String to) throws Exception {
        String body = Json.write(Map.of("FromEmailAddress", "shop@example.com", "Destination", Map.of("ToAddresses", List.of(to)),
                "Content", Map.of("Simple", Map.of("Subject", Map.of("Data", "Hello"), "Body", Map.of("Text", Map.of("Data", "Hi"))))));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sesUrl + "/v2/email/outbound-emails"))
                .header("Content-Type", "application/json")
                // The emulator only asks that a request names some credentials, as the SDK's would.
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261123/eu-central-1/ses/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static List<Object> stored(String sesUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sesUrl + "/store")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.parseArray(Json.write(Json.parseObject(response.body()).get("emails")));
    }
}
