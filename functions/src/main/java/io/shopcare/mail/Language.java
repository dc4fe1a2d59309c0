package io.shopcare.mail;

import java.util.Locale;

/** The languages e-mails are written in; anything else falls back to English. */
public enum Language {
    EN, CS, FR, UK;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    /** An explicit {@code locale} value ("cs", "fr-CA", ...), or null when it names no language we write. */
    public static Language ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.trim().split("[-_]", 2)[0].toUpperCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.name().equals(primary)) {
                return language;
            }
        }
        return null;
    }

    /**
     * The best of ours in an {@code Accept-Language} header, honouring q-values
     * ("uk;q=0.9, cs" picks cs); English when nothing matches.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        Language best = null;
        double bestQuality = 0;
        for (String range : header.split(",")) {
            String[] parts = range.trim().split(";");
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            Language language = ofTag(parts[0]);
            if (language != null && quality > bestQuality) {
                best = language;
                bestQuality = quality;
            }
        }
        return best == null ? EN : best;
    }
}
