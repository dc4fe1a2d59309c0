package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QR Platba (SPD 1.0) strings and the IBAN check. */
class QrPlatbaTest {
    private static final String IBAN = "CZ6508000000192000145399";

    private static String spd(String amount, String variableSymbol, String message) {
        return QrPlatba.spd(IBAN, new BigDecimal(amount), "CZK", variableSymbol, message);
    }

    /** The value of one attribute, read the way a banking app reads it (split on '*', then ':'). */
    private static String attribute(String spd, String key) {
        for (String part : spd.split("\\*")) {
            if (part.startsWith(key + ":")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }

    @Test
    void writesHeaderAccountAmountCurrencyMessageAndVariableSymbol() {
        assertEquals("SPD*1.0*ACC:CZ6508000000192000145399*AM:1234.50*CC:CZK*MSG:ORDER 123*X-VS:1234567890",
                QrPlatba.spd("CZ65 0800 0000 1920 0014 5399", new BigDecimal("1234.5"), "CZK", "1234567890", "Order 123"));
    }

    @Test
    void leavesOutWhatIsNotGiven() {
        assertEquals("SPD*1.0*ACC:CZ6508000000192000145399*AM:10.00*CC:EUR",
                QrPlatba.spd(IBAN, BigDecimal.TEN, "eur", null, null));
        assertEquals("SPD*1.0*ACC:CZ6508000000192000145399*AM:10.00*CC:CZK*X-VS:42",
                spd("10", "42", "  #!  "), "a message with nothing writable is left out");
    }

    @Test
    void theAmountHasADotAndTwoDecimalsInAtMostTenCharacters() {
        assertEquals("1234.50", attribute(spd("1234.5", null, null), "AM"));
        assertEquals("100.00", attribute(spd("100", null, null), "AM"));
        assertEquals("0.01", attribute(spd("0.01", null, null), "AM"));
        assertEquals("1.50", attribute(spd("1.500", null, null), "AM"), "trailing zeros are no extra precision");
        assertEquals("9999999.99", attribute(spd("9999999.99", null, null), "AM"));
        assertEquals("1000.00", attribute(spd("1E+3", null, null), "AM"), "never scientific notation");
        for (String bad : List.of("10000000.00", "0", "0.00", "-5", "1.005")) {
            assertThrows(IllegalArgumentException.class, () -> spd(bad, null, null), bad);
        }
    }

    @Test
    void theCurrencyIsAnUpperCaseIso4217Code() {
        assertEquals("EUR", attribute(QrPlatba.spd(IBAN, BigDecimal.ONE, "eur", null, null), "CC"));
        for (String bad : List.of("CZ", "CZKK", "XYZ", "C1K", "")) {
            assertThrows(IllegalArgumentException.class, () -> QrPlatba.spd(IBAN, BigDecimal.ONE, bad, null, null), bad);
        }
    }

    @Test
    void theVariableSymbolIsOneToTenDigits() {
        assertEquals("0123", attribute(spd("1", "0123", null), "X-VS"));
        for (String bad : List.of("", "12345678901", "12A4", " 123", "-1")) {
            assertThrows(IllegalArgumentException.class, () -> spd("1", bad, null), bad);
        }
    }

    @Test
    void anInvalidIbanIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> QrPlatba.spd("CZ6508000000192000145398", BigDecimal.ONE, "CZK", null, null));
    }

    @Test
    void anAsteriskInTheMessageIsEscapedSoItCannotEndTheValue() {
        String spd = spd("1", "7", "Gift*wrap");
        assertEquals("GIFT%2AWRAP", attribute(spd, "MSG"));
        assertEquals("7", attribute(spd, "X-VS"), "the attribute after it is still read");
        assertEquals("50%25 %2B 1", attribute(spd("1", null, "50% + 1"), "MSG"), "the escape character and '+' are escaped too");
    }

    @Test
    void theMessageIsUpperCaseWithoutAccentsInTheAlphanumericSet() {
        assertEquals("OBJEDNAVKA C. 2026-7 ZLUTOUCKY KUN", attribute(spd("1", null, "Objednávka č. 2026-7, žluťoučký kůň!"), "MSG"));
        assertEquals("ORDER 12 / A:B $5", attribute(spd("1", null, "Order\t#12 / a:b $5"), "MSG"));
    }

    @Test
    void everyCharacterWrittenIsInTheQrAlphanumericSet() {
        String spd = QrPlatba.spd("cz65 0800 0000 1920 0014 5399", new BigDecimal("99.90"), "czk", "1234567890",
                "Zboží & služby <Ω> naïve café ß 100 € \"quoted\" ~ * %");
        for (char c : spd.toCharArray()) {
            assertTrue("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".indexOf(c) >= 0, "'" + c + "' in " + spd);
        }
        assertEquals(IBAN, attribute(spd, "ACC"));
    }

    @Test
    void theMessageIsCutToSixtyCharactersWithoutSplittingAnEscape() {
        String sixtyFive = "A".repeat(65);
        assertEquals("A".repeat(60), attribute(spd("1", null, sixtyFive), "MSG"));
        // 58 letters and a '*': the escape would end at 61, so it goes whole.
        assertEquals("B".repeat(58), attribute(spd("1", null, "B".repeat(58) + "*C"), "MSG"));
        assertEquals("B".repeat(57) + "%2A", attribute(spd("1", null, "B".repeat(57) + "*C"), "MSG"));
        // A cut that lands after a space leaves no trailing space.
        assertEquals("C".repeat(59), attribute(spd("1", null, "C".repeat(59) + " DDDD"), "MSG"));
    }

    @Test
    void knownIbansAreValidAndSpacesOrLowerCaseDoNotMatter() {
        for (String iban : List.of(IBAN, "CZ65 0800 0000 1920 0014 5399", "cz6508000000192000145399",
                "GB82WEST12345698765432", "DE89370400440532013000", "SK3112000000198742637541", "NO9386011117947")) {
            assertTrue(QrPlatba.isValidIban(iban), iban);
        }
    }

    @Test
    void wrongIbansAreInvalid() {
        for (String iban : List.of(
                "CZ6508000000192000145398",     // last digit changed
                "CZ5608000000192000145399",     // check digits swapped
                "GB82WEST12345698765433",
                "CZ65-0800-0000-1920-0014-5399", // only spaces may group
                "6508000000192000145399CZ",
                "CZ65",
                "NO938601111794",               // shorter than any IBAN
                "CZ65080000001920001453990000000000000",
                "",
                "CZ9908000000000000000092",     // passes mod 97 (as CZ02...) but 99 is never issued
                "CZ0108000000000000000013")) {  // passes mod 97 (as CZ98...) but 01 is never issued
            assertFalse(QrPlatba.isValidIban(iban), iban);
        }
        assertFalse(QrPlatba.isValidIban(null));
        assertTrue(QrPlatba.isValidIban("CZ0208000000000000000092"));
        assertTrue(QrPlatba.isValidIban("CZ9808000000000000000013"));
    }
}
