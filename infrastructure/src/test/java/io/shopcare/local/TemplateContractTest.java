package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** template.yaml, the code and openapi.yaml agree; each check is shown to catch a broken copy. */
class TemplateContractTest {
    private static final Path PROJECT = LocalStack.findProjectDir();
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("require\\(\"([A-Z0-9_]+)\"\\)");

    @Test
    void theProjectTemplatePassesEveryCheck() {
        assertEquals(List.of(), problems(PROJECT.resolve("template.yaml"), PROJECT.resolve("openapi.yaml")));
    }

    @Test
    void everyHandlerCanBeBuiltFromItsTemplateEnvironment() {
        for (Template.Function function : template(PROJECT.resolve("template.yaml")).functions()) {
            // Builds the handler (and its SDK clients) exactly as the local stack and Lambda would.
            assertEquals(function.logicalId(), new LocalFunction(function, "eu-central-1").name());
        }
    }

    @Test
    void aStreamSourceWithoutPartialBatchFailuresIsCaught(@TempDir Path dir) throws IOException {
        Path broken = copyTemplate(dir, "FunctionResponseTypes: [ReportBatchItemFailures]", "FunctionResponseTypes: []");
        assertTrue(problems(broken, PROJECT.resolve("openapi.yaml")).stream()
                .anyMatch(p -> p.contains("ReportBatchItemFailures")));
    }

    @Test
    void aRouteMissingFromTheOpenApiDocumentIsCaught(@TempDir Path dir) throws IOException {
        String openApi = Files.readString(PROJECT.resolve("openapi.yaml"))
                .replace("  /skus/{sku}/stores:", "  /skus/{sku}/shops:");
        Path broken = dir.resolve("openapi.yaml");
        Files.writeString(broken, openApi);
        List<String> problems = problems(PROJECT.resolve("template.yaml"), broken);
        assertTrue(problems.contains("route only in the template: GET /skus/{sku}/stores"), problems.toString());
    }

    @Test
    void anUnprotectedAdminRouteAndAMissingVariableAreCaught(@TempDir Path dir) throws IOException {
        Path broken = copyTemplate(dir, "          IDEMPOTENCY_TABLE: !Ref IdempotencyTable\n", "");
        String text = Files.readString(broken).replaceFirst("Auth: \\{ Authorizer: AWS_IAM }", "Auth: { Authorizer: NONE }");
        Files.writeString(broken, text);
        List<String> problems = problems(broken, PROJECT.resolve("openapi.yaml"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("admin route without an authorizer")), problems.toString());
        assertTrue(problems.contains("IDEMPOTENCY_TABLE is read by the code but set on no function"), problems.toString());
    }

    @Test
    void aHandlerOutsideItsCodeUriIsCaught(@TempDir Path dir) throws IOException {
        Path broken = copyTemplate(dir, "      Handler: io.shopcare.http.NotFoundHandler::handleRequest\n",
                "      Handler: io.shopcare.http.NotFoundHandler::handleRequest\n      CodeUri: labels/\n");
        assertEquals("labels/", template(broken).codeUri("NotFoundFunction"));
        assertEquals("functions/", template(broken).codeUri("PlaceOrderFunction"), "the Globals one");
        List<String> problems = problems(broken, PROJECT.resolve("openapi.yaml"));
        assertTrue(problems.contains("NotFoundFunction handler io.shopcare.http.NotFoundHandler is not in its CodeUri labels/"),
                problems.toString());
    }

