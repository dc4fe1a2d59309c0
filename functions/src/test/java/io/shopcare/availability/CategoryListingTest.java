package io.shopcare.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.outcome.Refusal;
import io.shopcare.signing.KeyRing;
import io.shopcare.signing.Signer;
import io.shopcare.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ordering, filters, facets, pagination and cursors of a category listing, in memory. */
class CategoryListingTest {
    private static final KeyRing KEYS = () -> SigningKeys.fromSecret("{\"current\": \"k1\", \"k1\": \"" + "k".repeat(40) + "\"}");
    private static final Signer CURSORS = new Signer(KEYS, "listing-cursor");
    private static final List<ListingEntry> ENTRIES = List.of(
            entry("sold-1", 2, 1, "Anorak", List.of()),
            entry("in-2", 0, 2, "bomber", List.of(new ListingEntry.Option("M", "red"), new ListingEntry.Option("L", "blue"))),
            entry("pre-3", 1, 3, "Cagoule", List.of(new ListingEntry.Option("S", "red"))),
            entry("in-4", 0, null, "Duffle", List.of(new ListingEntry.Option("M", "blue"))),
            entry("in-5", 0, 2, "Anorak", List.of(new ListingEntry.Option("L", "red"))));

    @Test
    void availableFirstThenPreorderThenSoldOutEachByPositionThenName() {
        assertEquals(List.of("in-5", "in-2", "in-4", "pre-3", "sold-1"), ids(page(null, null, 24, null)));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsAndTheLastHasNoCursor() {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = page(null, null, 2, cursor);
            all.addAll(ids(page));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(List.of("in-5", "in-2", "in-4", "pre-3", "sold-1"), all);
    }

    @Test
    void filtersKeepProductsWithABuyableVariantMatchingBoth() {
        assertEquals(List.of("in-5", "in-2"), ids(page("L", null, 24, null)));
        assertEquals(List.of("in-2"), ids(page("M", "red", 24, null)));
        assertEquals(List.of(), ids(page("L", "green", 24, null)));
    }

    @Test
    void facetsCountBuyableProductsPerValueUnderTheOtherFilter() {
        Map<String, Object> facets = facets(page(null, null, 24, null));
        assertEquals(List.of(Map.of("value", "L", "count", 2), Map.of("value", "M", "count", 2),
                Map.of("value", "S", "count", 1)), facets.get("size"));
        Map<String, Object> redOnly = facets(page(null, "red", 24, null));
        assertEquals(List.of(Map.of("value", "L", "count", 1), Map.of("value", "M", "count", 1),
                Map.of("value", "S", "count", 1)), redOnly.get("size"));
    }

    @Test
    void garbageTamperedForgedOrForeignCursorsAreRefused() {
        String cursor = (String) page(null, null, 2, null).get("nextCursor");
        String[] parts = cursor.split("\\.");
        String edited = edit(parts[1]);
        Signer attacker = new Signer(() -> SigningKeys.fromSecret("{\"current\": \"k1\", \"k1\": \"" + "x".repeat(40) + "\"}"),
                "listing-cursor");
        Signer otherPurpose = new Signer(KEYS, "email-link");
        for (String bad : List.of("garbage", "%", "eyJwb3MiOjN9", cursor.substring(0, cursor.length() - 2),
                parts[0] + "." + edited + "." + parts[2], attacker.sign(edited), attacker.sign(parts[1]),
                otherPurpose.sign(parts[1]), "k9." + parts[1] + "." + parts[2])) {
            Refusal e = assertThrows(Refusal.class, () -> page(null, null, 2, bad), bad);
            assertEquals("INVALID_CURSOR", e.code());
        }
        assertThrows(Refusal.class, () -> CategoryListing.page("other", ENTRIES, null, null, 2, cursor, CURSORS));
        assertThrows(Refusal.class, () -> page("M", null, 2, cursor));
    }

    @Test
    void aCursorSignedBeforeAKeyRotationStillWorks() {
        String cursor = (String) page(null, null, 2, null).get("nextCursor");
        Signer rotated = new Signer(() -> SigningKeys.fromSecret("{\"current\": \"k2\", \"k1\": \"" + "k".repeat(40)
                + "\", \"k2\": \"" + "n".repeat(40) + "\"}"), "listing-cursor");
        Map<String, Object> next = CategoryListing.page("cat", ENTRIES, null, null, 2, cursor, rotated);
        assertEquals(List.of("in-4", "pre-3"), ids(next));
        assertTrue(((String) next.get("nextCursor")).startsWith("k2."));
    }

    @Test
    void anEmptyCategoryIsAnEmptyPage() {
        Map<String, Object> page = CategoryListing.page("cat", List.of(), null, null, 24, null, CURSORS);
        assertEquals(List.of(), page.get("items"));
        assertNull(page.get("nextCursor"));
    }

    /** What an attacker can do without the key: change the payload (another position), keep the format. */
    private static String edit(String payload) {
        String text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("in-2", "in-9");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> page(String size, String colour, int limit, String cursor) {
        return CategoryListing.page("cat", ENTRIES, size, colour, limit, cursor, CURSORS);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("productId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facets(Map<String, Object> page) {
        return (Map<String, Object>) page.get("facets");
    }

    static ListingEntry entry(String id, int group, Integer position, String name, List<ListingEntry.Option> options) {
        return entry(id, group, position, name, options, Map.of());
    }

    static ListingEntry entry(String id, int group, Integer position, String name, List<ListingEntry.Option> options,
                              Map<String, String> attributes) {
        String availability = group == 0 ? "IN_STOCK" : group == 1 ? "PREORDER" : "SOLD_OUT";
        return new ListingEntry(Map.of("productId", id, "name", name, "availability", availability), group, position,
                name, options, attributes, "cat", group != 0);
    }
}
