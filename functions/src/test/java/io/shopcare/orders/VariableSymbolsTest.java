package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VariableSymbolsTest {

    @Test
    void everySymbolIsTenDigitsWithoutALeadingZero() {
        SplittableRandom random = new SplittableRandom(7);
        Set<Character> firstDigits = new HashSet<>();
        Set<Character> lastDigits = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String symbol = VariableSymbols.random(random);
            assertTrue(symbol.matches("[1-9][0-9]{9}"), symbol);
            firstDigits.add(symbol.charAt(0));
            lastDigits.add(symbol.charAt(9));
            seen.add(symbol);
        }
        assertEquals(9, firstDigits.size(), "every leading digit 1-9 occurs: " + firstDigits);
        assertEquals(10, lastDigits.size(), "every digit occurs at the end: " + lastDigits);
        assertTrue(seen.size() > 19_900, "draws are spread, not repeated: " + seen.size());
    }

    @Test
    void theSymbolIsAValidQrPlatbaVariableSymbol() {
        String symbol = VariableSymbols.random(new SplittableRandom(11));
        assertTrue(QrPlatba.spd("CZ6508000000192000145399", BigDecimal.TEN, "CZK", symbol, null)
                .endsWith("*X-VS:" + symbol));
        assertNotEquals(symbol, VariableSymbols.random(new SplittableRandom(12)));
    }
}
