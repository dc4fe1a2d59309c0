package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local stack reads from template.yaml besides tables and events: EventInvokeConfig and CORS. */
class TemplateLocalSettingsTest {
    private static final Path PROJECT = LocalStack.findProjectDir();

    private static Template.Function function(Template template, String id) {
        return template.functions().stream().filter(f -> f.logicalId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutEventInvokeConfigLambdasDefaultsApply(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.shopcare.http.NotFoundHandler::handleRequest
                """);
        Template.Function plain = Template.load(file, "eu-central-1").functions().get(0);
        assertEquals(new Template.EventInvokeConfig(2, 21_600, null), plain.eventInvokeConfig());
    }

    @Test
    void eventInvokeConfigIsReadWithGlobalsUnderTheFunctionsOwn(@TempDir Path dir) throws IOException {
        String text = Files.readString(PROJECT.resolve("template.yaml"));
        text = text.replace("""
                    Timeout: 10
                    Tracing: Active
                """, """
                    Timeout: 10
                    Tracing: Active
                    EventInvokeConfig:
                      MaximumRetryAttempts: 1
                      MaximumEventAgeInSeconds: 600
                      DestinationConfig:
                        OnFailure:
                          Type: SQS
                          Destination: !GetAtt StreamFailureQueue.Arn
                """);
        text = text.replace("""
                      Handler: io.shopcare.digest.WeeklyDigestHandler::handleRequest
                """, """
                      Handler: io.shopcare.digest.WeeklyDigestHandler::handleRequest
                      EventInvokeConfig:
                        MaximumRetryAttempts: 0
                """);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, text);
        Template template = Template.load(copy, "eu-central-1");
        assertEquals(new Template.EventInvokeConfig(0, 600, "arn:aws:local:eu-central-1:000000000000:StreamFailureQueue"),
                function(template, "WeeklyDigestFunction").eventInvokeConfig());
        assertEquals(new Template.EventInvokeConfig(1, 600, "arn:aws:local:eu-central-1:000000000000:StreamFailureQueue"),
                function(template, "RestockFollowUpFunction").eventInvokeConfig());
    }

    @Test
    void theHttpApisCorsConfigurationIsReadOnceFromTheTemplate() {
        Map<String, Object> cors = Template.load(PROJECT.resolve("template.yaml"), "eu-central-1").httpApiCors();
        assertEquals(List.of("*"), cors.get("AllowOrigins"));
        assertEquals(List.of("GET", "POST", "PATCH", "PUT"), cors.get("AllowMethods"));
        assertEquals(600, cors.get("MaxAge"));
    }
}
