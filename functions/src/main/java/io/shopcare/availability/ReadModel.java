package io.shopcare.availability;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The storefront's read model: written by the projector, read by the routes, one request per read. */
public interface ReadModel {

    /**
     * Stores the projection unless a newer version of it is stored already; removes the product
     * from categories and SKUs it no longer has.
     */
    void save(ProductProjection projection, Collection<String> droppedCategories, Collection<String> droppedSkus);

    List<ListingEntry> categoryEntries(String categoryId);

    /** True when at least one product is listed in the category. */
    boolean hasCategory(String categoryId);

    void saveAlternatives(String productId, List<Map<String, Object>> alternatives);

    /** The product detail with its alternatives when it needs them. */
    Optional<Map<String, Object>> productDetail(String productId);

    Optional<List<Map<String, Object>>> skuStores(String sku);
}
