package io.shopcare.local;

import io.shopcare.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jar's standard output. Functions write what Lambda would ship to CloudWatch: one JSON
 * object per log line and Embedded Metric Format lines. Here they are printed for a person:
 * <pre>
 * 10:15:02.113 ProductDetail    INFO   GET /products/{productId} answered 200 in 12 ms  productId=rain-poncho  req=3f2a9c1e
 * 10:15:02.300 RestockWave      METRIC EmailsSent=3  Kind=back-in-stock
 * </pre>
 * Other lines pass unchanged. While {@link #hold() held} (the stack starting, demo data going
 * through the real handlers) lines are kept back; {@link #release()} then prints only the
 * warnings and errors among them, so the ready lines come first.
 */
final class LocalConsole {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    /** Fields every log line has, shown in the line's fixed columns rather than as key=value. */
    private static final Set<String> FIXED = Set.of("timestamp", "level", "logger", "message", "requestId", "function",
            "errorType", "errorMessage", "stackTrace");

    private final PrintStream terminal;
    private final PrintStream stream;
    private final ThreadLocal<ByteArrayOutputStream> partialLines = ThreadLocal.withInitial(ByteArrayOutputStream::new);
    private List<String> held;

    LocalConsole(PrintStream terminal) {
        this.terminal = terminal;
        this.stream = new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8);
    }

    /** What System.out should be: every line written to it goes through {@link #readable}. */
    PrintStream stream() {
        return stream;
    }

    synchronized void hold() {
        held = new ArrayList<>();
    }

    /** Prints the warnings and errors written while held; the rest of the start's output is dropped. */
    synchronized void release() {
        List<String> lines = held;
        held = null;
        if (lines != null) {
            lines.stream().filter(LocalConsole::worthShowingAfterStart).forEach(line -> terminal.println(readable(line)));
        }
    }

    private synchronized void emit(String line) {
        if (held != null) {
            held.add(line);
        } else {
            terminal.println(readable(line));
        }
    }

    private static boolean worthShowingAfterStart(String line) {
        Map<String, Object> json = jsonObject(line);
        if (json == null) {
            return true;
        }
        Object level = json.get("level");
        return "WARN".equals(level) || "ERROR".equals(level);
    }

    /** One line as a person reads it; lines that are not a function's JSON come back unchanged. */
    static String readable(String line) {
        Map<String, Object> json = jsonObject(line);
        if (json == null) {
            return line;
        }
        if (json.get("_aws") instanceof Map<?, ?> aws) {
            return metric(json, aws);
        }
        if (!(json.get("message") instanceof String message) || !(json.get("level") instanceof String level)) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        out.append(time(json.get("timestamp"))).append(' ').append(pad(shortName(json.get("function")), 16))
                .append(' ').append(pad(level, 6)).append(' ').append(message);
        json.forEach((key, value) -> {
            if (!FIXED.contains(key)) {
                out.append("  ").append(key).append('=').append(value instanceof List<?> list
                        ? String.join(",", list.stream().map(String::valueOf).toList()) : value);
            }
        });
        if (json.get("requestId") instanceof String requestId) {
            out.append("  req=").append(requestId, 0, Math.min(8, requestId.length()));
        }
        if (json.get("errorType") != null) {
            out.append(System.lineSeparator()).append("    ").append(json.get("errorType")).append(": ")
                    .append(json.get("errorMessage"));
        }
        if (json.get("stackTrace") instanceof String stack) {
            stack.lines().skip(1).limit(12).forEach(frame -> out.append(System.lineSeparator()).append("    ")
                    .append(frame.strip()));
        }
        return out.toString();
    }

    private static String metric(Map<String, Object> json, Map<?, ?> aws) {
        StringBuilder values = new StringBuilder();
        StringBuilder dimensions = new StringBuilder();
        if (aws.get("CloudWatchMetrics") instanceof List<?> directives) {
            for (Object directive : directives) {
                if (!(directive instanceof Map<?, ?> d)) {
                    continue;
                }
                if (d.get("Metrics") instanceof List<?> metrics) {
                    for (Object metric : metrics) {
                        if (metric instanceof Map<?, ?> m && m.get("Name") instanceof String name) {
                            values.append(name).append('=').append(json.get(name)).append("  ");
                        }
                    }
                }
                if (d.get("Dimensions") instanceof List<?> sets) {
                    for (Object set : sets) {
                        if (set instanceof List<?> names) {
                            for (Object name : names) {
                                if (!"Function".equals(name)) {
                                    dimensions.append(name).append('=').append(json.get(String.valueOf(name))).append("  ");
                                }
                            }
                        }
                    }
                }
            }
        }
        return (time(aws.get("Timestamp")) + ' ' + pad(shortName(json.get("Function")), 16) + ' ' + pad("METRIC", 6) + ' '
                + values + dimensions).stripTrailing();
    }

    private static Map<String, Object> jsonObject(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            return Json.parseObject(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String time(Object timestamp) {
        try {
            Instant instant = timestamp instanceof Number millis ? Instant.ofEpochMilli(millis.longValue())
                    : Instant.parse(String.valueOf(timestamp));
            return TIME.format(instant);
        } catch (RuntimeException e) {
            return TIME.format(Instant.now());
        }
    }

    /** ProductDetailFunction reads as ProductDetail: every function's logical id ends the same way. */
    private static String shortName(Object function) {
        String name = function == null ? "-" : String.valueOf(function);
        return name.endsWith("Function") && name.length() > "Function".length()
                ? name.substring(0, name.length() - "Function".length()) : name;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Splits what is written into lines, per thread, so lines written at once by two functions never mix. */
    private final class LineSplitter extends OutputStream {
        @Override
        public void write(int b) {
            ByteArrayOutputStream partial = partialLines.get();
            if (b == '\n') {
                flushLine(partial);
            } else {
                partial.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ByteArrayOutputStream partial = partialLines.get();
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i - start);
                    flushLine(partial);
                    start = i + 1;
                }
            }
            partial.write(bytes, start, offset + length - start);
        }

        private void flushLine(ByteArrayOutputStream partial) {
            String line = partial.toString(StandardCharsets.UTF_8);
            partial.reset();
            emit(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
    }
}