    static List<String> problems(Path templateFile, Path openApiFile) {
        Template template = template(templateFile);
        List<String> problems = new ArrayList<>();
        Set<String> variablesSet = new TreeSet<>();
        Set<String> templateRoutes = new TreeSet<>();
        for (Template.Function function : template.functions()) {
            variablesSet.addAll(function.environment().keySet());
            problems.addAll(handlerProblems(function));
            problems.addAll(codeUriProblems(template, function));
            for (Template.HttpRoute route : function.routes()) {
                if (route.isDefault()) {
                    continue; // the catch-all answers the contract's 404; it is no route of the document
                }
                templateRoutes.add(route.routeKey());
                if (route.path().startsWith("/admin/") != route.authorized()) {
                    problems.add((route.authorized() ? "storefront route with an authorizer: "
                            : "admin route without an authorizer: ") + route.routeKey());
                }
            }
            for (Template.StreamSource stream : function.streams()) {
                if (!stream.reportBatchItemFailures()) {
                    problems.add(function.logicalId() + " stream source lacks ReportBatchItemFailures");
                }
                if (!stream.bisectOnError()) {
                    problems.add(function.logicalId() + " stream source lacks BisectBatchOnFunctionError");
                }
                if (stream.maximumRetryAttempts() < 0 || stream.maximumRetryAttempts() > 10) {
                    problems.add(function.logicalId() + " stream source has unbounded retries");
                }
                if (stream.onFailure() == null) {
                    problems.add(function.logicalId() + " stream source has no on-failure destination");
                }
                if (stream.filterPatterns().isEmpty()) {
                    problems.add(function.logicalId() + " stream source has no FilterCriteria");
                }
            }
            problems.addAll(logGroupProblems(template, function.logicalId()));
        }
        for (String variable : variablesReadByTheCode()) {
            if (!variablesSet.contains(variable)) {
                problems.add(variable + " is read by the code but set on no function");
            }
        }
        Set<String> documented = openApiRoutes(openApiFile);
        for (String route : templateRoutes) {
            if (!documented.contains(route)) {
                problems.add("route only in the template: " + route);
            }
        }
        for (String route : documented) {
            if (!templateRoutes.contains(route)) {
                problems.add("route only in the OpenAPI document: " + route);
            }
        }
        for (Template.Table table : template.tables()) {
            Map<String, Object> p = table.properties();
            if (!"PAY_PER_REQUEST".equals(p.get("BillingMode"))) {
                problems.add(table.logicalId() + " is not on-demand");
            }
            if (!Boolean.TRUE.equals(Template.map(p.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
                problems.add(table.logicalId() + " has no point-in-time recovery");
            }
        }
        return problems;
    }

    private static List<String> handlerProblems(Template.Function function) {
        List<String> problems = new ArrayList<>();
        Class<?> type;
        try {
            type = Class.forName(function.handlerClass());
        } catch (ClassNotFoundException e) {
            return List.of(function.logicalId() + " handler class " + function.handlerClass() + " does not exist");
        }
        Type input = requestType(type);
        Set<Class<?>> expected = new java.util.HashSet<>();
        if (!function.routes().isEmpty()) {
            expected.add(APIGatewayV2HTTPEvent.class);
        }
        if (!function.streams().isEmpty()) {
            expected.add(DynamodbEvent.class);
        }
        if (!function.schedules().isEmpty()) {
            expected.add(ScheduledEvent.class);
        }
        if (!function.topics().isEmpty()) {
            expected.add(com.amazonaws.services.lambda.runtime.events.SNSEvent.class);
        }
        if (expected.size() != 1 || !expected.contains(input)) {
            problems.add(function.logicalId() + " handles " + input + " but its events need " + expected);
        }
        try {
            type.getConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            problems.add(function.logicalId() + " handler has no public (Map environment) constructor");
        }
        return problems;
    }

    /**
     * Locally every handler is on one class path; in AWS a function has only its CodeUri's artifact.
     * So each CodeUri must be a folder that builds alone (a POM without a parent, as `sam build`
     * needs) and hold the handler's source, or the function would fail in AWS while it works here.
     */
    private static List<String> codeUriProblems(Template template, Template.Function function) {
        String codeUri = template.codeUri(function.logicalId());
        if (codeUri == null) {
            return List.of(function.logicalId() + " has no CodeUri");
        }
        Path folder = PROJECT.resolve(codeUri).normalize();
        Path pom = folder.resolve("pom.xml");
        if (!folder.startsWith(PROJECT) || !Files.isRegularFile(pom)) {
            return List.of(function.logicalId() + " CodeUri " + codeUri + " is no Maven project folder");
        }
        List<String> problems = new ArrayList<>();
        if (hasParent(pom)) {
            problems.add(function.logicalId() + " CodeUri " + codeUri + " has a parent POM: sam build cannot build it alone");
        }
        Path source = folder.resolve("src/main/java").resolve(function.handlerClass().replace('.', '/') + ".java");
        if (!Files.isRegularFile(source)) {
            problems.add(function.logicalId() + " handler " + function.handlerClass() + " is not in its CodeUri " + codeUri);
        }
        return problems;
    }

    private static boolean hasParent(Path pom) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            return project.getElementsByTagName("parent").getLength() > 0;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    /** The input type argument of RequestHandler, looked up through superclasses. */
    private static Type requestType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments()[0];
                }
            }
        }
        return null;
    }

    private static List<String> logGroupProblems(Template template, String functionId) {
        Map<String, Object> properties = Template.map(Template.map(template.resources().get(functionId)).get("Properties"));
        Object group = Template.map(properties.get("LoggingConfig")).get("LogGroup");
        if (!(group instanceof Map<?, ?> ref) || !(ref.get("Ref") instanceof String groupId)) {
            return List.of(functionId + " has no LoggingConfig.LogGroup");
        }
        Map<String, Object> resource = Template.map(template.resources().get(groupId));
        if (!"AWS::Logs::LogGroup".equals(resource.get("Type"))
                || Template.map(resource.get("Properties")).get("RetentionInDays") == null) {
            return List.of(functionId + " log group has no retention");
        }
        return List.of();
    }

    /** What the code of every deployed folder (each a CodeUri) requires from its environment. */
    private static Set<String> variablesReadByTheCode() {
        Set<String> names = new TreeSet<>();
        for (String module : List.of("functions", "labels")) {
            try (Stream<Path> files = Files.walk(PROJECT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher matcher = REQUIRED_VARIABLE.matcher(read(f));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertFalse(names.isEmpty(), "the scan should find the variables the handlers require");
        names.remove("AWS_REGION"); // set by Lambda itself
        return names;
    }

    private static Set<String> openApiRoutes(Path file) {
        Map<String, Object> document = new Yaml().load(read(file));
        Set<String> routes = new TreeSet<>();
        Template.map(document.get("paths")).forEach((path, operations) -> Template.map(operations).keySet()
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }

    private static Template template(Path file) {
        return Template.load(file, "eu-central-1");
    }

    private static Path copyTemplate(Path dir, String from, String to) throws IOException {
        String text = Files.readString(PROJECT.resolve("template.yaml"));
        assertTrue(text.contains(from), "fixture text not in template: " + from);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, text.replace(from, to));
        return copy;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
