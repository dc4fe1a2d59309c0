package io.shopcare.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Log lines as JSON with the invocation's ids, and counts as valid CloudWatch EMF documents. */
class ObservabilityTest {

    @AfterEach
    void leave() {
        LogContext.end();
    }

    @Test
    void aLogLineIsOneJsonObjectWithTheInvocationsRequestFunctionAndBusinessIds() {
        LogContext.begin("req-1", "RestockWaveFunction");
        LogContext.touch("sku", "ADJ-RED-S");
        LogContext.touch("wave", "w1");
        LogContext.touch("sku", "ADJ-RED-M");
        LogRecord record = new LogRecord(Level.WARNING, "wave {0} stopped");
        record.setParameters(new Object[] {"w1"});
        record.setLoggerName("io.shopcare.restock.WaveRunner");
        record.setThrown(new IllegalStateException("line one\nline two"));
        String text = new JsonLogFormatter().format(record);
        assertEquals(1, text.strip().lines().count(), "one line, a multi-line stack trace included");
        Map<String, Object> line = Json.parseObject(text);
        assertEquals("WARN", line.get("level"));
        assertEquals("wave w1 stopped", line.get("message"));
        assertEquals("req-1", line.get("requestId"));
        assertEquals("RestockWaveFunction", line.get("function"));
        assertEquals(List.of("ADJ-RED-M", "ADJ-RED-S"), line.get("sku"));
        assertEquals("w1", line.get("wave"));
        assertEquals("java.lang.IllegalStateException", line.get("errorType"));
        assertTrue(((String) line.get("stackTrace")).contains("line two"));
    }

    @Test
    void countsBecomeOneEmfDocumentPerDimensionSet() {
        LogContext context = LogContext.begin("req-2", "ConfirmationMailFunction");
        Metrics.count("EmailsSent", "Kind", "alert-confirm", 1);
        Metrics.count("EmailsSent", "Kind", "alert-confirm", 1);
        Metrics.count("EmailsSent", "Kind", "digest", 1);
        Metrics.count("SignUps", 3);
        List<Map<String, Object>> documents = EmbeddedMetrics.lines(context, 1_700_000_000_000L).stream()
                .map(Json::parseObject).toList();
        assertEquals(3, documents.size());
        Map<String, Object> plain = documents.get(0);
        assertEquals(3, plain.get("SignUps"));
        assertEquals("ConfirmationMailFunction", plain.get("Function"));
        Map<?, ?> aws = (Map<?, ?>) plain.get("_aws");
        assertEquals(1_700_000_000_000L, ((Number) aws.get("Timestamp")).longValue());
        Map<?, ?> directive = (Map<?, ?>) ((List<?>) aws.get("CloudWatchMetrics")).get(0);
        assertEquals("Shopcare", directive.get("Namespace"));
        assertEquals(List.of(List.of("Function")), directive.get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "SignUps", "Unit", "Count")), directive.get("Metrics"));
        Map<String, Object> confirmations = documents.get(1);
        assertEquals("alert-confirm", confirmations.get("Kind"));
        assertEquals(2, confirmations.get("EmailsSent"));
        assertEquals(List.of(List.of("Function", "Kind")),
                ((Map<?, ?>) ((List<?>) ((Map<?, ?>) confirmations.get("_aws")).get("CloudWatchMetrics")).get(0)).get("Dimensions"));
    }

    @Test
    void workHandedToAnotherThreadKeepsTheInvocationAndOutsideOneNothingIsCounted() throws Exception {
        Metrics.count("Ignored", 1); // no invocation: goes nowhere, fails nothing
        LogContext context = LogContext.begin("req-3", "RestockWaveFunction");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> null).get(); // the pool thread exists before this invocation's work arrives
            String seen = CompletableFuture.supplyAsync(LogContext.carry(() -> {
                Metrics.count("AlertsNotified", 4);
                return LogContext.current().requestId();
            }), pool).get();
            assertEquals("req-3", seen);
            assertNull(pool.submit(() -> LogContext.current()).get(), "nothing left behind on the pool thread");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("", Map.of("", Map.of("AlertsNotified", 4L))), context.counts());
    }
}
