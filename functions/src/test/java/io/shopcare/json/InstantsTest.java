package io.shopcare.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantsTest {
    /** The same second written by clocks of each precision: Instant.toString gives 20, 24, 27 and 30 characters. */
    private static final List<Instant> ONE_SECOND_AT_EACH_PRECISION = List.of(Instant.parse("2026-11-23T21:44:42Z"),
            Instant.parse("2026-11-23T21:44:42.347Z"), Instant.parse("2026-11-23T21:44:42.347622Z"),
            Instant.parse("2026-11-23T21:44:42.347622950Z"));

    @Test
    void answersShowWholeSecondsAsTheContractDoes() {
        for (Instant instant : ONE_SECOND_AT_EACH_PRECISION) {
            assertEquals("2026-11-23T21:44:42Z", Instants.answered(instant));
        }
    }

    @Test
    void storedInstantsHaveOneWidthAndReadBackAsTheirMillisecond() {
        assertEquals(List.of("2026-11-23T21:44:42.000Z", "2026-11-23T21:44:42.347Z", "2026-11-23T21:44:42.347Z",
                "2026-11-23T21:44:42.347Z"), ONE_SECOND_AT_EACH_PRECISION.stream().map(Instants::stored).toList());
        Instant precise = ONE_SECOND_AT_EACH_PRECISION.get(3);
        String stored = Instants.stored(precise);
        assertEquals(stored, Instants.stored(Instant.parse(stored)), "a re-saved item keeps its keys");
    }

    @Test
    void storedInstantsSortAsTimeDoes() {
        // Instant.toString would put the whole second after its half ('Z' sorts after '.').
        List<Instant> times = List.of(Instant.parse("2026-11-23T21:44:42.5Z"), Instant.parse("2026-11-23T21:44:42Z"),
                Instant.parse("2026-11-23T21:44:41.999Z"), Instant.parse("2026-11-23T21:44:42.05Z"));
        assertEquals(times.stream().sorted().map(Instants::stored).toList(),
                times.stream().map(Instants::stored).sorted(Comparator.naturalOrder()).toList());
    }
}
