package io.shopcare.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shopcare.outcome.Refusal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputTextTest {

    @Test
    void aMessageKeepsItsLineBreaksAndTabs() {
        JsonInput input = JsonInput.of(Map.of("message", " The box was wet.\r\n\tThe jacket is torn. "));

        assertEquals("The box was wet.\r\n\tThe jacket is torn.", input.optionalText("message", 1, 2000));
        input.validate();
    }

    @Test
    void aRefusedMessageNamesWhatItMayNotHoldNotTheLineBreaksItMay() {
        JsonInput input = JsonInput.of(Map.of("message", "ring \u0007 the bell"));
        input.optionalText("message", 1, 2000);

        Refusal refusal = assertThrows(Refusal.class, input::validate);
        assertEquals(List.of(new Refusal.Problem("message",
                "must not contain control characters other than line breaks and tabs")), refusal.problems());
    }

    @Test
    void aSingleLineTextRefusesLineBreaks() {
        JsonInput input = JsonInput.of(Map.of("name", "Jana\nNováková"));
        input.optionalString("name", 1, 200);

        Refusal refusal = assertThrows(Refusal.class, input::validate);
        assertEquals(List.of(new Refusal.Problem("name", "must not contain control characters or line breaks")),
                refusal.problems());
    }
}
