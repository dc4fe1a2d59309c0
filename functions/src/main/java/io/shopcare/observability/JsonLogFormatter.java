package io.shopcare.observability;

import io.shopcare.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * java.util.logging records as one JSON object per line: time, level, logger, message, the
 * invocation's request id, function and business ids, and a failure's type, message and stack as
 * one field. CloudWatch Logs Insights reads every field; no line ever spans two log events.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", level(record.getLevel()));
        line.put("logger", record.getLoggerName());
        line.put("message", formatMessage(record));
        LogContext context = LogContext.current();
        if (context != null) {
            line.put("requestId", context.requestId());
            line.put("function", context.function());
            context.ids().forEach((kind, ids) -> line.put(kind, ids.size() == 1 ? ids.iterator().next() : ids));
        }
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            line.put("errorType", thrown.getClass().getName());
            line.put("errorMessage", String.valueOf(thrown.getMessage()));
            StringWriter stack = new StringWriter();
            thrown.printStackTrace(new PrintWriter(stack));
            line.put("stackTrace", stack.toString());
        }
        return Json.write(line) + System.lineSeparator();
    }

    /** Lambda's level names, so its log-level filtering and consoles read them. */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
