package io.shopcare.returns.label.aws;

import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.json.Json;
import io.shopcare.returns.label.InMemoryReturnLabels;
import io.shopcare.returns.label.LabelLinks;
import io.shopcare.returns.label.Labels;
import io.shopcare.returns.label.ReturnLabel;
import io.shopcare.signing.KeyRing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh JVM's first label, as Lambda would run it: started on the label artifact's class path
 * alone (its classes and runtime jars, no test libraries), it builds the handler, answers one
 * request through the stream entry point Lambda calls, checks the answer is a PDF marked base64,
 * and prints one line: {@code LABEL-COLD-START {"firstAnswerMs", "jvmUptimeMs", "secondAnswerMs", "pdfBytes"}}.
 * LabelsStandaloneBuildIT runs it on the artifact that a `sam build` of labels/ makes.
 */
public final class LabelColdStart {
    private LabelColdStart() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        // The shared client factory loads without SES v2, which this artifact leaves out.
        AwsClients.region(new Environment(Map.of("AWS_REGION", "eu-central-1")));
        ReturnLabel label = Labels.czech();
        KeyRing keys = Labels.keys("k1");
        ReturnLabelHandler handler = new ReturnLabelHandler(new InMemoryReturnLabels().add(label), keys, Clock.systemUTC());
        String token = new LabelLinks(keys).token(label.orderId(), label.returnId(), Instant.now().plus(Duration.ofDays(1)));
        byte[] event = event(label.returnId(), token);

        Map<String, Object> first = answer(handler, event);
        long firstAnswerMs = (System.nanoTime() - start) / 1_000_000;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long secondStart = System.nanoTime();
        answer(handler, event);
        long secondAnswerMs = (System.nanoTime() - secondStart) / 1_000_000;

        byte[] pdf = Base64.getDecoder().decode((String) first.get("body"));
        if (((Number) first.get("statusCode")).intValue() != 200 || !Boolean.TRUE.equals(first.get("isBase64Encoded"))
                || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new IllegalStateException("not a PDF answer: " + first.get("statusCode"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("firstAnswerMs", firstAnswerMs);
        result.put("jvmUptimeMs", uptime);
        result.put("secondAnswerMs", secondAnswerMs);
        result.put("pdfBytes", pdf.length);
        System.out.println("LABEL-COLD-START " + Json.write(result));
    }

    private static Map<String, Object> answer(ReturnLabelHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    private static byte[] event(String returnId, String token) {
        String path = "/returns/" + returnId + "/label";
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "GET /returns/{returnId}/label");
        event.put("rawPath", path);
        event.put("rawQueryString", "token=" + token);
        event.put("headers", Map.of("user-agent", "cold-start"));
        event.put("queryStringParameters", Map.of("token", token));
        event.put("pathParameters", Map.of("returnId", returnId));
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "path", path)));
        event.put("isBase64Encoded", false);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
