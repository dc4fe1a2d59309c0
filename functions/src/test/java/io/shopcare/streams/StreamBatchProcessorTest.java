package io.shopcare.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Partial batch failures: only the failing records (or groups) are reported; nothing else is lost or repeated. */
class StreamBatchProcessorTest {

    private static StreamRecord record(String sequence, String pk) {
        return new StreamRecord(sequence, Map.of("pk", pk), Map.of(), Map.of());
    }

    @Test
    void eachRecordIsHandledAndOnlyTheFailingOnesAreReported() {
        List<String> handled = new ArrayList<>();
        List<String> failed = StreamBatchProcessor.eachRecord(List.of(record("1", "a"), record("2", "b"),
                record("3", "c")), null, r -> {
                    handled.add(r.key("pk"));
                    if (r.sequenceNumber().equals("2")) {
                        throw new IllegalStateException("b failed");
                    }
                });
        assertEquals(List.of("a", "b", "c"), handled);
        assertEquals(List.of("2"), failed);
    }

    @Test
    void recordsAboutOneKeyAreHandledOnceTogetherAndFailTogether() {
        List<String> groups = new ArrayList<>();
        List<String> failed = StreamBatchProcessor.byKey(
                List.of(record("1", "PRODUCT#p"), record("2", "OTHER"), record("3", "PRODUCT#q"), record("4", "PRODUCT#p")),
                null,
                r -> {
                    String pk = r.key("pk");
                    return pk.startsWith("PRODUCT#") ? pk.substring(8) : null;
                },
                (product, records) -> {
                    groups.add(product + ":" + records.size());
                    if (product.equals("p")) {
                        throw new IllegalStateException("p failed");
                    }
                });
        assertEquals(List.of("p:2", "q:1"), groups, "in order of first appearance; OTHER skipped");
        assertEquals(List.of("1", "4"), failed);
    }

    @Test
    void aBatchWithNoFailuresReportsNone() {
        assertEquals(List.of(), StreamBatchProcessor.eachRecord(List.of(record("1", "a")), null, r -> { }));
    }
}
