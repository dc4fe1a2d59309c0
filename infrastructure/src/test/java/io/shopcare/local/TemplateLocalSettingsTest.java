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
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Globals:
                  Function:
                    EventInvokeConfig:
                      MaximumRetryAttempts: 1
                      MaximumEventAgeInSeconds: 600
                Resources:
                  FailedEventsQueue:
                    Type: AWS::SQS::Queue
                  OwnSettings:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.shopcare.http.NotFoundHandler::handleRequest
                      EventInvokeConfig:
                        MaximumRetryAttempts: 0
                        DestinationConfig:
                          OnFailure:
                            Type: SQS
                            Destination: !GetAtt FailedEventsQueue.Arn
                  GlobalSettings:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.shopcare.http.NotFoundHandler::handleRequest
                """);
        Template template = Template.load(file, "eu-central-1");
        assertEquals(new Template.EventInvokeConfig(0, 600, "arn:aws:sqs:eu-central-1:000000000000:FailedEventsQueue"),
                function(template, "OwnSettings").eventInvokeConfig(), "its own retries and destination, the global age");
        assertEquals(new Template.EventInvokeConfig(1, 600, null), function(template, "GlobalSettings").eventInvokeConfig(),
                "the Globals alone");
    }

    @Test
    void theHttpApisCorsConfigurationIsReadOnceFromTheTemplate() {
        Map<String, Object> cors = Template.load(PROJECT.resolve("template.yaml"), "eu-central-1").httpApiCors();
        assertEquals(List.of("*"), cors.get("AllowOrigins"));
        assertEquals(List.of("GET", "POST", "PATCH", "PUT"), cors.get("AllowMethods"));
        assertEquals(600, cors.get("MaxAge"));
    }
}
