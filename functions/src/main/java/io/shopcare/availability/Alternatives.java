package io.shopcare.availability;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ranks in-category substitutes for a product that cannot (fully) be bought. */
public final class Alternatives {
    public static final int MAX = 4;

    private Alternatives() {
    }

    /** Up to four buyable products of {@code candidates}, most shared attributes first, then listing order. */
    public static List<Map<String, Object>> rank(ListingEntry product, List<ListingEntry> candidates) {
        return candidates.stream()
                .filter(c -> !c.productId().equals(product.productId()) && c.buyable())
                .sorted(Comparator.comparingInt((ListingEntry c) -> -sharedAttributes(product, c))
                        .thenComparing(ListingEntry.ORDER))
                .limit(MAX)
                .map(Alternatives::summary)
                .toList();
    }

    static int sharedAttributes(ListingEntry a, ListingEntry b) {
        int shared = 0;
        for (Map.Entry<String, String> attribute : a.attributes().entrySet()) {
            if (attribute.getValue().equals(b.attributes().get(attribute.getKey()))) {
                shared++;
            }
        }
        return shared;
    }

    private static Map<String, Object> summary(ListingEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("productId", entry.productId());
        json.put("name", entry.item().get("name"));
        json.put("price", entry.item().get("price"));
        json.put("availability", entry.item().get("availability"));
        return json;
    }
}
