package io.shopcare.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import io.shopcare.observability.LogContext;
import io.shopcare.observability.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each invocation ends with one JSON summary line and its EMF lines, even when it fails. */
class TelemetryTest {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private List<Map<String, Object>> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().map(Json::parseObject).toList();
    }

    @Test
    void anInvocationLogsItsOutcomeWithItsIdsAndWritesWhatItCounted() {
        String answer = Telemetry.invoke(null, () -> {
            LogContext.touch("sku", "ADJ-RED-S");
            Metrics.count("StockConflicts", 2);
            return "ok";
        }, result -> "answered " + result);
        assertEquals("ok", answer);
        List<Map<String, Object>> lines = lines();
        assertEquals(2, lines.size(), lines.toString());
        Map<String, Object> summary = lines.get(0);
        assertEquals("INFO", summary.get("level"));
        assertTrue(((String) summary.get("message")).startsWith("answered ok in "), summary.toString());
        assertEquals("ADJ-RED-S", summary.get("sku"));
        assertEquals(2, lines.get(1).get("StockConflicts"));
        assertNull(LogContext.current(), "the context ends with the invocation");
    }

    @Test
    void aFailedInvocationIsLoggedAsFailedAndStillFlushesItsCounts() {
        assertThrows(IllegalStateException.class, () -> Telemetry.invoke(null, () -> {
            Metrics.count("EmailsSent", "Kind", "digest", 1);
            throw new IllegalStateException("boom");
        }, result -> "never"));
        List<Map<String, Object>> lines = lines();
        assertTrue(((String) lines.get(0).get("message")).startsWith("failed in "), lines.toString());
        assertEquals("digest", lines.get(1).get("Kind"));
    }

    @Test
    void theLogLevelFollowsLambdasLoggingConfiguration() {
        assertEquals(Level.INFO, Telemetry.level(null));
        assertEquals(Level.FINE, Telemetry.level("debug"));
        assertEquals(Level.WARNING, Telemetry.level("WARN"));
        assertEquals(Level.SEVERE, Telemetry.level("ERROR"));
    }
}
