package io.shopcare.availability;

import io.shopcare.outcome.Refusal;
import java.util.Map;

/** The product page's and the store finder's questions, each answered from one read-model request. */
public final class AvailabilityQueries {
    private final ReadModel readModel;

    public AvailabilityQueries(ReadModel readModel) {
        this.readModel = readModel;
    }

    public Map<String, Object> product(String productId) {
        return readModel.productDetail(productId).orElseThrow(() -> Refusal.notFound("The product"));
    }

    public Map<String, Object> stores(String sku) {
        return Map.of("items", readModel.skuStores(sku).orElseThrow(() -> Refusal.notFound("The SKU")));
    }
}
