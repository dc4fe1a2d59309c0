package io.shopcare.availability.aws;

import io.shopcare.availability.AvailabilityQueries;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.util.Map;

/** GET /products/{productId} */
public final class ProductDetailHandler extends JsonApiHandler {
    private final AvailabilityQueries queries;

    public ProductDetailHandler() {
        this(System.getenv());
    }

    public ProductDetailHandler(Map<String, String> environment) {
        this(ReadHandlers.queries(environment));
    }

    public ProductDetailHandler(AvailabilityQueries queries) {
        this.queries = queries;
    }

    @Override
    protected String primingEvent() {
        return primingRequest("GET", "/products/snapstart-priming", Map.of("productId", "snapstart-priming"), null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(queries.product(request.pathId("productId")));
    }
}
