package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Secrets Manager emulator over the project's template, spoken to as a function's client
 * would (AWS JSON 1.1, signed): values, ids it accepts, rotation, errors in AWS's shape, and
 * {@code {{resolve:secretsmanager}}} giving the same value it serves.
 */
class SecretsManagerEmulatorTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Template template;
    private static LocalSecrets secrets;
    private static SecretsManagerEmulator emulator;

    @BeforeAll
    static void start() {
        template = Template.load(LocalStack.findProjectDir().resolve("template.yaml"), "eu-central-1");
        secrets = LocalSecrets.open(template.secrets(), null);
        template.resolveSecretsWith(secrets);
        emulator = SecretsManagerEmulator.start(secrets, 0, (key, action, arn) ->
                key.equals("denied-key") ? "User " + key + " is not authorized to perform " + action + " on " + arn : null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theLinkSecretIsServedUnderItsLogicalIdNameAndTheArnItsRefGives() throws Exception {
        String arn = secretIdOfTheFunctions();
        assertTrue(arn.matches("arn:aws:secretsmanager:eu-central-1:000000000000:secret:SigningSecret-[A-Za-z0-9]{6}"), arn);
        String expected = secrets.version("SigningSecret", null, null).secretString();
        for (String id : List.of("SigningSecret", arn)) {
            Answer answer = call("GetSecretValue", Map.of("SecretId", id));
            assertEquals(200, answer.status, answer.body());
            assertEquals("application/x-amz-json-1.1", answer.contentType);
            Map<String, Object> value = answer.json();
            assertEquals(arn, value.get("ARN"));
            assertEquals("SigningSecret", value.get("Name"));
            assertEquals(expected, value.get("SecretString"));
            assertEquals(List.of("AWSCURRENT"), value.get("VersionStages"));
            assertTrue(value.get("VersionId") instanceof String);
            long created = ((BigDecimal) value.get("CreatedDate")).longValue();
            assertTrue(Math.abs(created - Instant.now().getEpochSecond()) < 3600, "epoch seconds: " + created);
        }
    }

    @Test
    void theFunctionsAreGivenTheArnTheEmulatorAnswersTo() throws Exception {
        String secretId = template.functions().stream().filter(f -> f.logicalId().equals("ConfirmSubscriptionFunction"))
                .findFirst().orElseThrow().environment().get("SIGNING_SECRET_ID");
        assertEquals(secretIdOfTheFunctions(), secretId);
        String value = (String) call("GetSecretValue", Map.of("SecretId", secretId)).json().get("SecretString");
        Map<String, Object> keys = Json.parseObject(value);
        assertEquals("k1", keys.get("current"));
        assertEquals(64, String.valueOf(keys.get("k1")).length(), "GenerateSecretString's PasswordLength");
    }

    @Test
    void aPutRotatesTheValueAndKeepsTheOldOneAsPrevious() throws Exception {
        String before = (String) call("GetSecretValue", Map.of("SecretId", "SigningSecret")).json().get("SecretString");
        String rotated = "{\"current\": \"k2\", \"k1\": \"" + "a".repeat(40) + "\", \"k2\": \"" + "b".repeat(40) + "\"}";
        Answer put = call("PutSecretValue", Map.of("SecretId", "SigningSecret", "SecretString", rotated,
                "ClientRequestToken", "11111111-2222-3333-4444-555555555555"));
        assertEquals(200, put.status, put.body());
        assertEquals("11111111-2222-3333-4444-555555555555", put.json().get("VersionId"));
        assertEquals(List.of("AWSCURRENT"), put.json().get("VersionStages"));
        assertEquals(rotated, call("GetSecretValue", Map.of("SecretId", "SigningSecret")).json().get("SecretString"));
        assertEquals(before, call("GetSecretValue", Map.of("SecretId", "SigningSecret", "VersionStage", "AWSPREVIOUS"))
                .json().get("SecretString"));
        assertEquals(200, call("PutSecretValue", Map.of("SecretId", "SigningSecret", "SecretString", rotated,
                "ClientRequestToken", "11111111-2222-3333-4444-555555555555")).status, "the same request again");
        assertError(call("PutSecretValue", Map.of("SecretId", "SigningSecret", "SecretString", "other",
                "ClientRequestToken", "11111111-2222-3333-4444-555555555555")), "ResourceExistsException");
        Map<String, Object> described = call("DescribeSecret", Map.of("SecretId", "SigningSecret")).json();
        assertEquals(List.of("AWSCURRENT"), ((Map<?, ?>) described.get("VersionIdsToStages"))
                .get("11111111-2222-3333-4444-555555555555"));
    }

    @Test
    void errorsHaveSecretsManagersShape() throws Exception {
        assertError(call("GetSecretValue", Map.of("SecretId", "NoSuchSecret")), "ResourceNotFoundException");
        assertError(call("GetSecretValue", Map.of()), "InvalidParameterException");
        assertError(call("RotateSecret", Map.of("SecretId", "SigningSecret")), "UnknownOperationException");
        assertError(send("GetSecretValue", "{\"SecretId\": \"SigningSecret\"}", null), "MissingAuthenticationTokenException");
        assertError(send("GetSecretValue", "not json", signed("local")), "SerializationException");
        Answer denied = send("GetSecretValue", "{\"SecretId\": \"SigningSecret\"}", signed("denied-key"));
        assertError(denied, "AccessDeniedException");
        assertTrue(String.valueOf(denied.json().get("message")).contains("secretsmanager:GetSecretValue"), denied.body());
    }

    @Test
    void listSecretsNamesEveryTemplateSecret() throws Exception {
        List<?> list = (List<?>) call("ListSecrets", Map.of()).json().get("SecretList");
        assertEquals(List.of("SigningSecret"), list.stream().map(s -> ((Map<?, ?>) s).get("Name")).toList());
    }

    private static String secretIdOfTheFunctions() {
        // What SIGNING_SECRET_ID: !Ref SigningSecret gives a function, as CloudFormation gives the ARN.
        return String.valueOf(template.resolve(Map.of("Ref", "SigningSecret")));
    }

    private static void assertError(Answer answer, String type) {
        assertEquals(400, answer.status, answer.body());
        assertEquals(type, answer.json().get("__type"), answer.body());
        assertEquals(type, answer.errorType, "x-amzn-ErrorType");
        assertTrue(answer.json().get("message") instanceof String, answer.body());
    }

    private record Answer(int status, String contentType, String errorType, String body) {
        Map<String, Object> json() {
            return Json.parseObject(body);
        }
    }

    private static Answer call(String operation, Map<String, Object> body) throws Exception {
        return send(operation, Json.write(body), signed("local"));
    }

    private static String signed(String accessKey) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20260301/eu-central-1/secretsmanager/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=abc";
    }

    private static Answer send(String operation, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "secretsmanager." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("x-amzn-ErrorType").orElse(""), response.body());
    }
}
