package io.shopcare.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.shopcare.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** GetSecretValue as Secrets Manager's JSON 1.1 protocol expects it, against a small fake endpoint. */
class SecretsManagerSecretsTest {
    private HttpServer server;
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "token", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")),
                    "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "body", body));
            String id = (String) Json.parseObject(body).get("SecretId");
            byte[] answer = (id.equals("LinkSecret")
                    ? Json.write(Map.of("ARN", "arn:x", "Name", id, "SecretString", "{\"current\":\"k1\"}"))
                    : "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no " + id + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(id.equals("LinkSecret") ? 200 : 400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        System.setProperty("aws.endpointUrlSecretsManager", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.endpointUrlSecretsManager");
        server.stop(0);
    }

    private SecretsManagerSecrets secrets() {
        return new SecretsManagerSecrets(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token")),
                Region.EU_CENTRAL_1);
    }

    @Test
    void readsTheSecretStringWithASignedJsonRequest() {
        assertEquals("{\"current\":\"k1\"}", secrets().secretString("LinkSecret"));
        Map<String, String> request = seen.get(0);
        assertEquals("secretsmanager.GetSecretValue", request.get("target"));
        assertEquals("application/x-amz-json-1.1", request.get("contentType"));
        assertEquals(Map.of("SecretId", "LinkSecret"), Json.parseObject(request.get("body")));
        assertTrue(request.get("authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), request.toString());
        assertTrue(request.get("authorization").contains("/eu-central-1/secretsmanager/aws4_request"), request.toString());
        assertEquals("session-token", request.get("token"));
    }

    @Test
    void anUnknownSecretIsAClearFailureNamingOnlyTheErrorType() {
        SecretsManagerSecrets.SecretUnavailableException e = assertThrows(
                SecretsManagerSecrets.SecretUnavailableException.class, () -> secrets().secretString("Other"));
        assertEquals("GetSecretValue answered 400: ResourceNotFoundException", e.getMessage());
    }

    @Test
    void withoutAnEndpointOverrideItIsTheRegionalEndpointAsInAws() {
        System.clearProperty("aws.endpointUrlSecretsManager");
        assertEquals(URI.create("https://secretsmanager.eu-central-1.amazonaws.com"), secrets().endpoint());
    }
}
