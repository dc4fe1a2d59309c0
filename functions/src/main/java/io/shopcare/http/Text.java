package io.shopcare.http;

/**
 * Which characters free text from a client may hold. Names end up in listings, e-mails and
 * merchant screens: control characters corrupt them, and bidirectional overrides make a name
 * display differently from what it is ("Trojan Source" spoofing), so both are refused.
 */
final class Text {
    private Text() {
    }

    /** A description of the first character not allowed in {@code text}, or null when all are fine. */
    static String unsafeCharacter(String text, boolean multiline) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (multiline && (c == '\n' || c == '\t' || c == '\r')) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                // A message may hold line breaks, so its refusal names only what it may not hold.
                return multiline ? "control characters other than line breaks and tabs" : "control characters or line breaks";
            }
            if (isBidiControl(c)) {
                return "bidirectional control characters";
            }
            if (c == '\uFEFF' || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
                return "byte-order marks or non-characters";
            }
        }
        return null;
    }

    /**
     * Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they reorder what follows.
     * The plain marks (LRM, RLM, ALM) only nudge neutral characters and right-to-left names need them.
     */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
