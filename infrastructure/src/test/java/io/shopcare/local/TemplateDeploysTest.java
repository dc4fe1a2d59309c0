package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `sam deploy` would do with template.yaml, checked by the real tools (cfn-lint 1.51 with
 * aws-sam-translator 1.110, installed on every machine of ours; see the README's prerequisites):
 * the lint reports nothing, and the transformed stack has the properties we rely on.
 */
class TemplateDeploysTest {
    private static final Path PROJECT = LocalStack.findProjectDir();
    private static Map<String, Object> stack;
    private static Result lint;
    private static Result brokenLint;

    /** The three tool runs (each a Python start of seconds) side by side. */
    @BeforeAll
    static void runTheTools(@TempDir Path dir) throws Exception {
        // Small on purpose: cfn-lint spends seconds per resource-rich template, and this one only
        // has to show that the tool is real and reports what it must.
        Files.writeString(dir.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Mail:
                    Type: AWS::SESV2::ConfigurationSet
                    Properties:
                      Name: broken
                  Function:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: io.shopcare.Broken::handleRequest
                      CodeUri: .
                """);
        CompletableFuture<Result> linting = CompletableFuture.supplyAsync(() -> tool(PROJECT, "cfn-lint", "template.yaml"));
        CompletableFuture<Result> lintingBroken = CompletableFuture.supplyAsync(() -> tool(dir, "cfn-lint", "template.yaml"));
        stack = samTransform(PROJECT.resolve("template.yaml"));
        lint = linting.join();
        brokenLint = lintingBroken.join();
    }

    private static Result tool(Path dir, String... command) {
        try {
            return run(dir, command);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cfnLintReportsNothing() {
        assertEquals("", lint.output(), "cfn-lint template.yaml");
        assertEquals(0, lint.exitCode());
    }

    @Test
    void cfnLintIsRealAndCatchesABrokenTemplate() {
        assertTrue(brokenLint.output().contains("E3006") && brokenLint.output().contains("AWS::SESV2::ConfigurationSet"),
                brokenLint.output());
        assertTrue(brokenLint.output().contains("java17"), brokenLint.output());
    }

    /** The silence of {@link #cfnLintReportsNothing} is earned: no configuration turns a rule off. */
    @Test
    void nothingSilencesCfnLint() throws IOException {
        assertFalse(Files.readString(PROJECT.resolve("template.yaml")).matches("(?s).*cfn[-_]lint.*"),
                "template.yaml configures cfn-lint (Metadata cfn-lint ignore_checks?)");
        try (var files = Files.list(PROJECT)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith(".cfnlintrc")).toList());
        }
    }

    @Test
    void everyFunctionRunsJava21AndReadsNoSecretFromItsConfiguration() {
        for (Map.Entry<String, Map<String, Object>> function : resources("AWS::Lambda::Function").entrySet()) {
            Map<String, Object> properties = map(function.getValue().get("Properties"));
            assertEquals("java21", properties.get("Runtime"), function.getKey());
            String environment = Json.write(properties.getOrDefault("Environment", Map.of()));
            assertFalse(environment.contains("resolve:secretsmanager"), function.getKey() + " has a secret in its configuration");
        }
    }

    @Test
    void theSigningSecretOutlivesTheStackAndOnlyItsReadersMayReadIt() {
        Map<String, Object> secret = map(map(stack.get("Resources")).get("SigningSecret"));
        assertEquals("Retain", secret.get("DeletionPolicy"));
        assertEquals("Retain", secret.get("UpdateReplacePolicy"));
        for (Map.Entry<String, Map<String, Object>> role : resources("AWS::IAM::Role").entrySet()) {
            String policies = Json.write(map(role.getValue().get("Properties")).getOrDefault("Policies", List.of()));
            if (policies.contains("secretsmanager:")) {
                assertTrue(policies.contains("\"secretsmanager:GetSecretValue\"") && policies.contains("{\"Ref\":\"SigningSecret\"}"),
                        role.getKey() + ": " + policies);
                assertFalse(policies.contains("secretsmanager:*"), role.getKey());
            }
        }
    }

    @Test
    void everyStreamSourceIsFilteredBoundedAndHasAFailureDestination() {
        Map<String, Map<String, Object>> mappings = resources("AWS::Lambda::EventSourceMapping");
        assertFalse(mappings.isEmpty());
        mappings.forEach((id, mapping) -> {
            Map<String, Object> p = map(mapping.get("Properties"));
            assertEquals(List.of("ReportBatchItemFailures"), p.get("FunctionResponseTypes"), id);
            assertTrue(((Number) p.get("MaximumRetryAttempts")).intValue() <= 10, id);
            assertTrue(Json.write(p.get("DestinationConfig")).contains("FailedEventsQueue"), id);
            assertFalse(map(p.get("FilterCriteria")).isEmpty(), id);
        });
    }

    @Test
    void scheduledAndSnsFunctionsHaveAFailureDestinationAndADeadLetterQueue() {
        Set<String> asyncFunctions = new TreeSet<>();
        resources("AWS::Events::Rule").forEach((id, rule) -> {
            Map<String, Object> target = map(((List<?>) map(rule.get("Properties")).get("Targets")).get(0));
            assertTrue(Json.write(target.get("DeadLetterConfig")).contains("FailedEventsQueue"), id);
            asyncFunctions.add(functionOf(target.get("Arn")));
        });
        resources("AWS::SNS::Subscription").forEach((id, subscription) -> {
            Map<String, Object> p = map(subscription.get("Properties"));
            if ("lambda".equals(p.get("Protocol"))) {
                assertTrue(Json.write(p.get("RedrivePolicy")).contains("FailedEventsQueue"), id);
                asyncFunctions.add(functionOf(p.get("Endpoint")));
            }
        });
        Set<String> configured = resources("AWS::Lambda::EventInvokeConfig").values().stream()
                .filter(c -> Json.write(map(c.get("Properties")).get("DestinationConfig")).contains("FailedEventsQueue"))
                .map(c -> (String) map(map(c.get("Properties")).get("FunctionName")).get("Ref"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("EmailFeedbackFunction", "OrderDeadlinesFunction", "RestockFollowUpFunction", "WeeklyDigestFunction"),
                asyncFunctions);
        assertEquals(asyncFunctions, configured);
    }

    @Test
    void topicsThatAwsServicesPublishToUseAKeyTheyMayUse() {
        Map<String, Map<String, Object>> topics = resources("AWS::SNS::Topic");
        assertFalse(topics.isEmpty());
        topics.forEach((id, topic) -> assertEquals(Map.of("Ref", "NotificationsKey"),
                map(topic.get("Properties")).get("KmsMasterKeyId"), id));
        String keyPolicy = Json.write(map(map(map(stack.get("Resources")).get("NotificationsKey")).get("Properties")));
        assertTrue(keyPolicy.contains("ses.amazonaws.com") && keyPolicy.contains("cloudwatch.amazonaws.com"), keyPolicy);
    }

    @Test
    void alarmsWatchEveryBackgroundFunctionStreamAndQueueAndReachOperations() {
        Map<String, Map<String, Object>> alarms = resources("AWS::CloudWatch::Alarm");
        String all = Json.write(alarms);
        for (String function : backgroundFunctions()) {
            assertTrue(Json.write(alarms.get("BackgroundErrorsAlarm")).contains("{\"Ref\":\"" + function + "\"}"),
                    function + " errors are not alarmed");
        }
        resources("AWS::Lambda::EventSourceMapping").values().forEach(mapping -> {
            String function = functionOf(map(mapping.get("Properties")).get("FunctionName"));
            assertTrue(Json.write(alarms.get("StreamLagAlarm")).contains("{\"Ref\":\"" + function + "\"}"),
                    function + " stream lag is not alarmed");
        });
        for (String metric : List.of("\"5xx\"", "ApproximateNumberOfMessagesVisible", "Reputation.BounceRate",
                "Reputation.ComplaintRate")) {
            assertTrue(all.contains(metric), metric + " is not alarmed");
        }
        alarms.forEach((id, alarm) -> assertEquals(List.of(Map.of("Ref", "OperationsTopic")),
                map(alarm.get("Properties")).get("AlarmActions"), id));
    }

    @Test
    void unmatchedRoutesReachTheDefaultRouteInAwsToo() {
        String api = Json.write(resources("AWS::ApiGatewayV2::Api"));
        assertTrue(api.contains("\"$default\""), "no $default route in the HTTP API");
        assertFalse(map(map(stack.get("Resources"))).keySet().stream().anyMatch(id -> id.contains("Waf") || id.contains("Distribution")),
                "a WAF in front of CloudFront is bypassed through the execute-api URL; it was dropped");
    }

    // ------------------------------------------------------------------ helpers

    /** Functions invoked by streams, schedules or SNS: their failures reach no HTTP client. */
    private static Set<String> backgroundFunctions() {
        Set<String> functions = new TreeSet<>();
        resources("AWS::Lambda::EventSourceMapping").values().forEach(m -> functions.add(functionOf(map(m.get("Properties")).get("FunctionName"))));
        resources("AWS::Events::Rule").values().forEach(r -> functions.add(functionOf(
                map(((List<?>) map(r.get("Properties")).get("Targets")).get(0)).get("Arn"))));
        resources("AWS::SNS::Subscription").values().stream().map(s -> map(s.get("Properties")))
                .filter(p -> "lambda".equals(p.get("Protocol"))).forEach(p -> functions.add(functionOf(p.get("Endpoint"))));
        return functions;
    }

    /** The function logical id behind a reference to it, its alias or its ARN. */
    private static String functionOf(Object reference) {
        String text = Json.write(reference);
        int at = text.indexOf("Function");
        int start = text.lastIndexOf('"', at) + 1;
        return text.substring(start, at + "Function".length());
    }

    private static Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new java.util.TreeMap<>();
        map(stack.get("Resources")).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(id, map(resource));
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    static Map<String, Object> samTransform(Path template) throws IOException, InterruptedException {
        Path script = PROJECT.resolve("infrastructure/src/test/python/sam_transform.py");
        Result result = run(PROJECT, "python3", script.toString(), template.toString());
        assertEquals(0, result.exitCode(), "the SAM transform failed:\n" + result.errors());
        return Json.parseObject(result.output());
    }

    record Result(int exitCode, String output, String errors) {
    }

    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putIfAbsent("AWS_DEFAULT_REGION", "eu-central-1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed: see the README's prerequisites", e);
        }
        Path errors = Files.createTempFile("tool", ".err");
        List<String> lines = new ArrayList<>();
        Thread drain = new Thread(() -> {
            try {
                Files.write(errors, process.getErrorStream().readAllBytes());
            } catch (IOException e) {
                lines.add("stderr unreadable: " + e);
            }
        });
        drain.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over two minutes");
        }
        drain.join();
        String stderr = Files.readString(errors) + String.join("\n", lines);
        Files.deleteIfExists(errors);
        return new Result(process.exitValue(), output.strip(), stderr);
    }
}
