package io.shopcare.availability.aws;

import io.shopcare.availability.AvailabilityQueries;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.util.Map;

/** GET /skus/{sku}/stores */
public final class SkuStoresHandler extends JsonApiHandler {
    private final AvailabilityQueries queries;

    public SkuStoresHandler() {
        this(System.getenv());
    }

    public SkuStoresHandler(Map<String, String> environment) {
        this(ReadHandlers.queries(environment));
    }

    public SkuStoresHandler(AvailabilityQueries queries) {
        this.queries = queries;
    }

    @Override
    protected String primingEvent() {
        return primingRequest("GET", "/skus/SNAPSTART-PRIMING/stores", Map.of("sku", "SNAPSTART-PRIMING"), null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(queries.stores(request.pathId("sku")));
    }
}
