package io.shopcare.orders;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Czech QR Platba: the Short Payment Descriptor (SPD 1.0, the Czech Banking Association's standard,
 * qr-platba.cz) that banking apps read from a QR code to fill in a transfer.
 *
 * <p>The string is {@code SPD*1.0*} followed by {@code KEY:value} attributes separated by
 * {@code *}. Written here: {@code ACC} (the IBAN, the one required key), {@code AM}, {@code CC},
 * {@code MSG}, then the Czech extension {@code X-VS}: the keys of the spec's table first, in its
 * order, then the {@code X-} extensions, as the standard's reference generator writes them (the spec
 * leaves the order free; readers look keys up by name).
 *
 * <p>Everything written stays inside the QR alphanumeric set the spec recommends (0–9, A–Z, space,
 * {@code $ % * + - . / :}), so the code stays small and any reader can take it; a value never holds
 * a raw {@code *} (the separator) but its percent escape {@code %2A}.
 */
public final class QrPlatba {

    /** AM is at most ten characters: up to 7 digits, the dot, 2 decimals. */
    private static final int MAX_AMOUNT_CHARS = 10;
    private static final int MAX_MESSAGE_CHARS = 60;
    private static final int MAX_VS_DIGITS = 10;
    /** What a value may hold unescaped: the QR alphanumeric set minus the separator and the escape character. */
    private static final String PLAIN = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $-./:";

    private QrPlatba() {
    }

    /**
     * e.g. "SPD*1.0*ACC:CZ6508000000192000145399*AM:1234.50*CC:CZK*MSG:ORDER 123*X-VS:1234567890".
     *
     * @param iban           the payee's IBAN; spaces and lower case are accepted and dropped/raised
     * @param amount         more than 0, at most 2 decimals (never rounded: money is exact), at most
     *                       9 999 999.99 so that {@code AM} keeps to its 10 characters
     * @param currency       ISO 4217 code (upper-cased)
     * @param variableSymbol 1–10 digits, or null for none
     * @param message        the message for the payee, or null for none: accents dropped, upper-cased,
     *                       characters outside the QR alphanumeric set become spaces, {@code *}
     *                       {@code %} {@code +} are percent-escaped, cut so the written value keeps
     *                       to 60 characters; omitted when nothing is left
     * @throws IllegalArgumentException for an invalid IBAN, amount, currency or variable symbol
     */
    public static String spd(String iban, BigDecimal amount, String currency, String variableSymbol, String message) {
        if (!isValidIban(iban)) {
            throw new IllegalArgumentException("not a valid IBAN: " + iban);
        }
        StringBuilder spd = new StringBuilder("SPD*1.0");
        spd.append("*ACC:").append(compactIban(iban));
        spd.append("*AM:").append(amount(amount));
        spd.append("*CC:").append(currency(currency));
        String msg = message == null ? "" : message(message);
        if (!msg.isEmpty()) {
            spd.append("*MSG:").append(msg);
        }
        if (variableSymbol != null) {
            if (!variableSymbol.matches("[0-9]{1," + MAX_VS_DIGITS + "}")) {
                throw new IllegalArgumentException("a variable symbol is 1 to 10 digits: " + variableSymbol);
            }
            spd.append("*X-VS:").append(variableSymbol);
        }
        return spd.toString();
    }

    /**
     * ISO 13616: two letters of country, two check digits (02–98), up to 30 letters and digits,
     * 15–34 characters in all, and the mod-97 check. Spaces (the paper format's groups of four) are
     * ignored; lower case is read as upper case. The country's own length is not checked.
     */
    public static boolean isValidIban(String iban) {
        if (iban == null) {
            return false;
        }
        String compact = compactIban(iban);
        if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        // Check digits are 98 - (n mod 97): 00, 01 and 99 can pass the sum yet are never issued.
        int check = Integer.parseInt(compact.substring(2, 4));
        if (check < 2 || check > 98) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));   // A=10 ... Z=35
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String compactIban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String amount(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("the amount must be more than 0: " + amount);
        }
        BigDecimal cents;
        try {
            cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the amount has more than 2 decimals: " + amount, e);
        }
        String written = cents.toPlainString();
        if (written.length() > MAX_AMOUNT_CHARS) {
            throw new IllegalArgumentException("the amount is longer than " + MAX_AMOUNT_CHARS + " characters: " + written);
        }
        return written;
    }

    private static String currency(String currency) {
        Objects.requireNonNull(currency, "currency");
        String code = currency.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency, e);
        }
    }

    /** The message as written: cleaned to the alphanumeric set, escaped, at most 60 characters. */
    private static String message(String message) {
        String bare = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String upper = bare.toUpperCase(Locale.ROOT);
        StringBuilder cleaned = new StringBuilder();
        for (char c : upper.toCharArray()) {
            cleaned.append(PLAIN.indexOf(c) >= 0 || c == '*' || c == '%' || c == '+' ? c : ' ');
        }
        String text = cleaned.toString().trim().replaceAll(" {2,}", " ");
        StringBuilder written = new StringBuilder();
        for (char c : text.toCharArray()) {
            String piece = switch (c) {
                case '*' -> "%2A";   // the attribute separator
                case '%' -> "%25";   // the escape character itself, or "%2A" typed by a person would turn into "*"
                case '+' -> "%2B";   // readers percent-decode, and some of them read a bare "+" as a space
                default -> String.valueOf(c);
            };
            // Cut whole characters only: half an escape would decode to garbage.
            if (written.length() + piece.length() > MAX_MESSAGE_CHARS) {
                break;
            }
            written.append(piece);
        }
        return written.toString().stripTrailing();
    }
}
