package io.shopcare.local;

import io.shopcare.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as the local stack needs it: tables, functions (Globals merged) and their events,
 * with intrinsic functions resolved against local names. CloudFormation short tags are read as
 * their long form ({@code !Ref X} becomes {@code {Ref: X}}).
 */
public final class Template {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");
    /** {@code {{resolve:secretsmanager:ID:SecretString[:json-key[:version-stage[:version-id]]]}}}; ID may be an ARN. */
    private static final Pattern SECRET_REFERENCE = Pattern.compile(
            "\\{\\{resolve:secretsmanager:(.+?):SecretString(?::([^:}]*))?(?::([^:}]*))?(?::([^:}]*))?}}");
    private static final String ACCOUNT = "000000000000";
    private static final String SECRET_TYPE = "AWS::SecretsManager::Secret";
    private final Map<String, Object> root;
    private final Map<String, Object> resources;
    private final String region;
    private final Map<String, String> parameterOverrides;
    private LocalSecrets secretStore;

    private Template(Map<String, Object> root, String region, Map<String, String> parameterOverrides) {
        this.root = root;
        this.resources = map(root.get("Resources"));
        this.region = region;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    public static Template load(Path path, String region) {
        return load(path, region, Map.of());
    }

    /** Like {@code sam deploy --parameter-overrides}: these parameter values replace the defaults. */
    public static Template load(Path path, String region, Map<String, String> parameterOverrides) {
        try (Reader reader = Files.newBufferedReader(path)) {
            Map<String, Object> root = new Yaml(new CloudFormationConstructor()).load(reader);
            return new Template(root, region, parameterOverrides);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    public record Table(String logicalId, Map<String, Object> properties) {
    }

    public record HttpRoute(String method, String path, boolean authorized) {
        public static final String DEFAULT_PATH = "$default";

        public boolean isDefault() {
            return DEFAULT_PATH.equals(path);
        }

        /** As API Gateway names it: {@code GET /products/{productId}}, or {@code $default}. */
        public String routeKey() {
            return isDefault() ? DEFAULT_PATH : method + " " + path;
        }
    }

    public record StreamSource(String tableLogicalId, int batchSize, String startingPosition, int maximumRetryAttempts,
                               boolean reportBatchItemFailures, boolean bisectOnError, List<String> filterPatterns,
                               String onFailure) {
    }

    /** An {@code AWS::SecretsManager::Secret}: its name, the ARN {@code !Ref} gives, and how its value is made. */
    public record Secret(String logicalId, String name, String arn, String description, Map<String, Object> generate,
                         String secretString) {
    }

    public record Function(String logicalId, String handler, int timeoutSeconds, Map<String, String> environment,
                           List<HttpRoute> routes, List<StreamSource> streams, List<String> schedules,
                           List<String> topics, EventInvokeConfig eventInvokeConfig) {
        public Function(String logicalId, String handler, int timeoutSeconds, Map<String, String> environment,
                        List<HttpRoute> routes, List<StreamSource> streams, List<String> schedules,
                        List<String> topics) {
            this(logicalId, handler, timeoutSeconds, environment, routes, streams, schedules, topics,
                    EventInvokeConfig.DEFAULT);
        }

        public String handlerClass() {
            return handler.split("::", 2)[0];
        }
    }

    /**
     * How Lambda treats the function's asynchronous invocations (schedules, SNS, Invoke with
     * Event): retries after a failure, the age after which an event is dropped, and where a
     * failed event goes ({@code null}: nowhere, it is discarded).
     */
    public record EventInvokeConfig(int maximumRetryAttempts, int maximumEventAgeSeconds, String onFailure) {
        /** Lambda's defaults: two retries, six hours, no destination. */
        public static final EventInvokeConfig DEFAULT = new EventInvokeConfig(2, 21_600, null);
    }

    /** The resources as written (intrinsics unresolved), for checks on the template itself. */
    public Map<String, Object> resources() {
        return resources;
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if ("AWS::DynamoDB::Table".equals(map(resource).get("Type"))) {
                tables.add(new Table(id, map(resolve(map(resource).get("Properties")))));
            }
        });
        return tables;
    }

    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if (SECRET_TYPE.equals(map(resource).get("Type"))) {
                Map<String, Object> p = map(resolve(map(resource).get("Properties")));
                Object value = p.get("SecretString");
                secrets.add(new Secret(id, secretName(id), secretArn(id), (String) p.get("Description"),
                        map(p.get("GenerateSecretString")), value == null ? null : String.valueOf(value)));
            }
        });
        return secrets;
    }

    /** A function's {@code Policies} with intrinsics resolved (ARNs as AWS forms them), or null. */
    public Object policies(String functionLogicalId) {
        Object policies = map(map(resources.get(functionLogicalId)).get("Properties")).get("Policies");
        return policies == null ? null : resolve(policies);
    }

    /**
     * Where {@code {{resolve:secretsmanager:...}}} takes its values from: the stack's secrets (kept in
     * its data dir, rotated through its Secrets Manager emulator). Without it, values are generated
     * in memory for this template object.
     */
    void resolveSecretsWith(LocalSecrets store) {
        this.secretStore = store;
    }

    /**
     * The folder a function's code is built from (its {@code CodeUri}, else the Globals one), as
     * written: {@code functions/}, {@code labels/}. Locally every handler class is on one class path;
     * in AWS a function sees only its own CodeUri's artifact, which the template checks enforce.
     */
    public String codeUri(String functionLogicalId) {
        Object own = map(map(resources.get(functionLogicalId)).get("Properties")).get("CodeUri");
        Object global = map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of())).get("CodeUri");
        Object codeUri = own != null ? own : global;
        return codeUri == null ? null : String.valueOf(resolve(codeUri));
    }

    public List<Function> functions() {
        Map<String, Object> globals = map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        List<Function> functions = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if (!"AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(map(resource).get("Properties"));
            Map<String, String> environment = new LinkedHashMap<>();
            for (Map<String, Object> source : List.of(globals, properties)) {
                Map<String, Object> variables = map(map(source.getOrDefault("Environment", Map.of()))
                        .getOrDefault("Variables", Map.of()));
                variables.forEach((name, value) ->
                        environment.put(name, resolveSecrets(String.valueOf(resolve(value)))));
            }
            Object timeout = properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3));
            List<HttpRoute> routes = new ArrayList<>();
            List<StreamSource> streams = new ArrayList<>();
            List<String> schedules = new ArrayList<>();
            List<String> topics = new ArrayList<>();
            map(properties.getOrDefault("Events", Map.of())).forEach((name, event) -> {
                Map<String, Object> e = map(event);
                Map<String, Object> p = map(e.getOrDefault("Properties", Map.of()));
                switch (String.valueOf(e.get("Type"))) {
                    case "HttpApi" -> {
                        Object authorizer = map(p.getOrDefault("Auth", Map.of())).get("Authorizer");
                        // Without Path and Method, SAM makes the API's $default route (catch-all).
                        boolean catchAll = p.get("Path") == null && p.get("Method") == null;
                        routes.add(new HttpRoute(catchAll ? "ANY" : String.valueOf(p.get("Method")).toUpperCase(),
                                catchAll ? HttpRoute.DEFAULT_PATH : String.valueOf(p.get("Path")),
                                authorizer != null && !"NONE".equals(authorizer)));
                    }
                    case "DynamoDB" -> streams.add(streamSource(p));
                    // Nothing publishes to SNS locally (SES feedback comes from real mailboxes);
                    // tests drive such handlers with events/ samples.
                    case "SNS" -> topics.add(String.valueOf(resolve(p.get("Topic"))));
                    case "Schedule" -> {
                        if (!Boolean.FALSE.equals(p.get("Enabled"))) {
                            schedules.add(String.valueOf(resolve(p.get("Schedule"))));
                        }
                    }
                    default -> throw new IllegalStateException("event type " + e.get("Type") + " of " + id
                            + " is not supported by the local stack");
                }
            });
            functions.add(new Function(id, String.valueOf(properties.get("Handler")), ((Number) timeout).intValue(),
                    environment, routes, streams, schedules, topics, eventInvokeConfig(globals, properties)));
        });
        return functions;
    }

    /** The function's EventInvokeConfig over the Globals one (SAM merges maps key by key). */
    private EventInvokeConfig eventInvokeConfig(Map<String, Object> globals, Map<String, Object> properties) {
        Map<String, Object> config = merge(map(resolve(globals.get("EventInvokeConfig"))),
                map(resolve(properties.get("EventInvokeConfig"))));
        Object failure = map(map(config.get("DestinationConfig")).get("OnFailure")).get("Destination");
        return new EventInvokeConfig(
                ((Number) config.getOrDefault("MaximumRetryAttempts", EventInvokeConfig.DEFAULT.maximumRetryAttempts()))
                        .intValue(),
                ((Number) config.getOrDefault("MaximumEventAgeInSeconds",
                        EventInvokeConfig.DEFAULT.maximumEventAgeSeconds())).intValue(),
                failure == null ? null : String.valueOf(failure));
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> merged.merge(key, value, (a, b) ->
                a instanceof Map<?, ?> && b instanceof Map<?, ?> ? merge(map(a), map(b)) : b));
        return merged;
    }

    /**
     * The CorsConfiguration of the template's HttpApi (over the Globals one), intrinsics resolved;
     * empty when none is declared.
     */
    public Map<String, Object> httpApiCors() {
        Map<String, Object> global = map(map(map(root.getOrDefault("Globals", Map.of())).get("HttpApi"))
                .get("CorsConfiguration"));
        for (Object resource : resources.values()) {
            if ("AWS::Serverless::HttpApi".equals(map(resource).get("Type"))) {
                Object cors = map(map(resource).get("Properties")).get("CorsConfiguration");
                if (cors != null) {
                    return map(resolve(cors instanceof Map<?, ?> ? merge(global, map(cors)) : corsShorthand(cors)));
                }
            }
        }
        return map(resolve(global));
    }

    /** SAM's shorthand {@code CorsConfiguration: true} allows every origin; false or a string as given. */
    private static Map<String, Object> corsShorthand(Object value) {
        if (Boolean.TRUE.equals(value)) {
            return Map.of("AllowOrigins", List.of("*"));
        }
        return value instanceof String origin ? Map.of("AllowOrigins", List.of(origin)) : Map.of();
    }

    /** The template's Parameters as written: name to its definition (Type, Default, AllowedValues...). */
    public Map<String, Map<String, Object>> parameters() {
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        map(root.getOrDefault("Parameters", Map.of())).forEach((name, definition) -> parameters.put(name, map(definition)));
        return parameters;
    }

    private StreamSource streamSource(Map<String, Object> p) {
        Map<String, Object> stream = map(p.get("Stream"));
        String table = String.valueOf(((List<?>) stream.get("Fn::GetAtt")).get(0));
        List<String> patterns = new ArrayList<>();
        for (Object filter : (List<?>) map(p.getOrDefault("FilterCriteria", Map.of())).getOrDefault("Filters", List.of())) {
            patterns.add(String.valueOf(map(filter).get("Pattern")));
        }
        List<?> responseTypes = (List<?>) p.getOrDefault("FunctionResponseTypes", List.of());
        Object onFailure = map(map(p.getOrDefault("DestinationConfig", Map.of())).getOrDefault("OnFailure", Map.of()))
                .get("Destination");
        return new StreamSource(table, ((Number) p.getOrDefault("BatchSize", 100)).intValue(),
                String.valueOf(p.getOrDefault("StartingPosition", "LATEST")),
                ((Number) p.getOrDefault("MaximumRetryAttempts", -1)).intValue(),
                responseTypes.contains("ReportBatchItemFailures"), Boolean.TRUE.equals(p.get("BisectBatchOnFunctionError")),
                patterns, onFailure == null ? null : String.valueOf(resolve(onFailure)));
    }

    /** Resolves intrinsic functions: tables and other resources resolve to their logical ids locally. */
    Object resolve(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolve).toList();
        }
        if (!(value instanceof Map<?, ?> m)) {
            return value;
        }
        if (m.size() == 1) {
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            String function = String.valueOf(only.getKey());
            Object argument = only.getValue();
            switch (function) {
                case "Ref":
                    return ref(String.valueOf(argument));
                case "Fn::GetAtt": {
                    List<?> parts = (List<?>) argument;
                    return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::If": {
                    List<?> parts = (List<?>) argument;
                    return resolve(condition(String.valueOf(parts.get(0))) ? parts.get(1) : parts.get(2));
                }
                case "Fn::Join": {
                    List<?> parts = (List<?>) argument;
                    return String.join(String.valueOf(parts.get(0)),
                            ((List<?>) resolve(parts.get(1))).stream().map(String::valueOf).toList());
                }
                default:
                    break;
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        m.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v)));
        return resolved;
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return "000000000000";
            case "AWS::StackName":
                return "shopcare-local";
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "localhost";
            default:
                break;
        }
        if (SECRET_TYPE.equals(map(resources.get(name)).get("Type"))) {
            return secretArn(name);
        }
        Map<String, Object> parameters = map(root.getOrDefault("Parameters", Map.of()));
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        if (parameters.containsKey(name)) {
            return map(parameters.get(name)).get("Default");
        }
        return name;
    }

    private Object getAtt(String resource, String attribute) {
        return switch (attribute) {
            case "StreamArn" -> "arn:aws:dynamodb:" + region + ":000000000000:table/" + resource + "/stream/local";
            case "Arn" -> arn(resource);
            default -> resource + "." + attribute;
        };
    }

    private String sub(Object argument) {
        String text = argument instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(argument);
        Map<?, ?> variables = argument instanceof List<?> list && list.size() > 1 ? (Map<?, ?>) list.get(1) : Map.of();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = variables.containsKey(name) ? resolve(variables.get(name))
                    : name.contains(".") && !name.startsWith("AWS::")
                    ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                    : ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Resolves {@code {{resolve:secretsmanager:...}}} as CloudFormation would, from the stack's
     * stored secret (the same value its Secrets Manager emulator serves).
     */
    private String resolveSecrets(String value) {
        Matcher matcher = SECRET_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String secretString = secretStore().version(matcher.group(1), blankToNull(matcher.group(4)),
                    blankToNull(matcher.group(3))).secretString();
            String key = blankToNull(matcher.group(2));
            String resolved = key == null ? secretString : String.valueOf(Json.parseObject(secretString).get(key));
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private LocalSecrets secretStore() {
        if (secretStore == null) {
            secretStore = LocalSecrets.open(secrets(), null);
        }
        return secretStore;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** A secret's Name, or (CloudFormation would add a random suffix) its logical id. */
    private String secretName(String logicalId) {
        Object name = map(map(resources.get(logicalId)).get("Properties")).get("Name");
        return name == null ? logicalId : String.valueOf(resolve(name));
    }

    /** Like Secrets Manager's: the name and a six-character suffix, here derived from the name so it is stable. */
    private String secretArn(String logicalId) {
        String name = secretName(logicalId);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder suffix = new StringBuilder();
        int hash = name.hashCode();
        for (int i = 0; i < 6; i++) {
            suffix.append(alphabet.charAt(Math.floorMod(hash, alphabet.length())));
            hash = hash * 31 + i + 7;
        }
        return "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:" + name + "-" + suffix;
    }

    /** {@code !GetAtt X.Arn} in the shape AWS gives it, so policies with {@code ${Table.Arn}/index/...} match. */
    private String arn(String logicalId) {
        return switch (String.valueOf(map(resources.get(logicalId)).get("Type"))) {
            case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + logicalId;
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + logicalId;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                    "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + logicalId;
            case "AWS::Logs::LogGroup" -> "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + logicalId + ":*";
            default -> "arn:aws:local:" + region + ":" + ACCOUNT + ":" + logicalId;
        };
    }

    private boolean condition(String name) {
        Object definition = map(root.getOrDefault("Conditions", Map.of())).get(name);
        return truth(definition);
    }

    private boolean truth(Object definition) {
        Map<String, Object> m = map(definition);
        Map.Entry<String, Object> only = m.entrySet().iterator().next();
        List<?> args = only.getValue() instanceof List<?> l ? l : List.of(only.getValue());
        return switch (only.getKey()) {
            case "Fn::Equals" -> String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
            case "Fn::Not" -> !truth(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::truth);
            case "Fn::Or" -> args.stream().anyMatch(this::truth);
            case "Condition" -> condition(String.valueOf(only.getValue()));
            default -> throw new IllegalStateException("unsupported condition " + only.getKey());
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** Reads {@code !Ref x}, {@code !GetAtt a.b}, {@code !Sub ...} and friends as their long forms. */
    static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String tag : List.of("Ref", "GetAtt", "Sub", "If", "Equals", "Not", "And", "Or", "Join", "Select",
                    "Split", "FindInMap", "Condition", "ImportValue", "Base64", "GetAZs", "Cidr")) {
                this.yamlConstructors.put(new Tag("!" + tag), new Intrinsic(tag));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = name.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
