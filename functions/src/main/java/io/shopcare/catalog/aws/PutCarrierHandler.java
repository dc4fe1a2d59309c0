package io.shopcare.catalog.aws;

import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.CatalogService;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.util.Map;

/** PUT /admin/carriers/{carrierId}: creates or replaces a carrier the shop ships with. */
public final class PutCarrierHandler extends JsonApiHandler {
    private final CatalogService catalog;

    public PutCarrierHandler() {
        this(System.getenv());
    }

    public PutCarrierHandler(Map<String, String> environment) {
        this(PutLocationHandler.catalogService(new Environment(environment)));
    }

    public PutCarrierHandler(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String carrierId = request.pathId("carrierId");
        Carrier carrier = CatalogRequests.carrier(carrierId, request.jsonBody());
        return ApiResponse.ok(catalog.putCarrier(carrier).toJson());
    }
}
