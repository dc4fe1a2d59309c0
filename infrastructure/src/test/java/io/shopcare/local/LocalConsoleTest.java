package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.observability.EmbeddedMetrics;
import io.shopcare.observability.JsonLogFormatter;
import io.shopcare.observability.LogContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The functions' own JSON log and EMF lines, as the jar prints them for a person. */
class LocalConsoleTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:15:02.113Z");
    private static final String CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault())
            .format(AT);

    @Test
    void aFunctionsLogLineShowsTimeFunctionLevelMessageIdsAndTheRequestIdsStart() {
        String json = inInvocation(() -> {
            LogContext.touch("productId", "rain-poncho");
            LogContext.touch("sku", "RP-M");
            LogContext.touch("sku", "RP-L");
            return line(Level.INFO, "GET /products/{productId} answered 200 in 12 ms", null);
        });
        assertEquals(CLOCK + " ProductDetail    INFO   GET /products/{productId} answered 200 in 12 ms"
                + "  productId=rain-poncho  sku=RP-L,RP-M  req=3f2a9c1e", LocalConsole.readable(json));
    }

    @Test
    void aFailureShowsItsTypeMessageAndTheFirstFramesIndented() {
        String json = inInvocation(() -> line(Level.SEVERE, "the wave stopped", new IllegalStateException("table gone")));
        List<String> lines = LocalConsole.readable(json).lines().toList();
        assertTrue(lines.get(0).startsWith(CLOCK + " ProductDetail    ERROR  the wave stopped"), lines.get(0));
        assertEquals("    java.lang.IllegalStateException: table gone", lines.get(1));
        assertTrue(lines.get(2).startsWith("    at io.shopcare.local.LocalConsoleTest"), lines.get(2));
    }

    @Test
    void anEmbeddedMetricLineShowsItsValuesAndDimensions() {
        String json = inInvocation(() -> {
            io.shopcare.observability.Metrics.count("EmailsSent", "Kind", "back-in-stock", 3);
            return EmbeddedMetrics.lines(LogContext.current(), AT.toEpochMilli()).get(0);
        });
        assertEquals(CLOCK + " ProductDetail    METRIC EmailsSent=3  Kind=back-in-stock", LocalConsole.readable(json));
    }

    @Test
    void otherLinesPassUnchanged() {
        for (String line : List.of("GET /products/x 200 4 ms", "{not json", "{\"some\": \"object\"}", "")) {
            assertEquals(line, LocalConsole.readable(line));
        }
    }

    @Test
    void whileHeldOnlyWarningsAndErrorsAreShownAfterwardsAndLinesOfTwoThreadsNeverMix() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        LocalConsole console = new LocalConsole(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        PrintStream out = console.stream();
        console.hold();
        out.println(inInvocation(() -> line(Level.INFO, "demo data stock", null)).strip());
        out.println(inInvocation(() -> line(Level.WARNING, "a demo record was refused", null)).strip());
        out.println("plain text");
        assertEquals("", terminal.toString(StandardCharsets.UTF_8), "nothing printed while held");
        console.release();
        List<String> shown = terminal.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, shown.size(), shown.toString());
        assertTrue(shown.get(0).contains("WARN   a demo record was refused"), shown.get(0));
        assertEquals("plain text", shown.get(1));

        terminal.reset();
        Thread[] writers = new Thread[4];
        for (int t = 0; t < writers.length; t++) {
            String name = "writer" + t;
            writers[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    out.print(name);
                    out.print(" line ");
                    out.println(i);
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        List<String> lines = terminal.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(800, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.matches("writer\\d line \\d+")), "mixed lines");
    }

    private static String inInvocation(java.util.function.Supplier<String> work) {
        LogContext.begin("3f2a9c1e-0000-4000-8000-000000000000", "ProductDetailFunction");
        try {
            return work.get();
        } finally {
            LogContext.end();
        }
    }

    private static String line(Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(AT);
        record.setLoggerName("shopcare.invocation");
        record.setThrown(thrown);
        return new JsonLogFormatter().format(record).strip();
    }
}
