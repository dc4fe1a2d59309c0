package io.shopcare.local.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an HTTP answer against openapi.yaml: the status is declared for the operation the
 * request reached (or for the {@code $default} route when it reached none), the Content-Type is
 * one the response declares, and a JSON body validates against its schema.
 *
 * <p>Schemas are validated by networknt json-schema-validator with its OpenAPI 3.0 dialect:
 * plain JSON Schema semantics (so {@code additionalProperties: false} means exactly what it says,
 * also inside {@code allOf}), format assertions on, {@code $ref}s resolved inside the document.
 */
public final class ResponseValidator {
    /** The name the document goes by for the schema library; never fetched, it is mapped to the file's content. */
    private static final String DOCUMENT_URI = "https://shopcare.invalid/openapi.json";
    private static final int BODY_EXCERPT = 600;

    private final OpenApiDocument document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper strictJson = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** What was asked and what came back. {@code target} is the path with its query, as sent. */
    public record Exchange(String method, String target, Map<String, String> requestHeaders, int status,
                           String contentType, String body) {
        public Exchange {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(requestHeaders);
            requestHeaders = headers;
            contentType = contentType == null ? "" : contentType;
            body = body == null ? "" : body;
        }

        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        boolean isCorsPreflight() {
            return "OPTIONS".equalsIgnoreCase(method) && requestHeaders.containsKey("Access-Control-Request-Method");
        }
    }

    public ResponseValidator(OpenApiDocument document) {
        this.document = document;
        String documentJson = document.root().toString();
        JsonMetaSchema dialect = OpenApi30.getInstance();
        this.factory = JsonSchemaFactory.builder()
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                // The YAML mapper is never needed (the document is handed over as JSON); this keeps
                // the library from reaching for jackson-dataformat-yaml, which is not on the class path.
                .yamlMapper(new ObjectMapper())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, documentJson)))
                .build();
    }

    /** The project's openapi.yaml, read once per JVM. */
    public static ResponseValidator forProject() {
        return ProjectDocument.VALIDATOR;
    }

    private static final class ProjectDocument {
        static final ResponseValidator VALIDATOR = new ResponseValidator(OpenApiDocument.load(OpenApiDocument.projectFile()));
    }

    /** Fails the calling test, naming the request, the answer and each disagreement with the document. */
    public void check(Exchange exchange) {
        List<String> problems = problems(exchange);
        if (!problems.isEmpty()) {
            throw new AssertionError(exchange.method() + " " + exchange.target() + " was answered "
                    + exchange.status() + " " + exchange.contentType() + ", which openapi.yaml does not allow:\n  - "
                    + String.join("\n  - ", problems) + "\n  body: " + excerpt(exchange.body()));
        }
    }

    /** Every way the answer disagrees with the document; empty when it is a documented answer. */
    public List<String> problems(Exchange exchange) {
        OpenApiDocument.Operation operation = exchange.isCorsPreflight() ? document.extension("x-cors-preflight")
                : document.operation(exchange.method(), exchange.path())
                        .orElseGet(() -> document.extension("x-default-route"));
        Optional<OpenApiDocument.Located> response = document.response(operation, exchange.status());
        if (response.isEmpty()) {
            return List.of("status " + exchange.status() + " is not documented for " + operation.name()
                    + " (documented: " + String.join(", ", document.statuses(operation)) + ")");
        }
        JsonNode content = response.get().node().path("content");
        if (!content.isObject() || content.isEmpty()) {
            return exchange.body().isEmpty() ? List.of()
                    : List.of("the " + exchange.status() + " answer of " + operation.name() + " has no body in the document");
        }
        String mediaType = exchange.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Optional<String> declared = declaredMediaType(content, mediaType);
        if (declared.isEmpty()) {
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            return List.of("Content-Type '" + exchange.contentType() + "' is not documented for the " + exchange.status()
                    + " answer of " + operation.name() + " (documented: " + String.join(", ", types) + ")");
        }
        OpenApiDocument.Located schema = response.get().child("content").child(declared.get()).child("schema");
        if (schema.node().isMissingNode() || !isJson(mediaType)) {
            return List.of(); // non-JSON bodies (the unsubscribe page) are checked for their media type only
        }
        JsonNode body;
        try {
            body = strictJson.readTree(exchange.body());
        } catch (JsonProcessingException e) {
            return List.of("the body is not one valid JSON document: " + e.getOriginalMessage());
        }
        if (body == null || body.isMissingNode()) {
            return List.of("the body is empty but the document declares " + declared.get());
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema(schema).validate(body)) {
            problems.add(message.getMessage());
        }
        problems.sort(null);
        return problems;
    }

    /** Validates a value against the schema at a pointer of the document (for the document's own examples). */
    List<String> problems(OpenApiDocument.Located schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema(schema).validate(value)) {
            problems.add(message.getMessage());
        }
        problems.sort(null);
        return problems;
    }

    private JsonSchema schema(OpenApiDocument.Located schema) {
        return schemas.computeIfAbsent(schema.pointer(), pointer -> {
            // Loaded by location (not from the node) so that "#/components/..." resolves in the whole document.
            JsonSchema compiled = factory.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer), config);
            compiled.initializeValidators(); // resolve every $ref now: a broken one fails here, not mid-test
            return compiled;
        });
    }

    private static Optional<String> declaredMediaType(JsonNode content, String mediaType) {
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String type = name.toLowerCase(Locale.ROOT);
            if (type.equals(mediaType) || type.equals("*/*")
                    || (type.endsWith("/*") && mediaType.startsWith(type.substring(0, type.length() - 1)))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String excerpt(String body) {
        return body.length() > BODY_EXCERPT ? body.substring(0, BODY_EXCERPT) + "…" : body;
    }
}
