package io.shopcare.availability;

import io.shopcare.json.Json;
import io.shopcare.outcome.Refusal;
import io.shopcare.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a category: filter, facets, order and cursor, computed in memory from the
 * category's entries (read with one Query). The cursor names the last entry shown and the query
 * it belongs to; it only ever selects a position in this list, never a DynamoDB key, so a forged
 * cursor cannot widen a read. It is signed (HMAC, see {@link Signer}): an edited, forged or
 * foreign cursor is a clear 400, not a silently different page.
 */
public final class CategoryListing {
    private static final String CURSOR_VERSION = "c2";

    private CategoryListing() {
    }

    public static Map<String, Object> page(String categoryId, List<ListingEntry> entries, String size, String colour,
                                           int limit, String cursor, Signer cursors) {
        List<Object> after = cursor == null ? null : decodeCursor(cursors, cursor, categoryId, size, colour);
        List<ListingEntry> matching = entries.stream()
                .filter(e -> (size == null && colour == null) || e.matches(size, colour))
                .sorted(ListingEntry.ORDER)
                .toList();
        int start = 0;
        if (after != null) {
            while (start < matching.size() && compareKeys(matching.get(start).sortKey(), after) <= 0) {
                start++;
            }
        }
        int end = Math.min(matching.size(), start + limit);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ListingEntry entry : matching.subList(start, end)) {
            items.add(entry.item());
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("size", facet(entries, ListingEntry.Option::size, o -> colour == null || colour.equals(o.colour())));
        facets.put("colour", facet(entries, ListingEntry.Option::colour, o -> size == null || size.equals(o.size())));
        page.put("facets", facets);
        if (end < matching.size()) {
            page.put("nextCursor", encodeCursor(cursors, categoryId, size, colour, matching.get(end - 1).sortKey()));
        }
        return page;
    }

    /**
     * Values of one option that some product can be bought in, counted in products, respecting
     * the other option's filter (so a shopper sees what the next click would leave).
     */
    private static List<Map<String, Object>> facet(List<ListingEntry> entries,
                                                   Function<ListingEntry.Option, String> value,
                                                   java.util.function.Predicate<ListingEntry.Option> otherFilter) {
        Map<String, Integer> counts = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ListingEntry entry : entries) {
            entry.buyableOptions().stream().filter(otherFilter).map(value).filter(Objects::nonNull).distinct()
                    .forEach(v -> counts.merge(v, 1, Integer::sum));
        }
        List<Map<String, Object>> facet = new ArrayList<>();
        counts.forEach((v, count) -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", v);
            json.put("count", count);
            facet.add(json);
        });
        return facet;
    }

    static String encodeCursor(Signer cursors, String categoryId, String size, String colour, List<Object> sortKey) {
        List<Object> payload = new ArrayList<>();
        payload.add(CURSOR_VERSION);
        payload.add(categoryId);
        payload.add(size == null ? "" : size);
        payload.add(colour == null ? "" : colour);
        payload.add(sortKey);
        return cursors.sign(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    static List<Object> decodeCursor(Signer cursors, String cursor, String categoryId, String size, String colour) {
        String signed = cursors.verify(cursor).orElseThrow(CategoryListing::invalidCursor);
        try {
            List<Object> payload = Json.parseArray(new String(Base64.getUrlDecoder().decode(signed), StandardCharsets.UTF_8));
            if (payload.size() != 5 || !CURSOR_VERSION.equals(payload.get(0)) || !categoryId.equals(payload.get(1))
                    || !(size == null ? "" : size).equals(payload.get(2))
                    || !(colour == null ? "" : colour).equals(payload.get(3))) {
                throw invalidCursor();
            }
            List<Object> key = (List<Object>) payload.get(4);
            if (key.size() != 4 || !(key.get(0) instanceof Number) || !(key.get(1) instanceof Number)
                    || !(key.get(2) instanceof String) || !(key.get(3) instanceof String)) {
                throw invalidCursor();
            }
            return key;
        } catch (IllegalArgumentException | ClassCastException | Json.MalformedJsonException e) {
            throw invalidCursor();
        }
    }

    private static final Comparator<List<Object>> KEY_ORDER = Comparator
            .comparingLong((List<Object> k) -> ((Number) k.get(0)).longValue())
            .thenComparingLong(k -> ((Number) k.get(1)).longValue())
            .thenComparing(k -> (String) k.get(2), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(k -> (String) k.get(3));

    static int compareKeys(List<Object> a, List<Object> b) {
        return KEY_ORDER.compare(a, b);
    }

    private static Refusal invalidCursor() {
        return Refusal.malformed("INVALID_CURSOR", "The cursor is not valid for this listing.");
    }
}
