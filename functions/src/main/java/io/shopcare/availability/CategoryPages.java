package io.shopcare.availability;

import io.shopcare.signing.KeyRing;
import io.shopcare.signing.Signer;
import java.util.Map;

/** Category listing pages: one Query for the category, then filter, order, facets and a signed cursor. */
public final class CategoryPages {
    private final ReadModel readModel;
    private final Signer cursors;

    public CategoryPages(ReadModel readModel, KeyRing keys) {
        this.readModel = readModel;
        this.cursors = new Signer(keys, "listing-cursor");
    }

    public Map<String, Object> page(String categoryId, String size, String colour, int limit, String cursor) {
        return CategoryListing.page(categoryId, readModel.categoryEntries(categoryId), size, colour, limit, cursor,
                cursors);
    }
}
