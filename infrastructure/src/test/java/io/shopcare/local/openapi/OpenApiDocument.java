package io.shopcare.local.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi.yaml as a tree: which operation a request reaches (the way API Gateway picks a route)
 * and which response object the document declares for a status, with {@code $ref}s followed.
 */
public final class OpenApiDocument {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode root;
    private final List<PathTemplate> paths;

    /** A node of the document and its JSON pointer (the schema library resolves references against it). */
    public record Located(String pointer, JsonNode node) {
        Located child(String name) {
            return new Located(pointer + "/" + escape(name), node.path(name));
        }
    }

    /** An operation, or one of the document's {@code x-} route descriptions (same shape: a map of responses). */
    public record Operation(String name, Located node) {
    }

    private record PathTemplate(String template, String[] segments) {
        boolean matches(String[] raw) {
            if (raw.length != segments.length) {
                return false;
            }
            for (int i = 0; i < raw.length; i++) {
                boolean parameter = segments[i].startsWith("{") && segments[i].endsWith("}");
                if (parameter ? raw[i].isEmpty() : !segments[i].equals(raw[i])) {
                    return false;
                }
            }
            return true;
        }

        long parameters() {
            return java.util.Arrays.stream(segments).filter(s -> s.startsWith("{")).count();
        }
    }

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        List<PathTemplate> templates = new ArrayList<>();
        root.path("paths").fieldNames().forEachRemaining(t -> templates.add(new PathTemplate(t, segments(t))));
        // API Gateway prefers the most specific route: literal segments win over parameters.
        templates.sort(Comparator.comparingLong(PathTemplate::parameters));
        this.paths = List.copyOf(templates);
    }

    public static OpenApiDocument load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object tree = new Yaml().load(text);
        requireJsonValues(tree, "");
        return new OpenApiDocument(new ObjectMapper().valueToTree(tree));
    }

    /** The project's openapi.yaml (beside template.yaml). */
    public static Path projectFile() {
        String configured = System.getProperty("shopcare.project.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (configured == null && dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return dir.toAbsolutePath().normalize().resolve("openapi.yaml");
    }

    public JsonNode root() {
        return root;
    }

    /** The operation a request reaches, or empty when only the {@code $default} route would take it. */
    public Optional<Operation> operation(String method, String rawPath) {
        String[] raw = segments(rawPath);
        for (PathTemplate path : paths) {
            if (path.matches(raw)) {
                // API Gateway matches method and path together: a known path with another method falls through.
                Located item = new Located("", root).child("paths").child(path.template());
                Located operation = item.child(method.toLowerCase(java.util.Locale.ROOT));
                if (operation.node().isObject()) {
                    return Optional.of(new Operation(method.toUpperCase(java.util.Locale.ROOT) + " " + path.template(),
                            operation));
                }
            }
        }
        return Optional.empty();
    }

    /** One of the document's root extensions that describe answers given outside the operations. */
    public Operation extension(String name) {
        Located node = new Located("", root).child(name);
        if (!node.node().isObject()) {
            throw new IllegalStateException("openapi.yaml has no " + name);
        }
        return new Operation(name, node);
    }

    /** Every operation of the document, as "METHOD /path" with its node. */
    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        for (PathTemplate path : paths) {
            Located item = new Located("", root).child("paths").child(path.template());
            for (String method : METHODS) {
                if (item.node().has(method)) {
                    all.add(new Operation(method.toUpperCase(java.util.Locale.ROOT) + " " + path.template(),
                            item.child(method)));
                }
            }
        }
        return all;
    }

    /** The declared response for a status (exact code, then {@code 4XX}, then {@code default}), $ref followed. */
    public Optional<Located> response(Operation operation, int status) {
        Located responses = operation.node().child("responses");
        for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
            if (responses.node().has(key)) {
                return Optional.of(resolve(responses.child(key)));
            }
        }
        return Optional.empty();
    }

    /** The statuses an operation declares, for messages. */
    public List<String> statuses(Operation operation) {
        List<String> statuses = new ArrayList<>();
        operation.node().node().path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** Follows local {@code $ref}s ({@code #/...}); a reference to anything else is an error of the document. */
    public Located resolve(Located located) {
        Located current = located;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            String ref = current.node().get("$ref").asText();
            if (!ref.startsWith("#/") || hops > 20) {
                throw new IllegalStateException("unresolvable $ref " + ref + " at " + current.pointer());
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("$ref " + ref + " at " + current.pointer() + " points nowhere");
            }
            current = new Located(ref.substring(1), target);
        }
        return current;
    }

    static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }

    /**
     * YAML 1.1 turns unquoted dates into timestamps (and more); a JSON document has none, so
     * such a value in openapi.yaml is a typing trap, reported with where it is.
     */
    private static void requireJsonValues(Object value, String at) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalStateException("openapi.yaml: key " + entry.getKey() + " at " + at + " is not a string");
                }
                requireJsonValues(entry.getValue(), at + "/" + escape(key));
            }
        } else if (value instanceof List<?> list) {
            Iterator<?> items = list.iterator();
            for (int i = 0; items.hasNext(); i++) {
                requireJsonValues(items.next(), at + "/" + i);
            }
        } else if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Number)) {
            throw new IllegalStateException("openapi.yaml: " + at + " is a YAML " + value.getClass().getSimpleName()
                    + " (" + value + "), not a JSON value; quote it");
        }
    }
}
