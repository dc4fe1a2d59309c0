package io.shopcare.http;

import java.util.Locale;

/**
 * Which of JSON or HTML an {@code Accept} header prefers (RFC 9110 §12.5.1): the most specific
 * media range that matches a type gives its quality; HTML wins only with a strictly higher
 * quality than JSON. No header, {@code *}{@code /*}, a tie or anything unreadable keeps JSON, the
 * contract's answer for API clients; a browser (following an e-mail link, posting a form) asks
 * for {@code text/html} first and everything else at a lower quality.
 */
public final class ContentNegotiation {
    private ContentNegotiation() {
    }

    /** True when {@code accept} ranks {@code text/html} above {@code application/json}. */
    public static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank() || accept.length() > 2048) {
            return false;
        }
        return quality(accept, "text", "html") > quality(accept, "application", "json");
    }

    /** The quality the header gives {@code type/subtype}: that of the most specific matching range, 0 if none. */
    static double quality(String accept, String type, String subtype) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] media = parts[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (media.length != 2) {
                continue;
            }
            int specificity;
            if (media[0].equals(type) && media[1].equals(subtype)) {
                specificity = 2;
            } else if (media[0].equals(type) && media[1].equals("*")) {
                specificity = 1;
            } else if (media[0].equals("*") && media[1].equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].trim().split("=", 2);
                if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                    q = parseQuality(parameter[1].trim());
                }
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = q;
            }
        }
        return quality;
    }

    /** A qvalue ("0", "0.8", "1.000"); anything else counts as 0 (not acceptable). */
    private static double parseQuality(String value) {
        if (!value.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) {
            return 0;
        }
        return Double.parseDouble(value);
    }
}
