package io.shopcare.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shopcare.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Secrets Manager for the template's secrets, on 127.0.0.1, speaking the AWS JSON 1.1 protocol
 * ({@code POST /}, {@code X-Amz-Target: secretsmanager.<Operation>}, SigV4-signed): GetSecretValue,
 * PutSecretValue (rotation: the new version is AWSCURRENT, the old one AWSPREVIOUS), DescribeSecret
 * and ListSecrets, with Secrets Manager's error shape ({@code __type}, {@code message} and the
 * {@code x-amzn-ErrorType} header). Signatures are not verified (any credentials, e.g. a developer's
 * own with the AWS CLI, are accepted) but a request must be signed, as in AWS.
 */
final class SecretsManagerEmulator implements AutoCloseable {
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "secrets-manager");
        thread.setDaemon(true);
        return thread;
    });
    private final LocalSecrets secrets;
    private final Access access;

    /** Decides whether the signer of a request may do an action on a secret (local IAM). */
    interface Access {
        /** Null when allowed, else why not. */
        String denied(String accessKeyId, String action, String resourceArn);

        Access ANYONE = (key, action, resource) -> null;
    }

    /** An error Secrets Manager would answer: its status, type and message. */
    private static final class Failure extends RuntimeException {
        final int status;
        final String type;

        Failure(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private SecretsManagerEmulator(HttpServer server, LocalSecrets secrets, Access access) {
        this.server = server;
        this.secrets = secrets;
        this.access = access;
    }

    /** Starts on 127.0.0.1 at {@code port} (0: a free one). */
    static SecretsManagerEmulator start(LocalSecrets secrets, int port, Access access) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            SecretsManagerEmulator emulator = new SecretsManagerEmulator(server, secrets, access);
            server.createContext("/", emulator::handle);
            server.setExecutor(emulator.workers);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new IllegalStateException("the Secrets Manager emulator cannot listen on port " + port, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> answer;
            try {
                answer = answer(exchange);
            } catch (Failure failure) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("__type", failure.type);
                error.put("message", failure.getMessage());
                exchange.getResponseHeaders().add("x-amzn-ErrorType", failure.type);
                send(exchange, failure.status, error);
                return;
            } catch (RuntimeException e) {
                send(exchange, 500, Map.of("__type", "InternalServiceError", "message", "the emulator failed: " + e));
                return;
            }
            send(exchange, 200, answer);
        }
    }

    private Map<String, Object> answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("secretsmanager.")) {
            throw new Failure(400, "UnknownOperationException", "Expected POST / with X-Amz-Target: secretsmanager.<Operation>");
        }
        String accessKeyId = accessKeyId(exchange.getRequestHeaders().getFirst("Authorization"));
        Map<String, Object> request = body(exchange.getRequestBody());
        String operation = target.substring("secretsmanager.".length());
        return switch (operation) {
            case "GetSecretValue" -> getSecretValue(accessKeyId, request);
            case "PutSecretValue" -> putSecretValue(accessKeyId, request);
            case "DescribeSecret" -> describeSecret(accessKeyId, request);
            case "ListSecrets" -> listSecrets();
            default -> throw new Failure(400, "UnknownOperationException", "The local emulator does not offer " + operation);
        };
    }

    private Map<String, Object> getSecretValue(String accessKeyId, Map<String, Object> request) {
        LocalSecrets.Secret secret = secret(request);
        authorize(accessKeyId, "secretsmanager:GetSecretValue", secret);
        LocalSecrets.Version version = found(() -> secrets.version(secret.logicalId(), optional(request, "VersionId"),
                optional(request, "VersionStage")));
        Map<String, Object> answer = identity(secret);
        answer.put("SecretString", version.secretString());
        answer.put("VersionId", version.versionId());
        answer.put("VersionStages", version.stages());
        answer.put("CreatedDate", epochSeconds(version.created()));
        return answer;
    }

    private Map<String, Object> putSecretValue(String accessKeyId, Map<String, Object> request) {
        LocalSecrets.Secret secret = secret(request);
        authorize(accessKeyId, "secretsmanager:PutSecretValue", secret);
        if (request.containsKey("SecretBinary") || !(request.get("SecretString") instanceof String value)) {
            throw new Failure(400, "InvalidRequestException", "The local emulator takes a SecretString only");
        }
        List<String> stages = null;
        if (request.get("VersionStages") instanceof List<?> list) {
            stages = list.stream().map(String::valueOf).toList();
        }
        LocalSecrets.Version version;
        try {
            version = secrets.put(secret.logicalId(), value, optional(request, "ClientRequestToken"), stages);
        } catch (LocalSecrets.VersionConflict e) {
            throw new Failure(400, "ResourceExistsException", e.getMessage());
        }
        Map<String, Object> answer = identity(secret);
        answer.put("VersionId", version.versionId());
        answer.put("VersionStages", version.stages());
        return answer;
    }

    private Map<String, Object> describeSecret(String accessKeyId, Map<String, Object> request) {
        LocalSecrets.Secret secret = secret(request);
        authorize(accessKeyId, "secretsmanager:DescribeSecret", secret);
        return description(secret, "VersionIdsToStages");
    }

    private Map<String, Object> listSecrets() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LocalSecrets.Secret secret : secrets.all()) {
            list.add(description(secret, "SecretVersionsToStages"));
        }
        return Map.of("SecretList", list);
    }

    private Map<String, Object> description(LocalSecrets.Secret secret, String versionsField) {
        Map<String, Object> answer = identity(secret);
        if (secret.description() != null) {
            answer.put("Description", secret.description());
        }
        Map<String, Object> stages = new LinkedHashMap<>();
        List<LocalSecrets.Version> versions = secrets.versions(secret.logicalId());
        versions.stream().filter(v -> !v.stages().isEmpty()).forEach(v -> stages.put(v.versionId(), v.stages()));
        answer.put(versionsField, stages);
        answer.put("CreatedDate", epochSeconds(versions.get(0).created()));
        return answer;
    }

    private LocalSecrets.Secret secret(Map<String, Object> request) {
        String id = optional(request, "SecretId");
        if (id == null) {
            throw new Failure(400, "InvalidParameterException", "SecretId is required");
        }
        return found(() -> secrets.find(id));
    }

    private void authorize(String accessKeyId, String action, LocalSecrets.Secret secret) {
        String denied = access.denied(accessKeyId, action, secret.arn());
        if (denied != null) {
            throw new Failure(400, "AccessDeniedException", denied);
        }
    }

    private static <T> T found(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (LocalSecrets.NotFound e) {
            throw new Failure(400, "ResourceNotFoundException", e.getMessage());
        }
    }

    private static Map<String, Object> identity(LocalSecrets.Secret secret) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ARN", secret.arn());
        answer.put("Name", secret.name());
        return answer;
    }

    /** The access key of a SigV4 {@code Authorization} header; unsigned requests are refused as AWS refuses them. */
    private static String accessKeyId(String authorization) {
        String marker = "Credential=";
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ") || !authorization.contains(marker)) {
            throw new Failure(400, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        String credential = authorization.substring(authorization.indexOf(marker) + marker.length());
        return credential.substring(0, Math.max(0, credential.indexOf('/')));
    }

    private static Map<String, Object> body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Failure(400, "InvalidRequestException", "request too large");
        }
        try {
            return bytes.length == 0 ? Map.of() : Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (Json.MalformedJsonException e) {
            throw new Failure(400, "SerializationException", "the body is not a JSON object");
        }
    }

    private static String optional(Map<String, Object> request, String field) {
        Object value = request.get(field);
        return value == null ? null : String.valueOf(value);
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
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
