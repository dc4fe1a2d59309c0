package io.shopcare.catalog.aws;

import io.shopcare.catalog.CatalogService;
import io.shopcare.catalog.Product;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.util.Map;

/** PUT /admin/products/{productId}: creates or replaces a product and claims its SKUs. */
public final class PutProductHandler extends JsonApiHandler {
    private final CatalogService catalog;

    public PutProductHandler() {
        this(System.getenv());
    }

    public PutProductHandler(Map<String, String> environment) {
        this(PutLocationHandler.catalogService(new Environment(environment)));
    }

    public PutProductHandler(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String productId = request.pathId("productId");
        Product product = CatalogRequests.product(productId, request.jsonBody());
        return ApiResponse.ok(catalog.putProduct(product).toJson());
    }
}
